"""Which texts the browser tests give axe-core's colour rules: each look that text has on the site,
once, wherever it first appears.

axe's colour rules (``color-contrast``, ``link-in-text-block``) are most of its run here (nine
tenths of it on the glossary), and the dark palette needs a second run of them, after a restyle of
the whole page. Every other rule runs on the whole of every page. A text's contrast follows from
the CSS that applies to its element and to the elements behind it, its ancestors; the stylesheets
choose those by element name, class and attribute, and inline styles and SVG's presentation
attributes add their own. So each visible text of a page is described by the chain of its element
and its ancestors, each as the stylesheets can tell it apart:

- its name, classes, ``lang`` (the languages' fonts), ``style`` and SVG presentation attributes,
  as written;
- for each attribute a selector of the site's stylesheets tests (read with tinycss2, a CSS
  tokenizer), which of those tests it passes (``[id^="fnref:"]`` tells ``fnref:1`` from a
  paragraph's id, not one paragraph's id from another's).

On each page, ``NEW_TEXTS`` (in the page, on the live document) finds the visible texts whose chain
no earlier page of this test process showed, and the colour rules run on those (a link's, on the
whole link), in both palettes. A component used on one page only, a new class, an inline style or
an attribute a new stylesheet rule tests is checked where it appears; a text that looks like one
already checked is not checked twice. Form controls that show text (``select``, ``textarea``, text
``input``s: axe reads their displayed value) count as texts of their own.

What this cannot see: a text's contrast changed by what overlaps it from elsewhere in the page (a
positioned element), by its siblings (``:nth-child``, ``+``, ``~``) or by a state (``:checked``,
``:target``, ``:hover``); and a look whose first text axe could not judge (a single character, or
text it counts as scrolled out of sight) is not judged on a later one. None of these touches visible
text on this site's pages as they load; `make bench` runs every rule (in the light palette) on the
whole of every page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tinycss2

# SVG attributes that set a text's colour or what is behind it without CSS (the charts).
PRESENTATION = ("fill", "fill-opacity", "stroke", "color", "opacity", "font-size", "font-weight", "stop-color")
_OPERATORS = ("~=", "|=", "^=", "$=", "*=", "=")


@dataclass
class AttributeTests:
    """What the stylesheets' selectors ask of attributes: presence, or a value test."""

    present: set[str] = field(default_factory=set)
    values: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

    def add(self, block: tinycss2.ast.SquareBracketsBlock) -> None:
        tokens = [t for t in block.content if t.type not in ("whitespace", "comment")]
        if not tokens or tokens[0].type != "ident":
            return
        name = tokens[0].lower_value
        operator = "".join(t.value for t in tokens[1:] if t.type == "literal")
        value = next((t.value for t in tokens[1:] if t.type in ("ident", "string")), None)
        if operator in _OPERATORS and value is not None:
            self.values.setdefault(name, set()).add((operator, value))
        else:
            self.present.add(name)

    def spec(self) -> dict[str, Any]:
        """What NEW_TEXTS needs to describe an element, as JSON."""
        return {
            "written": ["lang", "style", *PRESENTATION],
            "present": sorted(self.present),
            "values": {name: sorted(tests) for name, tests in sorted(self.values.items())},
        }


def attribute_tests(stylesheets: Iterable[str]) -> AttributeTests:
    """Every attribute test in the selectors of ``stylesheets`` (nested @media and @supports too)."""
    tests = AttributeTests()

    def scan(tokens: Iterable[object]) -> None:
        for token in tokens:
            if isinstance(token, tinycss2.ast.SquareBracketsBlock):
                tests.add(token)
            elif isinstance(token, tinycss2.ast.FunctionBlock):  # :is(…), :not(…) and the like
                scan(token.arguments)
            elif isinstance(getattr(token, "content", None), list):
                scan(token.content)

    def rules(nodes: Iterable[object]) -> None:
        for node in nodes:
            if isinstance(node, tinycss2.ast.QualifiedRule):
                scan(node.prelude)
            elif isinstance(node, tinycss2.ast.AtRule) and node.content is not None:
                rules(tinycss2.parse_blocks_contents(node.content, skip_comments=True, skip_whitespace=True))

    for css in stylesheets:
        rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return tests


def site_tests(site: Path) -> AttributeTests:
    """The attribute tests of every stylesheet of the built site."""
    return attribute_tests(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.css")))


# In the page: the chains of its visible texts that ``seen`` does not hold (returned), and the
# elements to check for them in window.__colourTexts (the first text of each new chain; within a
# link, the link, which link-in-text-block looks at).
NEW_TEXTS = """([spec, seen]) => {
  const known = new Set(seen);
  const described = new Map();
  const passes = (op, want, value) => ({
    '=': value === want,
    '~=': value.split(/\\s+/).includes(want),
    '|=': value === want || value.startsWith(want + '-'),
    '^=': want !== '' && value.startsWith(want),
    '$=': want !== '' && value.endsWith(want),
    '*=': want !== '' && value.includes(want),
  })[op];
  const describe = element => {
    if (!described.has(element)) {
      const parts = [element.localName, [...element.classList].sort().join(' ')];
      for (const name of spec.written) if (element.hasAttribute(name)) parts.push(`${name}=${element.getAttribute(name)}`);
      for (const name of spec.present) if (element.hasAttribute(name)) parts.push(`[${name}]`);
      for (const [name, tests] of Object.entries(spec.values)) {
        if (!element.hasAttribute(name)) continue;
        const value = element.getAttribute(name);
        for (const [op, want] of tests) if (passes(op, want, value)) parts.push(`[${name}${op}${want}]`);
      }
      described.set(element, parts.join('|'));
    }
    return described.get(element);
  };
  const fresh = new Map();
  // A visible text's look (its element's chain): if new, ``checked`` is what axe is given for it.
  const look = (element, checked) => {
    if (!element.checkVisibility({opacityProperty: true, visibilityProperty: true})) return;
    const chain = [];
    for (let e = element; e; e = e.parentElement) chain.push(describe(e));
    const key = chain.join(' < ');
    if (!known.has(key) && !fresh.has(key)) fresh.set(key, checked);
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || !node.data.trim() || element.closest('script, style, template, noscript')) continue;
    look(element, element.closest('a[href]') || element);
  }
  const controls = 'select, textarea, input:not([type=hidden], [type=checkbox], [type=radio], [type=range], [type=color], [type=image], [type=file])';
  for (const control of document.body.querySelectorAll(controls)) look(control, control);
  window.__colourTexts = [...new Set(fresh.values())];
  return [...fresh.keys()];
}"""


class ColourCover:
    """The chains this test process has checked; ``new_texts`` finds a page's new ones."""

    def __init__(self, tests: AttributeTests) -> None:
        self.spec = tests.spec()
        self.seen: set[str] = set()

    def new_texts(self, page: Any) -> list[str]:
        """The chains of ``page`` not checked yet (now counted as checked); their texts are in
        window.__colourTexts, for ``axe(page, COLOUR_RULES, new_texts=True)`` (browser_support.py)."""
        chains = page.evaluate(NEW_TEXTS, [self.spec, sorted(self.seen)])
        self.seen.update(chains)
        return chains
