"""Check: every figure carries the same qualifier, and the same value, in both languages.

Why: the numbers check (edition/checks/numbers.py) compares values, so "more than 90%" can become "90%"
in the English paragraph, its description and figures.yml in one change, and every value still
agrees while the Chinese says 90%以上. The qualifier is part of the figure: "more than", "about",
"nearly", "at least" and "less than" each say something else. So each figure of a Chinese text is
read with its qualifier (多, 余, 以上, 超过 …; 约, 左右 …; 近 …; 至少 …; 不足 …), each figure of
its English twin with its own (more than, over …; about …; nearly …; at least …; less than …),
and the two must be of the same kind for the same value. Compared: every paragraph with its twin,
every page's description and title with its twin's, and each figure of docs/data/figures.yml (its
phrases and its ``qualifier``). It holds whatever else the same commit changed: both sides are read
as they stand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from edition.model.data import FIGURES_FILE, data_file
from edition.model.edition import Edition
from edition.model.figure_text import CN_FIGURE, EN_ENUMERATOR, EN_FIGURE, chinese_figures, english_figures, key_of
from edition.model.problems import Problem

EXACT = "exact"
# Each kind of qualifier: its Chinese and English words, longest first where one holds another.
KINDS = {
    "more than": (
        ("超过", "逾", "以上", "多", "余"),
        ("more than", "upwards of", "in excess of", "over", "above", "or more", "and more", "and above", "plus"),
    ),
    "about": (("大约", "约", "左右", "上下"), ("approximately", "roughly", "around", "about", "some", "or so")),
    "nearly": (("将近", "接近", "近", "几乎"), ("nearly", "almost", "close to", "just under", "approaching")),
    "at least": (("至少", "不少于", "不低于"), ("at least", "no fewer than", "no less than", "not less than")),
    "less than": (
        ("不足", "不到", "少于", "低于", "以下", "以内"),
        ("less than", "fewer than", "under", "below"),
    ),
}
ZH_BEFORE = {
    word: kind
    for kind, (zh, _) in KINDS.items()
    for word in zh
    if word not in ("以上", "左右", "上下", "以下", "以内", "多", "余")
}
ZH_AFTER = {
    word: kind for kind, (zh, _) in KINDS.items() for word in ("以上", "左右", "上下", "以下", "以内") if word in zh
}
ZH_AFTER_UNIT = re.compile(r"[\u4e00-\u9fff]{0,2}?(" + "|".join(ZH_AFTER) + ")")
EN_BEFORE = {word: kind for kind, (_, en) in KINDS.items() for word in en if not word.startswith(("or ", "and "))}
EN_BEFORE_RE = re.compile(r"(?:^|\W)(" + "|".join(sorted(EN_BEFORE, key=len, reverse=True)) + r")\s+(?:the\s+)?$", re.I)
EN_AFTER = {word: kind for kind, (_, en) in KINDS.items() for word in en if word.startswith(("or ", "and "))}
EN_AFTER_RE = re.compile(r"(?:\s+[a-z-]+){0,2}?\s+(" + "|".join(EN_AFTER) + r")\b(?!\s+than)", re.I)


@dataclass(frozen=True)
class Qualified:
    """A figure as compared ('280000', '90%') with its kind of qualifier and the words that say it."""

    key: str
    kind: str
    written: str


def chinese_qualified(text: str) -> list[Qualified]:
    """Each figure of a Chinese text with its qualifier (the words before and after it)."""
    text = unicodedata.normalize("NFKC", text)
    keys = iter(chinese_figures(text))
    found = []
    for match in CN_FIGURE.finditer(text):
        figure = next(keys)
        kind, start, end = EXACT, match.start(), match.end()
        before = text[max(0, match.start() - 3) : match.start()]
        for word, word_kind in ZH_BEFORE.items():
            if before.endswith(word):
                kind, start = word_kind, match.start() - len(word)
                break
        if "多" in match.group(0) or "余" in match.group(0):
            kind = "more than"
        after = ZH_AFTER_UNIT.match(text, match.end())
        if after:
            kind, end = ZH_AFTER[after[1]], after.end()
        found.append(Qualified(figure.key, kind, text[start:end]))
    return found


def english_qualified(text: str) -> list[Qualified]:
    """Each figure of an English text (numerals, not ordinals or months) with its qualifier."""
    text = EN_ENUMERATOR.sub("", unicodedata.normalize("NFKC", text))
    keys = iter(f for f in english_figures(text) if not f.key.startswith("month "))
    found = []
    for match in EN_FIGURE.finditer(text):
        if match["ordinal"]:
            continue
        figure = next(keys)
        kind, start, end = EXACT, match.start(), match.end()
        before = EN_BEFORE_RE.search(text[: match.start()])
        after = EN_AFTER_RE.match(text, match.end())
        if before:
            kind, start = EN_BEFORE[before[1].lower()], before.start(1)
        elif after:
            kind, end = EN_AFTER[after[1].lower()], after.end()
        found.append(Qualified(figure.key, kind, text[start:end]))
    return found


def compare(chinese: str, english: str) -> Iterator[str]:
    """What differs between the qualifiers of the two texts' figures (one sentence per figure)."""
    cn = chinese_qualified(chinese)
    en = english_qualified(english)
    for key in dict.fromkeys(f.key for f in cn):
        ours = [f for f in cn if f.key == key]
        theirs = [f for f in en if f.key == key]
        if theirs and {f.kind for f in ours} != {f.kind for f in theirs}:
            yield (
                f"the Chinese has {', '.join(f.written for f in ours)} ({', '.join(dict.fromkeys(_say(f.kind) for f in ours))}), "
                f"the English {', '.join(f.written for f in theirs)} ({', '.join(dict.fromkeys(_say(f.kind) for f in theirs))})"
            )


