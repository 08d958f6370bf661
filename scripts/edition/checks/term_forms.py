"""One name per thing: every English wording of a glossary term is a form the glossary lists.

The glossary check (glossary.py) asks a paragraph whose Chinese uses a term to use the term's
rendering; it cannot see a variant standing beside the rendering ("Exit-Entry" next to "exit and
entry"), nor text without a Chinese twin: translator's notes, About, the glossary's own notes, the
data's labels. This check reads everything a reader of the translation sees, line by line: the
English pages (front matter, headings, paragraphs, notes; the parallel views and the PDFs are made
from them), the glossary's renderings, ``also`` forms and notes, the English of figures, charts
and measures, the edition's facts, the interface strings and the navigation labels.

A term's wording is found loosely: ignoring case, with hyphens, spaces, apostrophes and the small
words "and", "of", "the" between its words free. What is found must be the rendering or an
``also`` form, in any case (a capital at the start of a sentence, a heading, a unit's proper name
such as "Traffic Management Bureau"), except that the names of Inner Mongolia's units (``kind:
unit``) keep the capitals the glossary gives them: "autonomous region" for "Autonomous Region" is
a variant. Wordings under ``avoid`` are the glossary check's to report, and are left to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from edition.checks.glossary import nav_labels
from edition.model.data import FIGURES_FILE, GLOSSARY_FILE, MEASURES_FILE, Term, data_file
from edition.model.edition import Edition
from edition.model.problems import Problem
from edition.model.release import EDITION_FILE
from edition.model.strings import STRINGS_FILE
from edition.model.terms import by_first_letter
from edition.model.yaml_data import YamlFile

SMALL_WORDS = frozenset({"and", "of", "the"})  # free between a term's words: "exit-entry" is "exit and entry"
JOIN = r"(?:[\s\-‐–'’]+(?:(?:and|of|the)[\s\-]+)*)"  # what may stand between two of a term's words
CASED_KINDS = frozenset({"unit"})  # kinds whose capitals are part of the name

Place = tuple[str | int, ...]  # keys and list indexes, as edition.model.yaml_data names a place
Wanted = Callable[[Place], bool]  # which texts of a data file are read


def key(text: str) -> str:
    """A wording reduced to what makes it the same term: its words, lower case, without the small words."""
    return " ".join(word for word in re.findall(r"[^\W_]+", text.casefold()) if word not in SMALL_WORDS)


def loose(form: str) -> str:
    """A pattern for the form and its variants (case, hyphens, small words between its words)."""
    words = [word for word in re.findall(r"[^\W_]+", form) if word.casefold() not in SMALL_WORDS]
    return JOIN.join(re.escape(word) for word in words)


def listed(term: Term, wording: str) -> bool:
    """True if the wording is the term's rendering or an ``also`` form, as its kind wants it cased."""
    for form in term.english_forms:
        if wording in (form, form[:1].upper() + form[1:]):
            return True
        if term.kind not in CASED_KINDS and wording.casefold() == form.casefold():
            return True
    return False


@dataclass(frozen=True)
class Line:
    """A line of text a reader sees, and where it is written."""

    path: str
    number: int
    text: str


class VariantFinder:
    """Finds each term's wordings in English text, longest first, and tells a listed form from a variant."""

    def __init__(self, terms: list[Term]) -> None:
        self.by_key: dict[str, list[Term]] = {}
        patterns: dict[str, str] = {}
        for term in terms:
            for form in term.english_forms:
                self.by_key.setdefault(key(form), []).append(term)
                patterns[form] = loose(form)
        self.avoided = {key(form) for term in terms for form in term.avoid}
        ordered = sorted(patterns, key=len, reverse=True)  # a longer term before a shorter one inside it
        alternatives = by_first_letter([(patterns[form][0], patterns[form]) for form in ordered if patterns[form]])
        self.pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE) if alternatives else None

    def variants(self, text: str) -> Iterator[tuple[str, list[Term]]]:
        """Each wording in the text that stands for a term but is none of the forms the glossary lists."""
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            wording, found = match.group(0), key(match.group(0))
            terms = self.by_key.get(found, [])
            if terms and found not in self.avoided and not any(listed(term, wording) for term in terms):
                yield wording, terms


def _strings(file: YamlFile, value: Any, place: Place, wanted: Wanted) -> Iterator[tuple[int, str]]:
    """The texts under ``place`` of a data file that ``wanted(place)`` keeps, each with its line."""
    if isinstance(value, str):
        if wanted(place):
            yield file.line(place), value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(file, item, (*place, index), wanted)
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _strings(file, item, (*place, name), wanted)


def _english_in_data(file: YamlFile | None) -> Iterator[tuple[int, str]]:
    """The English a reader sees of a data file: values under ``en`` and ``also``, never under ``avoid``."""
    yield from _yaml_lines(file, lambda place: "avoid" not in place and bool({"en", "also"} & set(place)))


def _yaml_lines(file: YamlFile | None, wanted: Wanted) -> Iterator[tuple[int, str]]:
    """A file as the model parsed it; one that is missing or does not parse is the data-files check's to report."""
    if file is not None:
        yield from _strings(file, file.data, (), wanted)


def lines_read(edition: Edition) -> Iterator[Line]:
    """Every line of the translation a reader sees: pages, the data's English, strings, navigation."""
    translations = set(edition.translations)
    for file in edition.files:
        if file.lang in translations:
            for number, text in enumerate(file.text.splitlines(), start=1):
                yield Line(file.rel, number, text)
    for name in (GLOSSARY_FILE, FIGURES_FILE, MEASURES_FILE, Path(EDITION_FILE).name):
        rel = data_file(edition.root, edition.docs_dir, name)
        for number, text in _english_in_data(edition.yaml_files.get(Path(name).name)):
            yield Line(rel, number, text)
    for lang in edition.translations:
        name = STRINGS_FILE.format(lang=lang)
        rel = data_file(edition.root, edition.docs_dir, Path(name).name)
        for number, text in _yaml_lines(edition.yaml_files.get(Path(name).name), lambda place: True):
            yield Line(rel, number, text)
    for label in nav_labels(edition):
        yield Line(label.path, label.line, label.en)


def check_lines(lines: Iterable[Line], terms: list[Term], data_rel: str) -> list[Problem]:
    finder = VariantFinder(terms)
    problems = []
    for line in lines:
        for wording, found in finder.variants(line.text):
            term = found[0]
            forms = ", ".join(f"'{form}'" for form in term.english_forms)
            cased = " (the names of Inner Mongolia's units keep their capitals)" if term.kind in CASED_KINDS else ""
            problems.append(
                Problem(
                    line.path,
                    line.number,
                    f"'{wording}' is a variant of {term.zh} that the glossary does not list: it gives {forms}{cased} ({data_rel}:{term.line}).",
                    f"write '{term.en}' (or a listed form), one name for one thing everywhere; if '{wording}' is a real grammatical form of the term, add it to the term's 'also' list in {data_rel}.",
                )
            )
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    data = edition.data
    if data.unusable(GLOSSARY_FILE):
        return []  # the glossary check reports it
    rel = data_file(edition.root, edition.docs_dir, GLOSSARY_FILE)
    return check_lines(lines_read(edition), data.terms, rel)
