"""Glossary: finding its terms in text, and the check that one term is rendered one way everywhere.

Terms are found as a reader of each language would find them. Chinese has no spaces, so a Chinese
term is found anywhere, the longest term first (自治区公安厅 before 自治区, 盟市 before 盟: the
shorter term inside a longer one is not a use of its own). English terms are words: a form is found
between word boundaries, ignoring case ("Banner" in "Naiman Banner").

The check: when a Chinese paragraph uses a term, its English twin uses the term's rendering or one
of the forms listed under ``also`` (plurals, adjectival or short forms). The tooltips and the uses
listed in glossary.json come from the same finder, so what the reader is shown is what is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from edition.data import GLOSSARY_FILE, Data, Term
from edition.pages import Edition
from edition.problems import Problem


@dataclass(frozen=True)
class Use:
    """A term found in a text: the term, and where in the text the matched words are."""

    term: Term
    start: int
    end: int


class TermFinder:
    """Finds the glossary's terms in text of one language, longest first."""

    def __init__(self, terms: list[Term], lang: str) -> None:
        self.lang = lang
        self.by_form: dict[str, list[Term]] = {}
        for term in terms:
            for form in (term.zh,) if lang == "zh" else term.english_forms:
                self.by_form.setdefault(self._fold(form), []).append(term)
        forms = sorted(self.by_form, key=len, reverse=True)
        alternatives = "|".join(re.escape(form) for form in forms)
        if not forms:
            self.pattern = None
        elif lang == "zh":
            self.pattern = re.compile(alternatives)
        else:
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


def uses_rendering(term: Term, english: str) -> bool:
    """True if the English text contains the term's rendering or one of its listed forms."""
    forms = "|".join(re.escape(form) for form in sorted(term.english_forms, key=len, reverse=True))
    return re.search(rf"(?<![\w-])(?:{forms})(?![\w-])", english, re.IGNORECASE) is not None


def term_uses(edition: Edition, terms: list[Term]) -> dict[str, list[tuple[str, str]]]:
    """For each term id, the (page name, paragraph id) of every Chinese paragraph using it."""
    finder = TermFinder(terms, edition.default_language)
    uses: dict[str, list[tuple[str, str]]] = {term.id: [] for term in terms}
    for page, block in edition.blocks_in(edition.default_language):
        for term in finder.terms_in(block.text):
            uses[term.id].append((page.name, block.id))
    return uses


def check_glossary(edition: Edition, data: Data, data_rel: str) -> list[Problem]:
    if unusable := data.unusable(GLOSSARY_FILE):
        return unusable
    problems = list(data.problems.get(GLOSSARY_FILE, []))
    finder = TermFinder(data.terms, edition.default_language)
    for original, twin in edition.pairs():
        twin_blocks = {block.id: block for block in twin.blocks}
        for block in original.blocks:
            english = twin_blocks.get(block.id)
            if english is None:
                continue  # the paragraph id check reports it
            for term in finder.terms_in(block.text):
                if not uses_rendering(term, english.text):
                    forms = " or ".join(f"'{form}'" for form in term.english_forms)
                    problems.append(
                        Problem(
                            twin.rel,
                            english.line,
                            f"paragraph '#{block.id}' does not render {term.zh} ({original.rel}:{block.line}) as the glossary does: {forms} ({data_rel}:{term.line}).",
                            f"use '{term.en}' here, so the term reads the same everywhere; if this wording is a grammatical form of it (plural, adjective), add it to the term's 'also' list in {data_rel}.",
                        )
                    )
    chinese = "".join(
        block.text
        for name in edition.names
        for block in getattr(edition.page(name, edition.default_language), "blocks", [])
    )
    for term in data.terms:
        if term.zh not in chinese:
            problems.append(
                Problem(
                    data_rel,
                    term.line,
                    f"the term {term.zh} ('{term.id}') is not used in any Chinese paragraph.",
                    "correct its Chinese to the words the text uses, or remove the entry.",
                )
            )
    return problems
