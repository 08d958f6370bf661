"""Check: the Chinese pages hold the source, every sentence, in order, and nothing else.

The reference is the project's copy of the capture (``source/``). Both sides are compared after
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
from pathlib import Path

from edition.pages import Block, Edition, PageFile
from edition.problems import Problem

SOURCE_FILE = Path("source/press-release-2017-09-28.zh.txt")
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


def _chinese_text(edition: Edition) -> tuple[str, list[_Span]]:
    """The normalised text of every id-carrying block of the default-language pages, in nav order."""
    parts: list[str] = []
    spans: list[_Span] = []
    offset = 0
    for name in edition.names:
        page = edition.page(name, edition.default_language)
        if page is None:
            continue
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


def check_source_text(edition: Edition, raw_source: str, source_name: str = str(SOURCE_FILE)) -> list[Problem]:
    text, spans = _chinese_text(edition)
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


def read_source(root: Path) -> str:
    return (root / SOURCE_FILE).read_text(encoding="utf-8")
