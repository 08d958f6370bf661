"""The text pages as a reader sees them: no empty line between paragraphs, or under a heading.

The paragraph tools (permalink and Cite) and anything else a page adds to a paragraph must take no
room in the text while they are hidden. The test measures, in Chromium, the vertical gap between
the visible text of each paragraph or heading and the next one, at a desktop and a phone width, in
both languages, and compares it with what the stylesheet allows: the two blocks' collapsed margin
(the normal paragraph margin between paragraphs) plus the half-leading of the line on each side
(line height minus the height of the text on it, halved), with a few pixels for rounding. An empty
line (a wrapped invisible control, a ``::before`` or ``::after`` with a height) adds a whole line
and fails it.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import DESKTOP

pytestmark = pytest.mark.browser

TEXT_PAGES = ("overview", "reform-work", "policing", "administration", "law-enforcement", "personnel", "next-steps")
WIDTHS = (1280, 390)

# For each pair of neighbouring text blocks of the article: the gap between the bottom of the last
# line of text of the first and the top of the first line of text of the second, and what the
# styles allow. Text inside the paragraph tools is not the paragraph's text, so it is left out.
MEASURE_GAPS = """
article => {
  const TOLERANCE = 4;  // px: rounding, and inline elements (footnote marks) in the first or last line
  const blocks = [...article.children].filter(e => /^(P|H[1-6])$/.test(e.tagName));
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
  const gaps = [];
  for (let i = 1; i < blocks.length; i++) {
    const [first, second] = [blocks[i - 1], blocks[i]];
    if (first.nextElementSibling !== second) continue;  // something else (a figure, a list) between them
    const [above, below] = [textRects(first), textRects(second)];
    if (!above.length || !below.length) continue;
    const last = above.reduce((a, b) => (b.bottom > a.bottom ? b : a));
    const firstLine = below.reduce((a, b) => (b.top < a.top ? b : a));
    const halfLeading = (element, rect) => Math.max(0, (lineHeight(element) - rect.height) / 2);
    const margin = Math.max(px(first, 'marginBottom'), px(second, 'marginTop'));
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


@pytest.mark.heavy
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_no_empty_line_between_paragraphs_or_under_a_heading(open_page, site_url, prefix):
    """Each page opened once and measured at each width (the window resized, as a reader may)."""
    page = open_page(**DESKTOP)
    too_wide: dict[int, list[str]] = {width: [] for width in WIDTHS}
    measured = dict.fromkeys(WIDTHS, 0)
    for name in TEXT_PAGES:
        page.goto(f"{site_url}{prefix}{name}/", wait_until="load")
        page.wait_for_function("() => !document.querySelector('.edition-cite[hidden]')")  # shown by edition.js
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            gaps = page.eval_on_selector("article.md-content__inner", MEASURE_GAPS)
            measured[width] += len(gaps)
            too_wide[width] += [
                f"{prefix}{name}/ #{g['first']} → #{g['second']}: {g['gap']} px > {g['allowed']} px"
                for g in gaps
                if g["gap"] > g["allowed"]
            ]
    for width in WIDTHS:
        assert measured[width] >= 70, "the measurement found too few paragraphs: has the page structure changed?"
        assert too_wide[width] == [], (
            f"empty lines at {width} px (gap between the texts > margin + half-leading each side):\n"
            + "\n".join(too_wide[width])
        )


def test_the_paragraph_tools_take_no_room_until_shown(open_page, site_url):
    """A paragraph is as tall as its text, whether or not its tools are showing."""
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}en/policing/", wait_until="load")
    paragraph = page.locator("#a2-1-1")
    height = paragraph.evaluate("e => e.getBoundingClientRect().height")
    tools = page.locator("#a2-1-1 > .edition-tools")
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "0"
    page.get_by_role("link", name="Link to paragraph a2-1-1", exact=True).focus()
    expect(tools).to_have_css("opacity", "1")  # once its transition is over
    assert paragraph.evaluate("e => e.getBoundingClientRect().height") == height
    # Shown, the tools sit inside the text column, under their paragraph, not over the next one's text.
    box, text_box = tools.bounding_box(), paragraph.bounding_box()
    following = page.locator("#a2-1-2").bounding_box()
    assert box["x"] + box["width"] <= text_box["x"] + text_box["width"] + 1
    assert text_box["y"] + text_box["height"] - 1 <= box["y"] and box["y"] + box["height"] <= following["y"] + 1
