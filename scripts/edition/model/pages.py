"""The pages as the checks see them: each Markdown file, its front matter and its id-carrying blocks.

Pages are rendered with the site's own Markdown extensions (Python-Markdown, as MkDocs does) and
read back with an HTML5 parser (lexbor, edition/model/dom.py), so a check sees exactly the paragraphs and
ids a reader gets. Line
numbers come from the Markdown source, where the ``{#id}`` of each block is written.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import markdown
import yaml

from edition.model.dom import Content, Node, attribute, classes, has_ancestor, strings
from edition.model.yaml_data import read_yaml

# An attr_list written by hand: "{#a1-2}" or "{: #a1-2 .class }". Only ids written this way are
# paragraph ids; headings without one get automatic ids from the toc extension, which are not.
EXPLICIT_ID = re.compile(r"\{:?[^{}]*?#([A-Za-z][\w-]*)[^{}]*\}")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)
# A generated page's content: ``<!-- figures: table -->``, ``<!-- parallel: policing -->`` (a line of its
# own; edition/outputs/placeholders.py expands them).
PLACEHOLDER = re.compile(r"^<!--[ \t]*(?P<kind>[a-z]+):[ \t]*(?P<arg>[\w-]+)[ \t]*-->[ \t]*$", re.MULTILINE)

# What a page is, from its front matter's ``kind``: the source's words (compared with a source
# document), the edition's own words (ids, permalinks, Cite and the checks of the text, no source
# comparison), or a page generated from data and other pages (no hand-written ids).
KINDS = ("source", "editorial", "generated")
DEFAULT_KIND = "source"  # a page that says nothing is held to the strictest rules (and refused)


@dataclass
class Block:
    """A paragraph or heading that carries an explicit id: the unit of alignment and citation."""

    id: str
    tag: str
    text: str
    line: int


@dataclass
class FrontMatter:
    """The YAML block at the top of a page, or the parser's complaint about it."""

    data: dict[str, Any]
    error: str | None = None
    error_line: int = 1
    body_line: int = 1  # the line where the Markdown body starts


@dataclass
class PageFile:
    """One Markdown file of one language, e.g. docs/overview.en.md (name "overview", lang "en")."""

    path: Path  # absolute
    rel: str  # relative to the project root, for messages
    name: str  # page name without the language suffix, e.g. "overview" or "sub/page"
    lang: str | None  # None: the file has no language suffix
    text: str
    markdown_options: dict[str, Any] = field(repr=False, default_factory=dict)

    @cached_property
    def front_matter(self) -> FrontMatter:
        return parse_front_matter(self.text)

    @property
    def document(self) -> str | None:
        """The source document the page reproduces (front matter ``document:``, docs/data/documents/<id>.yml)."""
        value = self.front_matter.data.get("document")
        return str(value) if value else None

    @cached_property
    def shows(self) -> str | None:
        """The page a generated side-by-side view shows (``<!-- parallel: NAME -->``), else None."""
        if self.kind != "generated":
            return None
        return next((m["arg"] for m in PLACEHOLDER.finditer(self.body) if m["kind"] == "parallel"), None)

    @property
    def kind(self) -> str:
        """source, editorial or generated (the front matter check refuses any other value)."""
        value = self.front_matter.data.get("kind")
        return value if value in KINDS else DEFAULT_KIND

    @cached_property
    def body(self) -> str:
        match = FRONT_MATTER.match(self.text)
        return self.text[match.end() :] if match and not self.front_matter.error else self.text

    def line_of_id(self, block_id: str) -> int:
        """The line where ``{#block_id}`` is written (1 if it is not written by hand)."""
        for number, line in enumerate(self.text.splitlines(), start=1):
            if block_id in EXPLICIT_ID.findall(line):
                return number
        return 1

    @cached_property
    def explicit_ids(self) -> list[str]:
        """Ids written by hand in the Markdown, in the order they are written."""
        return EXPLICIT_ID.findall(self.body)

    @cached_property
    def duplicate_ids(self) -> dict[str, int]:
        """Ids written more than once, with their count: such a page cannot be aligned by id."""
        return {block_id: n for block_id, n in Counter(self.explicit_ids).items() if n > 1}

    @cached_property
    def rendered(self) -> str:
        """The page's body as HTML, rendered with the site's Markdown extensions."""
        return converter(self.markdown_options).convert(self.body)

    @cached_property
    def html(self) -> Content:
        return Content(self.rendered)

    @cached_property
    def by_id(self) -> dict[str, Node]:
        """The rendered page's elements by id (the page's tree is only read, never changed)."""
        return self.html.by_id()

    @cached_property
    def blocks(self) -> list[Block]:
        """Every element whose id was written by hand, in document order, with its reader's text."""
        wanted = set(self.explicit_ids)
        found: list[Block] = []
        for element in self.html.body.css("[id]"):
            block_id = attribute(element, "id") or ""
            if block_id not in wanted or has_ancestor(element, lambda node: "footnote" in classes(node)):
                continue
            found.append(Block(block_id, element.tag or "", reader_text(element), self.line_of_id(block_id)))
        return found


