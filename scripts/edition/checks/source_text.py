"""Check: the source-language pages of each source document hold it, every sentence, in order, and nothing else.

A page says what it is in its front matter: ``kind: source`` pages reproduce a source document,
named by the page (``source: source/….txt``) or, for all of them, by the plugin's ``source:`` in
mkdocs.yml; pages of ``kind: editorial`` (the edition's own words) and generated pages are not
compared. The reference is the project's copy of the capture (``source/``). Both sides are compared after
the edition's allowed changes are undone: 〔〕 corrections and insertions are removed, and
punctuation and spacing are ignored (the edition normalises them to full-width forms). Only
blocks that carry a paragraph id count as source text; headings and notes without an id are the
edition's own words.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from edition.model.pages import Block, Edition, PageFile
from edition.model.problems import Problem

# The portal's page furniture, named in source/README.md: not part of the document.
CHROME_LINE_PREFIXES = ("欢迎光临内蒙古政府门户网站",)
CHROME_PHRASES = ("返回新闻发布会首页",)
SENTENCE_END = re.compile(r"(?<=[。！？；;!?])|\n")
EDITORIAL = re.compile(r"〔[^〕]*〕")


def normalise(text: str) -> str:
    """Letters and digits only: what must match once punctuation and 〔〕 marks are set aside."""
    text = unicodedata.normalize("NFKC", EDITORIAL.sub("", text))
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def source_sentences(raw: str) -> list[str]:
    """The document's sentences (and clauses ended by ；), without the portal's chrome."""
    lines = [line for line in raw.splitlines() if not line.strip().startswith(CHROME_LINE_PREFIXES)]
    text = "\n".join(lines)
    for phrase in CHROME_PHRASES:
        text = text.replace(phrase, "")
    return [s.strip() for s in SENTENCE_END.split(text) if normalise(s)]


@dataclass
class _Span:
    start: int
    page: PageFile
    block: Block


def _chinese_text(pages: list[PageFile]) -> tuple[str, list[_Span]]:
    """The normalised text of every id-carrying block of the pages, in the order given (navigation order)."""
    parts: list[str] = []
    spans: list[_Span] = []
    offset = 0
    for page in pages:
        for block in page.blocks:
            text = normalise(block.text)
            spans.append(_Span(offset, page, block))
            parts.append(text)
            offset += len(text)
    return "".join(parts), spans


def _where(spans: list[_Span], offset: int) -> _Span | None:
    if not spans:
        return None
    index = max(0, bisect_right([span.start for span in spans], offset) - 1)
    return spans[index]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def source_pages(edition: Edition) -> list[PageFile]:
    """The source-language pages of ``kind: source``, in navigation order."""
    pages = (edition.page(name, edition.default_language) for name in edition.names)
    return [page for page in pages if page is not None and page.kind == "source"]


def check_source_text(
    edition: Edition, raw_source: str, source_name: str = "the source document", pages: list[PageFile] | None = None
) -> list[Problem]:
    """Compare ``pages`` (by default every source page) with one source document's text."""
    text, spans = _chinese_text(source_pages(edition) if pages is None else pages)
    problems: list[Problem] = []
    covered = [False] * len(text)
    position = 0
    for sentence in source_sentences(raw_source):
        wanted = normalise(sentence)
        found = text.find(wanted, position)
        if found < 0:
            elsewhere = text.find(wanted)
            if elsewhere >= 0 and not covered[elsewhere]:
                # Present, but before the place it belongs: moved, or the navigation is out of order.
                span = _where(spans, elsewhere)
                assert span is not None
                for i in range(elsewhere, elsewhere + len(wanted)):
                    covered[i] = True
                problems.append(
                    Problem(
                        span.page.rel,
                        span.block.line,
                        f"paragraph '#{span.block.id}' has a source sentence out of its order: «{_short(sentence)}».",
                        f"keep the source's order ({source_name}), across pages in navigation order too.",
                    )
                )
                continue
            span = _where(spans, max(position - 1, 0))  # the paragraph the sentence should follow
            where, line, block_id = (span.page.rel, span.block.line, span.block.id) if span else (source_name, 1, "?")
            problems.append(
                Problem(
                    where,
                    line,
                    f"a source sentence is missing or altered at or after paragraph '#{block_id}': «{sentence}».",
                    f"restore it word for word from {source_name}; mark a correction in 〔〕 after the source's word instead of changing it.",
                )
            )
            continue
        for i in range(found, found + len(wanted)):
            covered[i] = True
        position = found + len(wanted)
    # Whatever no source sentence accounts for was added or reworded.
    start = None
    for i, done in enumerate([*covered, True]):
        if not done and start is None:
            start = i
        elif done and start is not None:
            span = _where(spans, start)
            assert span is not None
            problems.append(
                Problem(
                    span.page.rel,
                    span.block.line,
                    f"paragraph '#{span.block.id}' has text that is not in the source (added, reworded or out of order): «{_short(text[start:i])}».",
                    f"keep the source's words as in {source_name}; editorial additions go in 〔〕 or in a footnote.",
                )
            )
            start = None
    return problems


def _source_line(page: PageFile) -> int:
    lines = page.text.splitlines()[: page.front_matter.body_line]
    return next((n for n, line in enumerate(lines, 1) if line.startswith("source:")), 1)


def document_of(edition: Edition, page: PageFile) -> str | None:
    """The source document a page reproduces: its own ``source:``, else the project's."""
    named = page.front_matter.data.get("source")
    return str(named) if named else edition.project.source


def _unusable(root: Path, name: str) -> str | None:
    """Why a named source document cannot be used (None if it can)."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or path.suffix != ".txt":
        return "must be a .txt file inside the project, named from the project root (e.g. source/….txt)"
    if not (root / path).is_file():
        return "does not exist"
    return None


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py): each source document against its pages."""
    problems: list[Problem] = []
    groups: dict[str, list[PageFile]] = {}
    for page in source_pages(edition):
        name = document_of(edition, page)
        if not name:
            problems.append(
                Problem(
                    page.rel,
                    1,
                    "this page is 'kind: source' but no source document is named for it.",
                    "add 'source: source/<file>.txt' to its front matter (or the plugin's 'source:' in mkdocs.yml); "
                    "a page of the edition's own words is 'kind: editorial'.",
                )
            )
            continue
        groups.setdefault(name, []).append(page)
    for name, pages in groups.items():
        why = _unusable(edition.root, name)
        if why:
            named_here = pages[0].front_matter.data.get("source")
            where = (pages[0].rel, _source_line(pages[0])) if named_here else (edition.project.config_rel, 1)
            problems.append(
                Problem(
                    *where,
                    f"the source document '{name}' {why}.",
                    "name the project's copy of the source (source/*.txt).",
                )
            )
            continue
        raw = (edition.root / name).read_text(encoding="utf-8")
        problems.extend(check_source_text(edition, raw, name, pages))
    return problems
