"""Finding the glossary's terms in text, as a reader of each language would find them.

Chinese has no spaces, so a Chinese term is found wherever its characters stand; an English form is
found between word boundaries, ignoring case. The glossary check (checks/glossary.py), the tooltips
and the downloads all find terms here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.model.data import Term
from edition.model.edition import Edition


@dataclass(frozen=True)
class Use:
    """A term found in a text: the term, and where in the text the matched words are."""

    term: Term
    start: int
    end: int


def by_first_letter(alternatives: list[tuple[str, str]]) -> str:
    """Regex alternatives ``(first character, pattern)``, in order, joined as one alternation for a
    pattern compiled with ``re.IGNORECASE``, with the same matches as ``"|".join(patterns)``.

    Why: ignoring case, the regex engine tries every alternative in full at each word start (with
    case, it skips one whose first letter differs in one step); grouped under a look-ahead for
    their first letter, it tries only the group that can match, a third of the time on this
    glossary. Each group keeps its alternatives' order, and only one group can match at any place
    (no two ASCII first characters are the same ignoring case); a first character that is not
    ASCII could share its case with another group's, so then the alternatives are joined as they are.
    """
    if not all(first.isascii() for first, _ in alternatives):
        return "|".join(pattern for _, pattern in alternatives)
    groups: dict[str, list[str]] = {}
    for first, pattern in alternatives:
        groups.setdefault(first.lower(), []).append(pattern)
    return "|".join(f"(?={re.escape(first)})(?:{'|'.join(patterns)})" for first, patterns in groups.items())


class TermFinder:
    """Finds the glossary's terms in text of one language, longest first."""

    def __init__(self, terms: list[Term], lang: str) -> None:
        self.lang = lang
        self.by_form: dict[str, list[Term]] = {}
        for term in terms:
            for form in (term.zh,) if lang == "zh" else term.english_forms:
                self.by_form.setdefault(self._fold(form), []).append(term)
        forms = sorted(self.by_form, key=len, reverse=True)
        if not forms:
            self.pattern = None
        elif lang == "zh":
            self.pattern = re.compile("|".join(re.escape(form) for form in forms))
        else:
            alternatives = by_first_letter([(form[0], re.escape(form)) for form in forms])
            self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)

    def _fold(self, form: str) -> str:
        return form if self.lang == "zh" else form.casefold()

    def terms_of(self, matched: str) -> list[Term]:
        """Every term the matched words stand for (two terms may share an English form)."""
        return self.by_form.get(self._fold(matched), [])

    def find(self, text: str) -> list[Use]:
        if self.pattern is None:
            return []
        return [Use(self.terms_of(m.group(0))[0], m.start(), m.end()) for m in self.pattern.finditer(text)]

    def terms_in(self, text: str) -> list[Term]:
        """The terms a text uses, once each, in order of first use."""
        seen: dict[str, Term] = {}
        for use in self.find(text):
            seen.setdefault(use.term.id, use.term)
        return list(seen.values())


def term_uses(edition: Edition, terms: list[Term]) -> dict[str, list[tuple[str, str]]]:
    """For each term id, the (page name, paragraph id) of every Chinese paragraph using it."""
    finder = TermFinder(terms, edition.default_language)
    uses: dict[str, list[tuple[str, str]]] = {term.id: [] for term in terms}
    for page, block in edition.blocks_in(edition.default_language):
        for term in finder.terms_in(block.text):
            uses[term.id].append((page.name, block.id))
    return uses
