"""Every published word outside the id'd paragraphs, as units the release record freezes.

Why: the record of releases (edition/model/release.py) froze only the paragraphs with ids, so a fact in a
translator's footnote, a name in the About page's table, a page's title or description, a label
made from figures.yml, or the date in a citation template could change with no release and no
entry in the corrections log. Each of these is a *unit* here, with a key that cannot be a paragraph
id (it holds a colon), and stands in the record beside the paragraphs: the errata check then
refuses a change to it, as to a paragraph, until the change is logged and released, and the
Corrections page and feed show it with its wording before and after.

Units, per language:

- ``PAGE:title``, ``PAGE:description``: the front matter a reader sees (page title, search result,
  link preview);
- ``PAGE:note:LABEL``: each footnote (translator's notes, notes on corrections);
- ``PAGE:text``: the rest of the page's own words (headings and paragraphs without an id, tables,
  lists: all of Home and About), as the reader's text;
- ``data:FILE:ID``: the words of each entry of the data files that pages show (labels, units,
  kinds, notes), in that language;
- ``strings:KEY``: the interface strings that readers read as content (``CONTENT_STRINGS``: the
  citation templates and notes, labels of generated pages, the PDFs' words, the downloads' columns).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from edition.model.dom import Node, attribute, classes, has_ancestor, strings
from edition.model.facts import facts, site_names
from edition.model.pages import Block, is_marker
from edition.model.strings import fill_facts

if TYPE_CHECKING:
    from edition.model.edition import Edition
    from edition.model.pages import PageFile

SEPARATOR = ":"
UNIT_JOIN = " ¶ "  # between the segments (headings, paragraphs, cells) of a page's own words
DATA_FILES = {
    "figures.yml": "figures",
    "measures.yml": "measures",
    "glossary.yml": "glossary",
    "corrections.yml": "about",
}
CONTENT_STRINGS = (
    "page.citation",
    "page.citation_editorial",
    "page.citation_page",
    "page.citation_page_editorial",
    "page.source_line",
    "citation.",
    "labels.",
    "term_kinds.",
    "pdf.",
    "columns.",
)
BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, td, th, dt, dd, blockquote, figcaption, summary, caption, pre"
STRINGS_PAGE = "about"  # where a change to an interface string is shown from (the About page cites and lists)


@dataclass(frozen=True)
class Unit:
    """Published words: their text (whitespace runs as one space), the file and line they stand at."""

    key: str
    text: str
    rel: str
    line: int
    page: str  # the page a reader finds them on (for the Corrections page's link)

    def as_block(self) -> Block:
        return Block(self.key, "words", self.text, self.line)


def is_unit(key: str) -> bool:
    """A key of published words, not a paragraph id (ids never hold a colon)."""
    return SEPARATOR in key


def _skipped(node: Node) -> bool:
    """Not words of the page: footnote markers and back-links (↩), permalink symbols, paragraph tools."""
    return is_marker(node) or "footnote-backref" in classes(node)


def _text(element: Node) -> str:
    return "".join(strings(element, _skipped))


def _normal(text: str) -> str:
    return " ".join(text.split())


def _line(text: str, pattern: str, default: int = 1) -> int:
    compiled = re.compile(pattern, re.M)
    match = compiled.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else default


def page_units(page: PageFile) -> Iterator[Unit]:
    name = page.name
    for key in ("title", "description"):
        value = page.front_matter.data.get(key)
        if value:
            yield Unit(f"{name}:{key}", _normal(str(value)), page.rel, _line(page.text, rf"^{key}:"), name)
    ids = set(page.explicit_ids)
    own: list[str] = []
    body = page.html.body
    for element in body.css("div.footnote li[id]"):
        label = (attribute(element, "id") or "").removeprefix("fn:")
        line = _line(page.text, rf"^\[\^{re.escape(label)}\]:", page.front_matter.body_line)
        yield Unit(f"{name}:note:{label}", _normal(_text(element)), page.rel, line, name)
    for element in body.css(BLOCKS):
        if has_ancestor(element, lambda node: "footnote" in classes(node) or (attribute(node, "id") or "") in ids):
            continue
        inner = [n for n in element.css(BLOCKS) if n.mem_id != element.mem_id]  # lexbor's css() includes the node
        if (attribute(element, "id") or "") in ids or inner:
            continue  # an id'd paragraph is its own unit; a container's words are its children's
        text = _normal(_text(element))
        if text:
            own.append(text)
    if own:
        yield Unit(f"{name}:text", UNIT_JOIN.join(own), page.rel, page.front_matter.body_line, name)


def _language_words(data: Any, lang: str) -> Iterator[str]:
    """Every string of an entry in one language: values at a key ``lang``, and ``what_<lang>``."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in (lang, f"what_{lang}") and isinstance(value, str | int | float):
                yield str(value)
            elif key not in ("zh", "en") and not str(key).startswith("what_"):
                yield from _language_words(value, lang)
    elif isinstance(data, list):
        for item in data:
            yield from _language_words(item, lang)


