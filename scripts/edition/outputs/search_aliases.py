"""Other names of an entry's words, indexed with them so a reader's own form finds the passage.

A reader types what they know, not what the edition wrote:

- **Spelling.** The English text is in British spelling; a reader may type American (and a text
  may hold an American form). Each English word with a variant in breame's British↔American list
  (PyPI ``breame``, pinned in requirements.txt: -ise/-ize, -our/-or, -re/-er, doubled l, -ce/-se…)
  also indexes its other spelling, with the same weight. The list is not complete (it has
  ``organisation``, not ``modernisation``): a word it lacks ending in ``-isation``/``-ization``
  gets the suffix change the list's own pairs make (a general -ise → -ize would turn promise).
- **Hyphens.** ``body-worn`` is read as two words (search_text.py), so ``body worn`` finds it;
  the joined form (``bodyworn``) is indexed too. A query's words are also tried joined in the
  browser (``counter terrorism`` → ``counterterrorism``), see edition-search.js.
- **Glossary names.** Where a glossary term stands (its Chinese in the Chinese text or in an
  English entry's Chinese twin; one of its English forms in English that has no twin), the entry
  also carries the term's other names: its rendering and
  ``also`` forms, and its toneless Hanyu Pinyin, joined (``wulanchabu``, ``hukou``,
  ``fangguanfu``), generated from the Chinese by ``pypinyin`` (ü as ``v`` and ``u``). The
  browser joins a query's syllables (``Ma Ming`` → ``maming``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS

from edition.checks.glossary import TermFinder
from edition.model.data import Term
from edition.outputs.search_text import HAN_RUN, normalise, terms

HAN = HAN_RUN
# The lookbehind only spares the engine a try at each letter inside a word: a match never starts
# right after a letter (the try one letter earlier would have matched, and taken it).
HYPHENATED = re.compile(r"(?<![a-z])[a-z][a-z0-9]*(?:-[a-z][a-z0-9]*)+")
# Only the nominal suffix: a general -ise → -ize would also turn promise and exercise.
SUFFIXES = ("isation", "ization", "isations", "izations")


@cache
def _suffix_pairs() -> dict[str, str]:
    """Suffix changes breame's list makes most often (isation→ization, …), both ways."""
    seen: Counter[tuple[str, str]] = Counter()
    for pairs in (BRITISH_ENGLISH_SPELLINGS, AMERICAN_ENGLISH_SPELLINGS):
        for word, other in pairs.items():
            if not word.endswith(SUFFIXES):  # most pairs (one test each: this runs in every build)
                continue
            suffix = next(suffix for suffix in SUFFIXES if word.endswith(suffix))
            stem = word[: -len(suffix)]
            if other.startswith(stem) and other != word:
                seen[(suffix, other[len(stem) :])] += 1
    return {suffix: other for (suffix, other), n in seen.items() if n >= 20}


@cache  # an index asks for the same words again and again
def spelling_variants(word: str) -> tuple[str, ...]:
    """The word's other spelling (British↔American), from breame's list or its suffix pairs."""
    for pairs in (BRITISH_ENGLISH_SPELLINGS, AMERICAN_ENGLISH_SPELLINGS):
        if word in pairs and pairs[word] != word and " " not in pairs[word]:
            return (pairs[word],)
    for suffix, other in _suffix_pairs().items():
        if word.endswith(suffix) and len(word) > len(suffix) + 3:
            return (word[: -len(suffix)] + other,)
    return ()


def joined_forms(text: str) -> list[str]:
    """Each hyphenated compound of normalised ``text`` written as one word (body-worn → bodyworn)."""
    if "-" not in text:  # most entries (the Chinese ones all but always)
        return []
    return [match.group(0).replace("-", "") for match in HYPHENATED.finditer(text)]


def pinyin(chinese: str) -> list[str]:
    """Toneless Hanyu Pinyin of ``chinese``, joined: ü written v and u (绿 → lv, lu)."""
    from pypinyin import Style, lazy_pinyin  # here: its phrase dictionary takes a third of a second to load,
    # which a build pays once for the aliases and the maintainers' scripts (which load the plugin) never

    syllables = lazy_pinyin(chinese, style=Style.NORMAL, errors="ignore")
    joined = "".join(syllables)
    return list(dict.fromkeys([joined, joined.replace("v", "u")])) if joined.isascii() and joined else []


class Aliases:
    """The other names of the words of an entry's texts (see the module docstring)."""

    def __init__(self, glossary: Iterable[Term] = ()) -> None:
        glossary = list(glossary)
        self.chinese = TermFinder(glossary, "zh")
        self.english = TermFinder(glossary, "en")
        self._names: dict[str, list[str]] = {}
        for term in glossary:
            names = [word for form in term.english_forms for word in terms(normalise(form))[0]]
            self._names[term.id] = list(dict.fromkeys(names + pinyin(term.zh)))

    def of(self, text: str, words: Iterable[str]) -> Counter[str]:
        """Alias terms and how often each stands in for a word of the entry.

        ``text``: all the entry's text (an English entry's with its Chinese twin); ``words``: the
        Latin words already counted for it (search_text.terms).
        """
        found: Counter[str] = Counter()
        for word in words:
            if word.isalpha() and (variants := spelling_variants(word)):  # most words have none
                found.update(variants)
        found.update(joined_forms(normalise(text)))
        uses = self.chinese.find(text)
        if not uses and not HAN.search(text):  # English without its Chinese twin (which names the same terms)
            uses = self.english.find(text)
        for use in uses:
            found.update(self._names[use.term.id])
        return found
