"""Check: what a reader is shown is what the checks read ("Trojan Source", CVE-2021-42574).

Why: a bidirectional override makes a browser show 948 where the file (and every check) says
849; a zero-width character splits a term so the glossary and search no longer find it; a
full-width or other-script digit, or a letter that looks like one (O for 0, l for 1), is a
different figure to every comparison but the same to the eye; a Kangxi radical (⼈) or a CJK
compatibility ideograph looks like the Han character of the source and is not it. So every text
and data file that reaches a page (``SCANNED``) is read character by character, with Unicode's own
data as the reference, not a hand-made list:

- the ``Bidi_Control`` and ``Default_Ignorable_Code_Point`` properties, and the other format (Cf),
  separator (Zl, Zp) and control characters (the ``regex`` module's Unicode database);
- in a figure (a run of letters and digits holding an ASCII digit): any other digit (Nd, No, Nl),
  any character UTS #39 lists as confusable with a digit (``confusable_homoglyphs``' copy of
  confusables.txt), and any character NFKC changes: a figure is compared as raw text and after NFKC
  normalisation, and the two must agree;
- anywhere: a Han look-alike that NFKC maps to another character (the source never has one), and
  a word that mixes Latin letters with Cyrillic, Greek or other look-alike alphabets.

No character is allowed by exception today: a rule that needs one names it in ``ALLOWED`` with
its reason.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import regex

from edition.model.problems import Problem

if TYPE_CHECKING:
    from edition.model.edition import Edition

# What reaches a page: the pages, the data they are made from, the strings, the templates and the
# site's own scripts and styles, mkdocs.yml's labels, and the source the Chinese is compared with.
SCANNED = {
    "docs": (".md", ".yml", ".json", ".js", ".css", ".svg"),
    "overrides": (".html", ".js", ".css"),
    "source": (".txt", ".md"),
}
CONFIG = "mkdocs.yml"
WORDS = {".md", ".yml", ".json", ".txt"}  # text a reader reads; the rest is code
ALLOWED: dict[str, str] = {}  # character -> the rule that needs it (none yet)
INVISIBLE = regex.compile(
    r"[\p{Bidi_Control}\p{Default_Ignorable_Code_Point}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}[\p{Cc}--[\t\n\r]]]", regex.V1
)
TOKEN = regex.compile(r"[\w\p{No}\p{Nl}]+")
ASCII_DIGITS = frozenset("0123456789")
HAN_LOOKALIKES = ((0x2E80, 0x2FDF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F))  # radicals, compatibility ideographs
HAN_LOOKALIKE = regex.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high in HAN_LOOKALIKES) + "]")
# What makes a token worth reading character by character (line_findings): an ASCII digit (then a
# look-alike letter in it is a problem), a digit of another script (a problem even alone), a
# letter of another alphabet than ASCII's and Han (a word may mix look-alike alphabets).
ASCII_DIGIT = regex.compile(r"[0-9]")
OTHER_DIGIT = regex.compile(r"[\p{Nd}--[\x00-\x7F]]", regex.V1)
NEITHER_ASCII_NOR_HAN = regex.compile(r"[^\x00-\x7F\p{Han}]", regex.V1)
# A character one of the three tests above looks for: an ASCII digit, or a token character neither
# ASCII nor Han (which every other-script digit is). Only the tokens that hold one are read
# character by character (most tokens are plain words and Han runs): found from each such
# character, back to its token's start (TOKEN_START reads backwards) and on to its end (TOKEN).
SUSPECT = regex.compile(r"[0-9]|[[\w\p{No}\p{Nl}]--[\x00-\x7F\p{Han}]]", regex.V1)
TOKEN_START = regex.compile(r"[\w\p{No}\p{Nl}]*", regex.REVERSE)


@functools.cache
def digit_lookalikes() -> dict[str, str]:
    """Characters UTS #39 (confusables.txt) makes confusable with one ASCII digit -> that digit.

    The file lists pairs; confusability is transitive (UTS #39 compares skeletons), so Cyrillic О,
    listed with Latin O, is as confusable with 0 as O is: each group of pairs is joined.
    """
    data = json.loads(resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8"))
    parent: dict[str, str] = {}

    def root(char: str) -> str:
        while parent.setdefault(char, char) != char:
            parent[char] = parent[parent[char]]
            char = parent[char]
        return char

    for char, entries in data.items():
        for entry in entries:
            if len(char) == 1 and len(entry["c"]) == 1:
                parent[root(char)] = root(entry["c"])
    digits: dict[str, set[str]] = {}
    for digit in ASCII_DIGITS:
        digits.setdefault(root(digit), set()).add(digit)
    return {
        char: next(iter(digits[root(char)]))
        for char in parent
        if char not in ASCII_DIGITS and len(digits.get(root(char), ())) == 1
    }


@functools.cache
def ascii_lookalike() -> regex.Pattern[str]:
    """The ASCII characters confusable with a digit (l, O …): in an ASCII token, the only ones to look for."""
    return regex.compile("[" + regex.escape("".join(sorted(c for c in digit_lookalikes() if c.isascii()))) + "]")


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed')}"


def line_findings(line: str, words: bool = True) -> Iterator[tuple[str, str]]:
    """What is wrong in one line: (message, fix) for each character refused.

    ``words``: the line is text a reader reads (a page, data, strings), so its figures and Han
    characters are checked too; in code (scripts, styles, templates) only invisible characters.
    """
    for match in INVISIBLE.finditer(line):
        char = match.group()
        if char in ALLOWED:
            continue
        bidi = (
            unicodedata.bidirectional(char) in {"LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
            or char in "\u200e\u200f\u061c"
        )
        what = (
            "a bidirectional control: the browser shows the text around it in another order than the file holds"
            if bidi
            else "an invisible character: the reader does not see it, but every comparison and search does"
        )
        yield (
            f"column {match.start() + 1} has {_name(char)}, {what}.",
            "delete it: open the file in an editor that shows invisible characters (or search for the code point) and remove it.",
        )
    if not words:
        return
    for match in _suspect_tokens(line):
        token = match.group()
        # The character-by-character reading below is for the tokens that can hold what it looks
        # for (most tokens are plain words and Han runs): exactly the ones these two tests let through.
        if token.isascii():
            if ASCII_DIGIT.search(token) and ascii_lookalike().search(token):
                yield from _figure_findings(token, match.start())
        elif ASCII_DIGIT.search(token) or OTHER_DIGIT.search(token):
            yield from _figure_findings(token, match.start())
        if NEITHER_ASCII_NOR_HAN.search(token):
            yield from _mixed_script_findings(token, match.start())
    for match in HAN_LOOKALIKE.finditer(line):
        char = match.group()
        plain = unicodedata.normalize("NFKC", char)
        if plain != char:
            yield (
                f"column {match.start() + 1} has {_name(char)}, which looks like {plain} ({_name(plain)}) and is another character: comparisons with the source and searches miss it.",
                f"write {plain} instead.",
            )


def _suspect_tokens(line: str) -> Iterator[regex.Match[str]]:
    """The tokens of ``line`` (as TOKEN finds them) that hold a ``SUSPECT`` character, in order."""
    position = 0
    while (hit := SUSPECT.search(line, position)) is not None:
        start = TOKEN_START.match(line, 0, hit.start()).start()
        token = TOKEN.match(line, start)
        yield token
        position = token.end()


def _figure_findings(token: str, start: int) -> Iterator[tuple[str, str]]:
    has_ascii = any(char in ASCII_DIGITS for char in token)
    lookalikes = digit_lookalikes()
    for offset, char in enumerate(token):
        if char in ASCII_DIGITS:
            continue
        digit = unicodedata.category(char) in ("Nd", "No", "Nl") and not char.isascii()
        confusable = has_ascii and char in lookalikes
        if not (digit and (has_ascii or unicodedata.category(char) == "Nd")) and not confusable:
            continue
        value = unicodedata.numeric(char, None)
        shown = lookalikes.get(char) or (f"{value:g}" if value is not None else unicodedata.normalize("NFKC", char))
        yield (
            f"column {start + offset + 1}: the figure '{token}' has {_name(char)}, which looks like '{shown}' but is not that ASCII digit; "
            f"read raw it is '{token}', after NFKC normalisation '{unicodedata.normalize('NFKC', token)}', and the checks compare figures as ASCII digits.",
            "write every digit of a figure as an ASCII digit 0-9 (and a letter O or l as the digit it stands for).",
        )


LOOKALIKE_SCRIPTS = {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE"}  # alphabets UTS #39 lists as confusable


def _mixed_script_findings(token: str, start: int) -> Iterator[tuple[str, str]]:
    """A word spelled in two look-alike alphabets ('Hohhоt' with a Cyrillic о): the eye reads one word,
    the glossary, search and every comparison another (UTS #39's mixed-script detection)."""
    scripts: dict[str, str] = {}
    for char in token:
        if char.isalpha():
            script = unicodedata.name(char, "").split(" ")[0]
            if script in LOOKALIKE_SCRIPTS:
                scripts.setdefault(script, char)
    if len(scripts) > 1 and "LATIN" in scripts:
        other = next(script for script in scripts if script != "LATIN")
        char = scripts[other]
        yield (
            f"column {start + token.index(char) + 1}: the word '{token}' mixes Latin letters with {_name(char)}: it looks like one word and is another to search, the glossary and the checks.",
            f"write the word in Latin letters only (retype '{char}').",
        )


def check_text(text: str, rel: str) -> list[Problem]:
    """One file's text, line by line (figures and Han look-alikes only in ``WORDS`` files)."""
    words = Path(rel).suffix.lower() in WORDS
    return [
        Problem(rel, number, message, fix)
        # split at newlines only: splitlines() also splits at U+2028, U+0085 … and would hide them
        for number, line in enumerate(text.split("\n"), start=1)
        for message, fix in line_findings(line.removesuffix("\r"), words)
    ]


def scanned_files(root: Path) -> Iterator[Path]:
    """Every file of ``SCANNED`` under ``root`` (links are refused by the file-boundary check, not followed)."""
    config = root / CONFIG
    if config.is_file():
        yield config
    for folder, suffixes in SCANNED.items():
        base = root / folder
        if base.is_dir() and not base.is_symlink():
            for path in sorted(base.rglob("*")):
                if path.suffix.lower() in suffixes and path.is_file() and not path.is_symlink():
                    yield path


def check_tree(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    for path in scanned_files(root):
        text = path.read_text(encoding="utf-8", errors="replace")
        problems += check_text(text, path.relative_to(root).as_posix())
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_tree(edition.root)
