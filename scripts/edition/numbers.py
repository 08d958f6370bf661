"""Check: every figure of a Chinese paragraph stands, converted, in its English twin, and back.

Chinese figures are Arabic numerals with their multipliers and units (28万多 = more than 280,000;
3.3亿元 = 330 million yuan; 89.5%; 2016年5月 = May 2016). English figures are numerals with
thousands separators or "million"/"billion", percentages, and month names. Small numbers may be
spelled out in English ("six meetings"); ordinals ("19th") and the enumerators of headings
("(1)", "1.") are the translation's own and are not compared.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from edition.pages import Edition, PageFile
from edition.problems import Problem

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
CN_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}
EN_MULTIPLIERS = {"thousand": Decimal(1_000), "million": Decimal(1_000_000), "billion": Decimal(1_000_000_000)}

CN_FIGURE = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?:多|余)?(?P<mult>[万亿])?(?:多|余)?(?P<unit>%|月)?")
EN_FIGURE = re.compile(
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<ordinal>st|nd|rd|th)?(?:\s(?P<mult>thousand|million|billion))?(?P<unit>%| per ?cent)?(?![\w])"
)
EN_MONTH = re.compile(r"\b(" + "|".join(MONTHS) + r")\b")
EN_WORD = re.compile(r"\b(" + "|".join(WORDS) + r")\b", re.I)
EN_ENUMERATOR = re.compile(r"^\s*(?:\(\d+\)|\d+\.)\s+")


@dataclass(frozen=True)
class Figure:
    """A figure as a comparable token ('280000', '89.5%', 'month 9') and as it was written."""

    key: str
    written: str


def figure_key(value: Decimal, unit: str | None) -> str:
    number = format(value.normalize(), "f")
    if unit == "月":
        return f"month {int(value)}"
    return f"{number}%" if unit and unit.strip() in ("%", "per cent", "percent") else number


def chinese_figures(text: str) -> list[Figure]:
    text = unicodedata.normalize("NFKC", text)
    figures = []
    for match in CN_FIGURE.finditer(text):
        value = Decimal(match["num"]) * CN_MULTIPLIERS.get(match["mult"] or "", Decimal(1))
        figures.append(Figure(figure_key(value, match["unit"]), match.group(0)))
    return figures


def english_figures(text: str) -> list[Figure]:
    """Numerals and months of an English block; spelled-out numbers are not figures here."""
    text = EN_ENUMERATOR.sub("", unicodedata.normalize("NFKC", text))
    figures = []
    for match in EN_FIGURE.finditer(text):
        if match["ordinal"]:
            continue
        value = Decimal(match["num"].replace(",", "") + (match["frac"] or ""))
        value *= EN_MULTIPLIERS.get(match["mult"] or "", Decimal(1))
        figures.append(Figure(figure_key(value, match["unit"]), match.group(0)))
    for match in EN_MONTH.finditer(text):
        figures.append(Figure(f"month {MONTHS.index(match[1]) + 1}", match[1]))
    return figures


def spelled_out(text: str) -> set[str]:
    return {str(WORDS.index(word.lower())) for word in EN_WORD.findall(text)}


def english_form(key: str) -> str:
    """How a figure is written in English, for the message: '280000' -> '280,000'."""
    if key.startswith("month "):
        return MONTHS[int(key.split()[1]) - 1]
    if key.endswith("%"):
        return key
    value = Decimal(key)
    for word in ("billion", "million"):
        size = EN_MULTIPLIERS[word]
        if value >= size:
            return f"{format((value / size).normalize(), 'f')} {word}"
    if value == value.to_integral_value() and value >= 1000 and not 1900 <= value <= 2100:
        return f"{int(value):,}"
    return key


def compare_figures(chinese: PageFile, english: PageFile) -> list[Problem]:
    problems: list[Problem] = []
    english_blocks = {block.id: block for block in english.blocks}
    for block in chinese.blocks:
        twin = english_blocks.get(block.id)
        if twin is None:
            continue  # reported by the paragraph id check
        cn = chinese_figures(block.text)
        en = english_figures(twin.text)
        en_keys = {figure.key for figure in en} | spelled_out(twin.text)
        cn_keys = {figure.key for figure in cn}
        for figure in cn:
            if figure.key not in en_keys:
                problems.append(
                    Problem(
                        english.rel,
                        twin.line,
                        f"paragraph '#{block.id}' lacks the figure {figure.written} of {chinese.rel}:{block.line}.",
                        f"give it in the English as {english_form(figure.key)} (多/余 = 'more than'; 万 = ten thousand; 亿 = hundred million).",
                    )
                )
        for figure in en:
            if figure.key not in cn_keys:
                problems.append(
                    Problem(
                        english.rel,
                        twin.line,
                        f"paragraph '#{block.id}' has the figure {figure.written}, which its Chinese twin {chinese.rel}:{block.line} does not have.",
                        f"check the figure against the Chinese ({', '.join(f.written for f in cn) or 'no figures'}) and correct it.",
                    )
                )
    return problems


def check_figures(edition: Edition) -> list[Problem]:
    problems = []
    for original, twin in edition.pairs():
        problems.extend(compare_figures(original, twin))
    return problems