def _say(kind: str) -> str:
    return "no qualifier" if kind == EXACT else f"'{kind}'"


FIX = (
    "give the figure the qualifier of the other language: 多/余/以上/超过 = more than (over); 约/左右 = about; "
    "近/将近 = nearly; 至少 = at least; 不足/不到 = less than; none = none. If the Chinese is the source's word, the English follows it."
)


def _problems(rel: str, line: int, what: str, differences: Iterable[str]) -> Iterator[Problem]:
    seen = set()
    for difference in differences:
        if difference not in seen:
            seen.add(difference)
            yield Problem(rel, line, f"{what}: {difference}.", FIX)


def _front_line(text: str, key: str) -> int:
    return next((n for n, line in enumerate(text.splitlines(), 1) if line.startswith(f"{key}:")), 1)


def check_pages(edition: Edition) -> list[Problem]:
    problems: list[Problem] = []
    for original, twin in edition.pairs():
        blocks = {block.id: block for block in twin.blocks}
        for block in original.blocks:
            other = blocks.get(block.id)
            if other is not None:
                problems += _problems(
                    twin.rel,
                    other.line,
                    f"the figures of paragraph '#{block.id}' differ in qualifier from {original.rel}:{block.line}",
                    compare(block.text, other.text),
                )
        for key in ("description", "title"):
            cn = str(original.front_matter.data.get(key) or "")
            en = str(twin.front_matter.data.get(key) or "")
            problems += _problems(
                twin.rel,
                _front_line(twin.text, key),
                f"the {key}'s figures differ in qualifier from {original.rel}'s",
                compare(cn, en),
            )
    return problems


def check_data(edition: Edition) -> list[Problem]:
    """Each figure of figures.yml: its phrases agree with each other and with its ``qualifier``."""
    rel = data_file(edition.root, edition.docs_dir, FIGURES_FILE)
    problems: list[Problem] = []
    for figure in edition.data.figures:
        key = key_of(figure)
        found = [q for q in chinese_qualified(figure.zh) + english_qualified(figure.en) if q.key == key]
        stated = figure.qualifier or EXACT
        wrong = sorted({q.kind for q in found} - {stated})
        if wrong:
            problems.append(
                Problem(
                    rel,
                    figure.line,
                    f"figure '{figure.id}' says {_say(stated)}, but its phrases ('{figure.zh}' / '{figure.en}') give {', '.join(_say(k) for k in wrong)}.",
                    f"make 'qualifier:' and both phrases agree. {FIX}",
                )
            )
        problems += _problems(
            rel,
            figure.line,
            f"figure '{figure.id}' has phrases that differ in qualifier",
            compare(figure.zh, figure.en),
        )
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py); figures.yml only once it reads (data-files names it)."""
    problems = check_pages(edition)
    if not edition.data.unusable(FIGURES_FILE):
        problems += check_data(edition)
    return problems
