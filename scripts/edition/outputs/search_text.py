"""How search reads text: one normalisation and one tokenizer, mirrored by the browser's search.js.

Recall must not depend on a word segmenter guessing the reader's word (jieba cuts 党的十九大 as
党的/十九大 but 警务云大数据中心 without 数据中心), so Chinese is indexed by overlapping character
pairs (bigrams), as Lucene's CJK analyser and Elasticsearch's ``cjk_bigram`` do: any run of two or
more Han characters in a paragraph, punctuation removed, is found by asking for all its pairs.

Rules (search.js implements the same; tests/test_search_text.py pins both to the same examples):

- ``normalise``: NFKC (full-width digits, letters and ％ become ASCII), lower case, traditional
  characters to simplified through a map made at build time with OpenCC, and thousands
  separators dropped (11,380 → 11380).
- Han characters form runs; punctuation and spaces between two Han characters do not break a run
  (大部门、大警种 is one run). Each run gives its bigrams and its last character followed by
  ``$`` (so a one-character query still finds text that ends with it).
- A number (``3.3``, ``11380``) is a token; followed by ``%`` or by a Han character it also gives
  the joined token (``97%``, ``849个``, ``3.3亿``), so a figure with its unit finds that figure.
- The edition's corrections (函待〔亟待〕, 截止〔截至〕: a slip, then the correction in 〔〕) are
  read three ways, so a reader finds the passage by the source's words, by the corrected ones and
  by the text as printed: see ``readings``.
- Latin words (``a``–``z``, digits inside allowed) are tokens; English words also carry their
  Snowball stem (in the index only: the browser matches a query word to the index's words by
  their stems, see search.js).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import NamedTuple

# The Han ranges both sides use (CJK Unified Ideographs, Extension A, Compatibility Ideographs).
HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
LATIN = re.compile(r"[a-z][a-z0-9]*|[0-9]+[a-z][a-z0-9]*")
END = "$"
HAN_RUN = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in HAN_RANGES) + "]+")
_HAN_CHAR = re.compile(HAN_RUN.pattern[:-1])  # one Han character (a regex: called per term and character)


def is_han(char: str) -> bool:
    return _HAN_CHAR.match(char) is not None


def normalise(text: str, simplify: dict[str, str] | None = None) -> str:
    """The text as search compares it (see the module docstring)."""
    text = unicodedata.normalize("NFKC", text).lower()
    if simplify:
        text = _pattern(simplify).sub(lambda match: simplify[match.group()], text)
    return THOUSANDS.sub("", text)


_patterns: dict[int, tuple[dict[str, str], re.Pattern[str]]] = {}


def _pattern(simplify: dict[str, str]) -> re.Pattern[str]:
    """The characters ``simplify`` changes, as one character class (made once per map).

    Why not ``str.translate``: it looks every character of the text up in the map, a dict, where
    the regex engine tests each against a set in C: a tenth of the time on this text (an index
    build normalises every entry's texts).
    """
    cached = _patterns.get(id(simplify))
    if cached is None or cached[0] is not simplify:
        cached = (simplify, re.compile("[" + "".join(map(re.escape, simplify)) + "]"))
        _patterns.clear()
        _patterns[id(simplify)] = cached
    return cached[1]


def is_gap(char: str) -> bool:
    """Punctuation and spaces: invisible between two Han characters."""
    return char.isspace() or (unicodedata.category(char)[0] in "PSZ" and char != "%")


class Token(NamedTuple):  # a tuple: an index build makes a few hundred thousand of them
    text: str
    kind: str  # "han" (a bigram or "x$"), "number", "unit" (849个, 97%), "word"


def han_runs(text: str) -> Iterator[tuple[int, str]]:
    """(start, run) for each run of Han characters, gaps inside a run removed."""
    start, parts, end = 0, [], 0
    for match in HAN_RUN.finditer(text):
        if parts and all(map(is_gap, text[end : match.start()])):
            parts.append(match.group())  # only punctuation or spaces since the last Han character
        else:
            if parts:
                yield start, "".join(parts)
            start, parts = match.start(), [match.group()]
        end = match.end()
    if parts:
        yield start, "".join(parts)


def bigrams(run: str) -> list[str]:
    """The run's overlapping pairs and its last character with END: 大数据 → 大数 数据 据$."""
    return [run[i : i + 2] for i in range(len(run) - 1)] + [run[-1] + END]


def _figures(text: str) -> Iterator[tuple[int, Token]]:
    """Each number, and each number joined to its unit (a following % or Han character)."""
    for match in NUMBER.finditer(text):
        yield match.start(), Token(match.group(0), "number")
        after = text[match.end() : match.end() + 1]
        if after == "%" or (after and is_han(after)):
            yield match.start(), Token(match.group(0) + after, "unit")


def _words(text: str) -> Iterator[tuple[int, str]]:
    """Each Latin word (not a bare number: those are figures), with where it starts."""
    for match in LATIN.finditer(text):
        if not match.group(0).isdigit():
            yield match.start(), match.group(0)


def tokens(text: str) -> list[Token]:
    """Every token of normalised ``text``, in order (repeats kept: they count)."""
    found: list[tuple[int, Token]] = []
    for start, run in han_runs(text):
        found += [(start, Token(pair, "han")) for pair in bigrams(run)]
    found += _figures(text)
    found += [(start, Token(word, "word")) for start, word in _words(text)]
    found.sort(key=lambda item: item[0])
    return [token for _, token in found]


def terms(text: str) -> tuple[list[str], list[str]]:
    """The texts of ``tokens(text)`` in no order, for counting (the index); and of those, the Han
    bigrams and the numbers with units, which an English entry borrows from its Chinese twin."""
    # The same tokens as ``tokens`` without their places and Token tuples (an index build reads
    # every entry's texts here): LATIN never matches a bare number, so its matches are the words.
    han = [pair for _, run in han_runs(text) for pair in bigrams(run)]
    numbers: list[str] = []
    units: list[str] = []
    for match in NUMBER.finditer(text):
        number = match.group(0)
        numbers.append(number)
        after = text[match.end() : match.end() + 1]
        if after == "%" or (after and is_han(after)):
            units.append(number + after)
    twin = han + units
    return twin + numbers + LATIN.findall(text), twin


CORRECTION = re.compile(r"〔([^〕]*)〕")


def readings(text: str) -> list[str]:
    """The text as printed, as the source has it (〔…〕 left out), and as corrected.

    A correction replaces the characters right before it when it is as long and shares one of
    them (截止〔截至〕 → 截至, 函待〔亟待〕 → 亟待); otherwise it is an insertion (〔四〕, 〔，〕).
    """
    source = CORRECTION.sub("", text)
    corrected = text
    for match in reversed(list(CORRECTION.finditer(text))):
        fix = match.group(1)
        before = corrected[match.start() - len(fix) : match.start()]
        if fix and len(before) == len(fix) and set(before) & set(fix):
            corrected = corrected[: match.start() - len(fix)] + fix + corrected[match.end() :]
        else:
            corrected = corrected[: match.start()] + fix + corrected[match.end() :]
    return list(dict.fromkeys([text, source, corrected]))


def compact(text: str) -> str:
    """The text with gaps removed, for exact-phrase comparison (both sides normalised)."""
    return "".join(char for char in text if not is_gap(char))
