"""Traditional characters to simplified, for the characters this edition's text uses (OpenCC).

Readers in Hong Kong, Taiwan and abroad type 身份證 or 戶籍; the text has 身份证 and 户籍. The
browser cannot carry OpenCC's dictionaries, and needs only the characters that can match: so
each Chinese text is converted here with OpenCC's phrase-aware configurations (Traditional,
Taiwan and Hong Kong standards), character by character against the original, and also each
character alone; every traditional form that differs from its simplified one goes into the map
the index ships (``meta.json`` "simplify"). OpenCC's simplified→traditional conversions keep the
text's length, which is what makes the character-by-character pairing sound; a conversion that
changes the length (none of these) is skipped rather than paired wrongly.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import opencc

from edition.outputs.search_text import HAN_RUN, is_han

CONFIGURATIONS = ("s2t.json", "s2tw.json", "s2hk.json")


@cache
def _converter(configuration: str) -> opencc.OpenCC:
    return opencc.OpenCC(configuration)


def simplify_map(texts: Iterable[str]) -> dict[str, str]:
    """{traditional character: simplified character} for the Han characters of ``texts``."""
    mapping: dict[str, str] = {}
    characters: set[str] = set()

    def pair(original: str, converted: str) -> None:
        if len(original) != len(converted):
            return
        # The differing pairs first, in order (a comprehension: the texts run to 100,000s of characters).
        differing = [(s, t) for s, t in zip(original, converted, strict=True) if s != t]
        for simple, traditional in dict.fromkeys(differing):  # each pair once, first seen first
            if is_han(traditional) and is_han(simple):
                mapping.setdefault(traditional, simple)

    text = "\n".join(texts)  # one conversion per configuration: OpenCC works line by line anyway
    characters.update("".join(HAN_RUN.findall(text)))
    for configuration in CONFIGURATIONS:
        pair(text, _converter(configuration).convert(text))
    alone = sorted(characters)
    lines = "\n".join(alone)  # each character on a line of its own: converted alone, in one call
    for configuration in CONFIGURATIONS:
        converted = _converter(configuration).convert(lines)
        if len(converted) == len(lines):
            pair(lines, converted)
        else:  # a character became two: pair each alone
            for char in alone:
                pair(char, _converter(configuration).convert(char))
    for simple in characters:  # a character that is itself in the text stays as it is
        mapping.pop(simple, None)
    return mapping