def data_units(edition: Edition, lang: str) -> Iterator[Unit]:
    for name, page in DATA_FILES.items():
        file = edition.yaml_files.get(name)  # as the loader parsed it (edition/model/edition.py)
        if file is None:  # missing, or the data-files check names a file that does not parse
            continue
        rel = (edition.docs_dir / "data" / name).relative_to(edition.root).as_posix()
        tree = file.data or {}
        for section, items in tree.items() if isinstance(tree, dict) else []:
            for index, item in enumerate(items if isinstance(items, list) else []):
                if not isinstance(item, dict):
                    continue
                ident = str(item.get("id") or item.get("note") or f"{section}-{index + 1}")
                words = _normal(" | ".join(w for w in _language_words(item, lang) if w.strip()))
                if words:
                    key = "id" if item.get("id") else "note" if item.get("note") else None
                    line = file.line([section, index, key]) if key else 1
                    yield Unit(f"data:{name}:{section}.{ident}", words, rel, line, page)


def string_units(edition: Edition, lang: str) -> Iterator[Unit]:
    catalogue = edition.strings.get(lang)
    if catalogue is None or catalogue.error is not None:
        return
    # As a reader of the main document's pages reads them: the document's facts filled in too.
    known = facts(edition.versions.info, lang, site_names(edition.project).get(lang, ""))
    for key, template in catalogue.flat().items():
        value = fill_facts(template, known)
        if key in CONTENT_STRINGS or any(key.startswith(p) for p in CONTENT_STRINGS if p.endswith(".")):
            yield Unit(f"strings:{key}", _normal(value), catalogue.rel, catalogue.lines.get(key, 1), STRINGS_PAGE)


_last: list[tuple[Edition, dict[str, list[Unit]]]] = []  # the units of the last edition read (one build's)


def units(edition: Edition, lang: str) -> list[Unit]:
    """Every unit of published words of one language (read once per build: the release check, the
    Corrections page and the feeds of each language all ask)."""
    if not _last or _last[0][0] is not edition:
        _last[:] = [(edition, {})]
    cache = _last[0][1]
    if lang not in cache:
        cache[lang] = _units(edition, lang)
    return cache[lang]


def _units(edition: Edition, lang: str) -> list[Unit]:
    found: list[Unit] = []
    for name in edition.names:
        page = edition.page(name, lang)
        if page is not None:  # a generated page's own words too (its data's words are data units)
            found += page_units(page)
    found += data_units(edition, lang)
    found += string_units(edition, lang)
    return found


def changed_line(source: str, before: str, after: str, default: int) -> int:
    """The line of ``source`` (a page's Markdown) where a unit's text first differs from ``before``:
    the first changed segment (a heading, a cell, a note), found by its longest run of words."""
    old, new = before.split(UNIT_JOIN), after.split(UNIT_JOIN)
    segment = next((n for o, n in zip(old, new, strict=False) if o != n), new[len(old)] if len(new) > len(old) else "")
    words = segment.split()
    lines = source.split("\n")
    for size in range(min(len(words), 8), 0, -1):  # the longest run of words that stands on one line
        for start in range(len(words) - size + 1):
            needle = " ".join(words[start : start + size])
            if len(needle) < 4:
                continue
            hits = [number for number, line in enumerate(lines, 1) if needle in line]
            if len(hits) == 1:
                return hits[0]
    return default


def unreadable(edition: Edition) -> tuple[str, ...]:
    """Key prefixes of units whose file cannot be read now (its own check names it): the release
    check does not call them missing, one cause, one message."""
    prefixes = [f"data:{file}:" for file in DATA_FILES if edition.data.unusable(file)]
    prefixes += [f"data:{file}:" for file in DATA_FILES if _unparsable(edition, file)]
    if any(catalogue.error is not None for catalogue in edition.strings.values()):
        prefixes.append("strings:")
    return tuple(prefixes)


def _unparsable(edition: Edition, name: str) -> bool:
    """The file is there but did not parse (the data-files check names it)."""
    return name not in edition.yaml_files and (edition.docs_dir / "data" / name).is_file()


def page_of_unit(edition: Edition, lang: str) -> dict[str, PageFile]:
    """Unit key -> the page a reader finds it on, for links from the Corrections page and feed."""
    pages = {}
    home = edition.page(edition.names[0], lang) if edition.names else None
    for unit in units(edition, lang):
        page = edition.page(unit.page, lang) or home
        if page is not None:
            pages[unit.key] = page
    return pages
