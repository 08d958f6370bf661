"""Check: the source-language pages of each source document hold it, every sentence, in order, and nothing else.

A page says what it is in its front matter: ``kind: source`` pages reproduce a source document,
named by the page (``document: <id>``, whose file docs/data/documents/<id>.yml names the captured text); pages of ``kind: editorial`` (the edition's own words) and generated pages are not
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

from edition.model.edition import Edition
from edition.model.pages import Block, PageFile
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


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py): each source document against its pages.

    A page's document is named in its front matter and described in docs/data/documents/; a page
    whose document is not described is refused by checks/documents.py, and left out here.
    """
    documents = edition.documents
    groups: dict[str, list[PageFile]] = {}
    for page in source_pages(edition):
        if page.document in documents:
            groups.setdefault(page.document, []).append(page)
    problems: list[Problem] = []
    for document, pages in groups.items():
        work = documents[document]
        if work.words is not None:  # else checks/documents.py names the document's text
            problems.extend(check_source_text(edition, work.words, work.text, pages))
    return problems