def is_marker(node: Node) -> bool:
    """A footnote marker, a permalink symbol or the paragraph tools: not part of a block's text."""
    names = classes(node)
    return (
        (node.tag == "sup" and (attribute(node, "id") or "").startswith("fnref"))
        or (node.tag == "a" and "headerlink" in names)
        or "edition-tools" in names
    )


def reader_text(element: Node) -> str:
    """The text a reader sees in a block, without footnote markers and permalink symbols."""
    return "".join(strings(element, is_marker)).strip()


_converters: dict[int, tuple[dict[str, Any], markdown.Markdown]] = {}


def converter(options: dict[str, Any]) -> markdown.Markdown:
    """One Markdown converter per set of options, reset before each page (setting up the
    extensions costs more than converting a page of this text)."""
    cached = _converters.get(id(options))
    if cached is None or cached[0] is not options:
        if len(_converters) > 8:
            _converters.clear()
        cached = (options, markdown.Markdown(**options))
        _converters[id(options)] = cached
    return cached[1].reset()


def parse_front_matter(text: str) -> FrontMatter:
    """Parse the page's YAML front matter with PyYAML, keeping the parser's message on failure."""
    if not text.startswith("---"):
        return FrontMatter({})
    match = FRONT_MATTER.match(text)
    if not match:
        return FrontMatter({}, "the front matter opened with '---' is never closed by a '---' line", 1)
    body_line = text[: match.end()].count("\n") + 1
    try:
        data = read_yaml(match.group(1) or "")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 1-based, +1 for the '---' line
        problem = getattr(error, "problem", None) or str(error)
        context = getattr(error, "context", None)
        detail = f"{context}, {problem}" if context else problem
        return FrontMatter({}, f"YAML error: {detail}", line, body_line)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter({}, f"front matter must be a mapping of keys, not {type(data).__name__}", 2, body_line)
    return FrontMatter(data, None, 1, body_line)


def split_name(relative: str, languages: list[str]) -> tuple[str, str | None]:
    """'overview.en.md' -> ('overview', 'en'); 'notes.md' -> ('notes', None)."""
    stem = relative[: -len(".md")]
    for lang in languages:
        if stem.endswith(f".{lang}"):
            return stem[: -len(lang) - 1], lang
    return stem, None


def nav_names(nav: Any) -> list[str]:
    """Page names in the order the navigation lists them (nested sections flattened)."""
    names: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            if item.endswith(".md"):
                names.append(item[: -len(".md")])
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav or [])
    return names


def page_files(root: Path, docs_dir: Path, languages: list[str], markdown_options: dict[str, Any]) -> list[PageFile]:
    """Every Markdown file under ``docs_dir``, read; nothing is rendered until a check asks."""
    files = []
    for path in sorted(docs_dir.rglob("*.md")):
        name, lang = split_name(path.relative_to(docs_dir).as_posix(), languages)
        files.append(
            PageFile(
                path=path,
                rel=path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path),
                name=name,
                lang=lang,
                text=path.read_text(encoding="utf-8"),
                markdown_options=markdown_options,
            )
        )
    return files
