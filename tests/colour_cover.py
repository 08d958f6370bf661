"""The pages on which the browser tests run axe-core's colour rules: between them, every look that
text has anywhere on the site, in each language.

axe's colour rules (``color-contrast``, ``link-in-text-block``) are most of its run here (nine
tenths of it on the glossary), and the dark palette needs a second run of them, after a restyle of
the whole page. Every other rule still runs on every page. A text's contrast follows from the CSS
that applies to its element and to the elements behind it, its ancestors; the stylesheets choose
those by element name, class and attribute, and inline styles and SVG's presentation attributes
add their own. So each text of a page is described by the chain of its element and its ancestors,
each as the stylesheets can tell it apart:

- its name, classes, ``lang`` (the languages' fonts), ``style`` and SVG presentation attributes,
  as written;
- for each attribute a selector of the site's stylesheets tests (read with tinycss2, a CSS
  tokenizer), which of those tests it passes (``[id^="fnref:"]`` tells ``fnref:1`` from a
  paragraph's id, not one paragraph's id from another's).

The chosen pages hold every chain of the site's texts (greedy set cover, in the order of the
paths); the root's ``lang`` is in each chain, so each language has its own. A component used on one page only, a new class, an inline style or an attribute a
new stylesheet rule tests, brings its page into the set; a page built of what others have already
shown is not checked for colour twice. What this cannot see: a text's contrast changed by what
overlaps it from elsewhere in the page (a positioned element) or by its position among its siblings
(``:nth-child``); the site has neither around text, and `make bench` runs every rule on every page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from selectolax.lexbor import LexborHTMLParser, LexborNode

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

    def describe(self, attributes: dict[str, str | None]) -> list[str]:
        """The tests ``attributes`` pass, as text."""
        passed = [f"[{name}]" for name in sorted(self.present) if name in attributes]
        for name, tests in sorted(self.values.items()):
            if name in attributes:
                value = attributes[name] or ""
                passed += [f"[{name}{op}{v}]" for op, v in sorted(tests) if _passes(op, v, value)]
        return passed


def _passes(operator: str, expected: str, value: str) -> bool:
    return {
        "=": value == expected,
        "~=": expected in value.split(),
        "|=": value == expected or value.startswith(expected + "-"),
        "^=": bool(expected) and value.startswith(expected),
        "$=": bool(expected) and value.endswith(expected),
        "*=": bool(expected) and expected in value,
    }[operator]


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


def text_chains(html: str, tests: AttributeTests) -> set[tuple[str, ...]]:
    """The chains (element to root, each described as the stylesheets see it) of every text of ``html``."""
    document = LexborHTMLParser(html)
    seen: dict[int, str] = {}

    def describe(element: LexborNode) -> str:
        key = element.mem_id
        if key not in seen:
            attributes = element.attributes
            parts = [element.tag or "", " ".join(sorted(str(attributes.get("class") or "").split()))]
            parts += [f"{name}={attributes[name]}" for name in ("lang", "style", *PRESENTATION) if name in attributes]
            seen[key] = "|".join(parts + tests.describe(attributes))
        return seen[key]

    chains = set()
    root = document.root
    for node in root.traverse(include_text=True) if root is not None else ():
        if not node.is_text_node or not (node.text_content or "").strip():
            continue
        chain, element = [], node.parent
        while element is not None and element.is_element_node:
            chain.append(describe(element))
            element = element.parent
        chains.add(tuple(chain))
    return chains


def colour_pages(site: Path, paths: list[str]) -> list[str]:
    """The paths (``paths``, as the tests name pages; "no-such-page/" is the 404 page) whose pages
    hold, between them, every text chain of the site."""
    tests = attribute_tests(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*.css")))
    chains: dict[str, set[tuple[str, ...]]] = {}
    for path in paths:
        page = site / "404.html" if path == "no-such-page/" else site / path / "index.html"
        chains[path] = text_chains(page.read_text(encoding="utf-8"), tests)
    left = set().union(*chains.values())
    chosen: list[str] = []
    while left:
        best = max(paths, key=lambda path: len(chains[path] & left))  # the first of the paths on a tie
        chosen.append(best)
        left -= chains[best]
    return sorted(chosen, key=paths.index)
