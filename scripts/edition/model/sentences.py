"""Where a paragraph's sentences end, in Chinese and in English: the units of the alignment.

Why here, once: the alignment check (edition/model/alignment.py), the proposal tool
(scripts/align_sentences.py), the sentence spans of the pages (edition/outputs/sentence_spans.py) and the
downloads (edition/outputs/text_data.py) must all cut a paragraph at the same places, or an address such as
``#a2-1-2.2`` would name different words in the check and on the page.

Chinese: a sentence ends at 。！？ and at ； (the source uses the full-width semicolon only between
clauses that stand as sentences: the English renders each as a sentence of its own or joins them,
which a 2–1 group records). A stop inside quotation marks or brackets (“…。”) ends no sentence,
and closing marks after a stop stay with the sentence they close.
English: a full stop, question or exclamation mark followed by a space and a capital (or the end),
except after an abbreviation ("No.") or a heading's number ("2.").
"""

from __future__ import annotations

import re

# A full stop, question or exclamation mark (and any closing quotes or brackets) followed by a
# space and the start of a sentence, or by the end of the text.
SENTENCE_END = re.compile(r"""(?<=[.!?])["'”’)\]]*(?=\s+["'“‘(\[]?[A-Z0-9*]|\s*$)""")
ABBREVIATIONS = ("No.", "Nos.", "e.g.", "i.e.", "Mr.", "Ms.", "Dr.", "St.", "para.", "cf.", "vs.", "approx.")
ENUMERATOR = re.compile(r"^\(?\d+[.)]?$")  # "2." of a heading "2. Policing": not a sentence

CHINESE_STOPS = "。！？；"
OPENING = "“‘《（(〔【「『"
CLOSING = "”’》）)〕】」』"
MARKS = re.compile("[" + re.escape(CHINESE_STOPS + OPENING + CLOSING) + "]")  # what chinese_spans looks at


def _continues(previous: str) -> bool:
    """Whether the piece before a full stop is not a sentence of its own (an abbreviation, a heading number)."""
    return previous.endswith(ABBREVIATIONS) or bool(ENUMERATOR.match(previous))


def english_sentences(text: str) -> list[str]:
    """The sentences of an English paragraph (abbreviations such as 'No.' do not end one)."""
    return [text[start:end] for start, end in english_spans(text)]


def english_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each English sentence in ``text``, without the spaces between sentences."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        _add(spans, text, start, match.end())
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """text[start:end] without the spaces at either end, as a span."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Add text[start:end], stripped, as a sentence, or to the last one if that one continues."""
    start, end = _stripped(text, start, end)
    if start == end:
        return
    if spans and _continues(text[spans[-1][0] : spans[-1][1]]):
        spans[-1] = (spans[-1][0], end)
    else:
        spans.append((start, end))


def chinese_sentences(text: str) -> list[str]:
    """The sentences of a Chinese paragraph, cut after 。！？； outside quotation marks and brackets."""
    return [text[start:end] for start, end in chinese_spans(text)]


def chinese_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each Chinese sentence in ``text``."""
    spans: list[tuple[int, int]] = []
    depth, start, index = 0, 0, 0
    while (mark := MARKS.search(text, index)) is not None:  # from mark to mark, not character by character
        char, index = mark.group(), mark.end()
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(0, depth - 1)
        elif depth == 0:  # a stop
            while index < len(text) and text[index] in CLOSING:
                index += 1
            _add_chinese(spans, text, start, index)
            start = index
    _add_chinese(spans, text, start, len(text))
    return spans


def _add_chinese(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    start, end = _stripped(text, start, end)
    if start < end:
        spans.append((start, end))


def sentence_spans(text: str, lang: str, source_lang: str) -> list[tuple[int, int]]:
    """The spans of ``text`` by the rules of its language (the source language's are the Chinese ones)."""
    return chinese_spans(text) if lang == source_lang else english_spans(text)


def split(text: str, lang: str, source_lang: str) -> list[str]:
    """The sentences of ``text`` by the rules of its language."""
    return [text[start:end] for start, end in sentence_spans(text, lang, source_lang)]
