"""No empty line between paragraphs, under a heading or between list items: the text pages as a reader sees them.

The paragraph tools (permalink and Cite) and anything else a page adds to a paragraph must take no
room in the text while they are hidden. ``empty_lines`` measures, in Chromium, the vertical gap
between the visible text of each paragraph or heading and the next one, and of each list item and
the next one, at every width from a small phone's (320 px) to a wide desktop's (1440 px) (the
window resized, as a reader may), and compares it with what the stylesheet allows: the
two blocks' collapsed margin (the normal paragraph margin between paragraphs) plus the half-leading
of the line on each side (line height minus the height of the text on it, halved), with a few
pixels for rounding. An empty line (a wrapped invisible control, a ``::before`` or ``::after`` with
a height) adds a whole line and fails it. test_every_page_in_a_browser measures each text page of
both languages so, on the visit it makes anyway.
"""

from __future__ import annotations

from typing import Any

WIDTHS = (320, 390, 768, 1024, 1280, 1440)

# For each pair of neighbouring text blocks of the article (its paragraphs and headings, a heading
# wrapped with its tools in .edition-heading counting as the heading; and the items of each list):
# the gap between the bottom of the last line of text of the first and the top of the first line of
# text of the second, and what the styles allow. Text inside the paragraph tools is not the
# paragraph's text, so it is left out. The margin allowed is the largest of those that collapse
# into one: the block's own, its wrapper's, and those of its first or last child blocks (a list
# item's paragraphs).
MEASURE_GAPS = """
article => {
  const TOLERANCE = 4;  // px: rounding, and inline elements (footnote marks) in the first or last line
  const unwrap = e => (e.classList.contains('edition-heading') ? e.firstElementChild : e);
  const blocks = [...article.children].map(unwrap).filter(e => /^(P|H[1-6])$/.test(e.tagName));
  const items = [...article.querySelectorAll('ul, ol')].map(list => [...list.children].filter(e => e.tagName === 'LI'));
  const textRects = element => {
    const rects = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || node.parentElement.closest('.edition-tools')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      rects.push(...[...range.getClientRects()].filter(r => r.width > 0 && r.height > 0));
    }
    return rects;
  };
  const px = (element, property) => parseFloat(getComputedStyle(element)[property]) || 0;
  const lineHeight = element => {
    const value = getComputedStyle(element).lineHeight;
    return value === 'normal' ? 1.2 * px(element, 'fontSize') : parseFloat(value);
  };
  const outer = e => (e.parentElement.classList.contains('edition-heading') ? e.parentElement : e);
  const collapsed = (element, side, child) => {
    let margin = 0;
    for (let e = element; e; e = e[child]) {
      if (getComputedStyle(e).display !== 'block' && e !== element) break;
      margin = Math.max(margin, px(e, side));
    }
    return margin;
  };
  const next = e => {
    let sibling = outer(e).nextElementSibling;
    return sibling && unwrap(sibling);
  };
  const pairs = [];
  for (let i = 1; i < blocks.length; i++) pairs.push([blocks[i - 1], blocks[i]]);
  for (const list of items) for (let i = 1; i < list.length; i++) pairs.push([list[i - 1], list[i]]);
  const gaps = [];
  for (const [first, second] of pairs) {
    if (next(first) !== second) continue;  // something else (a figure, a list) between them
    const [above, below] = [textRects(first), textRects(second)];
    if (!above.length || !below.length) continue;
    const last = above.reduce((a, b) => (b.bottom > a.bottom ? b : a));
    const firstLine = below.reduce((a, b) => (b.top < a.top ? b : a));
    const halfLeading = (element, rect) => Math.max(0, (lineHeight(element) - rect.height) / 2);
    const margin = Math.max(
      collapsed(outer(first), 'marginBottom', 'lastElementChild'), collapsed(first, 'marginBottom', 'lastElementChild'),
      collapsed(second, 'marginTop', 'firstElementChild'));
    gaps.push({
      first: first.id || first.tagName.toLowerCase(),
      second: second.id || second.tagName.toLowerCase(),
      gap: Math.round(firstLine.top - last.bottom),
      allowed: Math.round(margin + halfLeading(first, last) + halfLeading(second, firstLine)) + TOLERANCE,
    });
  }
  return gaps;
}
"""


def empty_lines(page: Any, label: str) -> tuple[dict[int, int], list[str]]:
    """The gaps measured at each width of ``WIDTHS`` on the page open in ``page``, and those too
    wide (named with ``label``); the viewport is put back as it was."""
    viewport = page.viewport_size
    page.wait_for_function("() => !document.querySelector('.edition-cite[hidden]')")  # shown by edition.js
    measured: dict[int, int] = {}
    too_wide: list[str] = []
    try:
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            gaps = page.evaluate(f"({MEASURE_GAPS.strip()})(document.querySelector('article.md-content__inner'))")
            measured[width] = len(gaps)
            too_wide += [
                f"{label} at {width} px: #{g['first']} → #{g['second']}: {g['gap']} px > {g['allowed']} px"
                for g in gaps
                if g["gap"] > g["allowed"]
            ]
    finally:
        page.set_viewport_size(viewport)
    return measured, too_wide
