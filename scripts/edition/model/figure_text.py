"""How figures are written in each language: read from text (28万多 = more than 280,000) and written for readers.

The numbers check (checks/numbers.py) and the figures check compare what this reads; the generated
tables, charts and downloads (outputs/) write a figure with :func:`display` and :func:`with_unit`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from edition.model.data import Figure
from edition.model.roles import LOCALES

MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


CN_MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000)}


EN_MULTIPLIERS = {"thousand": Decimal(1_000), "million": Decimal(1_000_000), "billion": Decimal(1_000_000_000)}


CN_FIGURE = re.compile(r"(?P<num>\d+(?:\.\d+)?)(?:多|余)?(?P<mult>[万亿])?(?:多|余)?(?P<unit>%|月)?")


# Each pattern starts with what the engine can test for in one step (a digit, a month's or a
# word's first letter): these run over every English sentence and paragraph many times a build,
# and a pattern that starts with a lookbehind or a word boundary is tried in full at every
# character. "\d(?<![\w.]\d)" is "(?<![\w.])\d" (no letter, digit or point before the figure).
EN_FIGURE = re.compile(
    r"(?P<num>\d(?<![\w.]\d)\d{0,2}(?:,\d{3})+|\d(?<![\w.]\d)\d*)(?P<frac>\.\d+)?"
    r"(?P<ordinal>st|nd|rd|th)?(?:\s(?P<mult>thousand|million|billion))?(?P<unit>%| per ?cent)?(?![\w])"
)


EN_MONTH = re.compile(r"(?=[" + "".join(sorted({month[0] for month in MONTHS})) + r"])\b(" + "|".join(MONTHS) + r")\b")


EN_WORD = re.compile(r"(?=[" + "".join(sorted({word[0] for word in WORDS})) + r"])\b(" + "|".join(WORDS) + r")\b", re.I)


EN_ENUMERATOR = re.compile(r"^\s*(?:\(\d+\)|\d+\.)\s+")


@dataclass(frozen=True)
class WrittenFigure:
    """A figure as a comparable token ('280000', '89.5%', 'month 9') and as it was written."""

    key: str
    written: str


def figure_key(value: Decimal, unit: str | None) -> str:
    number = format(value.normalize(), "f")
    if unit == "月":
        return f"month {int(value)}"
    return f"{number}%" if unit and unit.strip() in ("%", "per cent", "percent") else number


def chinese_figures(text: str) -> list[WrittenFigure]:
    text = unicodedata.normalize("NFKC", text)
    figures = []
    for match in CN_FIGURE.finditer(text):
        value = Decimal(match["num"]) * CN_MULTIPLIERS.get(match["mult"] or "", Decimal(1))
        figures.append(WrittenFigure(figure_key(value, match["unit"]), match.group(0)))
    return figures


def english_figures(text: str) -> list[WrittenFigure]:
    """Numerals and months of an English block; spelled-out numbers are not figures here."""
    text = EN_ENUMERATOR.sub("", unicodedata.normalize("NFKC", text))
    figures = []
    for match in EN_FIGURE.finditer(text):
        if match["ordinal"]:
            continue
        value = Decimal(match["num"].replace(",", "") + (match["frac"] or ""))
        value *= EN_MULTIPLIERS.get(match["mult"] or "", Decimal(1))
        figures.append(WrittenFigure(figure_key(value, match["unit"]), match.group(0)))
    for match in EN_MONTH.finditer(text):
        figures.append(WrittenFigure(f"month {MONTHS.index(match[1]) + 1}", match[1]))
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


APPROXIMATE = ("多", "余")


def key_of(figure: Figure) -> str:
    """The figure as the numbers module compares it: '280000', '89.5%'."""
    return figure_key(figure.value, "%" if figure.unit["en"] == "%" else None)


def written_zh(figure: Figure) -> str | None:
    """How the Chinese writes the figure: '28万多', '900多亿', '89.5%'."""
    return next((f.written for f in chinese_figures(figure.zh) if f.key == key_of(figure)), None)


def display(figure: Figure, lang: str) -> str:
    """The figure as a reader of that language expects it: '28万多' / 'more than 280,000'."""
    if lang == "zh":
        written = written_zh(figure) or key_of(figure)
        if figure.qualifier and not any(mark in written for mark in APPROXIMATE):
            return f"超过{written}"
        return written
    number = english_form(key_of(figure))
    if number.isdigit():  # english_form keeps 1900-2100 bare, as years; here they are quantities
        number = f"{int(number):,}"
    return f"{figure.qualifier} {number}" if figure.qualifier else number


def with_unit(figure: Figure, lang: str) -> str:
    """'4.5万余人', 'more than 45,000 officers', '89.5%'."""
    value = display(figure, lang)
    unit = figure.unit[lang]
    if unit == "%":
        return value
    return f"{value}{LOCALES[lang].unit_space}{unit}"


def plain_number(value: Decimal) -> str:
    """The value without exponent or trailing zeros, as the downloads give it: 90000000000, 89.5."""
    return format(value.normalize(), "f")
