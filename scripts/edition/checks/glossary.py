"""Check: one glossary term is rendered one way everywhere.

Terms are found (model/terms.py) as a reader of each language would find them. Chinese has no spaces, so a Chinese
term is found anywhere, the longest term first (自治区公安厅 before 自治区, 盟市 before 盟: the
shorter term inside a longer one is not a use of its own). English terms are words: a form is found
between word boundaries, ignoring case ("Banner" in "Naiman Banner").

The check: when a Chinese paragraph uses a term, its English twin uses the term's rendering or one
of the forms listed under ``also`` (plurals, adjectival or short forms). The same holds for what
a reader meets before the paragraphs: each page's front-matter ``title`` and ``description``
(the page title, the search result, the link preview), the blocks of the home page, which carry no
paragraph ids and are compared block by block, and the navigation labels of ``nav_translations``.
A term's ``avoid`` list names wrong renderings ("care for officers" for 从优待警): they are refused
wherever they stand in the English, titles, descriptions and navigation included. The tooltips and
the uses listed in glossary.json come from the same finder, so what the reader is shown is what is
checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from edition.model.data import GLOSSARY_FILE, Data, Term, data_file
from edition.model.dom import Content
from edition.model.edition import Edition
from edition.model.pages import PageFile, converter
from edition.model.problems import Problem
from edition.model.terms import TermFinder

HOME = "index"  # the home page: no paragraph ids, so its two languages are compared block by block
FRONT_MATTER_FIELDS = ("title", "description")


def _words(forms: Iterable[str]) -> re.Pattern[str]:
    """Any of the forms as whole words (hyphens count as part of a word), ignoring case."""
    alternatives = "|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE)


def uses_rendering(term: Term, english: str) -> bool:
    """True if the English text contains the term's rendering or one of its listed forms."""
    return _words(term.english_forms).search(english) is not None


@dataclass(frozen=True)
class Passage:
    """A piece of text the check compares with its twin: where it stands and how messages name it."""

    what: str  # "paragraph '#a1-1'", "the front-matter title", "block 3 of the home page", ...
    text: str
    path: str
    line: int


@dataclass(frozen=True)
class NavLabel:
    """A navigation label and its translation under ``nav_translations`` (``line`` in ``path``)."""

    zh: str
    en: str
    path: str
    line: int


def nav_labels_in(config_text: str, config_rel: str, translations: Iterable[dict[str, str]]) -> list[NavLabel]:
    """Each translated navigation label, located at the line of mkdocs.yml that translates it."""
    lines = config_text.splitlines()
    labels = []
    for mapping in translations:
        for zh, en in mapping.items():
            written = re.compile(rf"^\s*['\"]?{re.escape(str(zh))}['\"]?\s*:")
            line = next((n for n, text in enumerate(lines, 1) if written.match(text) and str(en) in text), 1)
            labels.append(NavLabel(str(zh), str(en), config_rel, line))
    return labels


def front_matter_passages(page: PageFile) -> list[Passage]:
    """The page's ``title`` and ``description``, each with the line it is written on."""
    passages = []
    lines = page.text.splitlines()
    for field in FRONT_MATTER_FIELDS:
        value = page.front_matter.data.get(field)
        if not isinstance(value, str):
            continue  # the front-matter check reports a missing or malformed field
        line = next(
            (n for n, text in enumerate(lines[: page.front_matter.body_line], 1) if text.startswith(f"{field}:")), 1
        )
        passages.append(Passage(f"the front-matter {field}", value, page.rel, line))
    return passages


def _plain(markdown_text: str, page: PageFile) -> str:
    return Content(converter(page.markdown_options).convert(markdown_text)).text(" ").strip()


def block_passages(page: PageFile) -> list[Passage]:
    """The body of a page without paragraph ids, block by block: paragraphs, headings, list items.

    Blocks are separated by blank lines, and each ``- `` line of a list is a block of its own; a
    placeholder (an HTML comment the build replaces) is not text and is left out.
    """
    passages: list[Passage] = []
    chunk: list[str] = []
    start = 0

    def flush() -> None:
        text = "\n".join(chunk).strip()
        if text and not text.startswith("<!--"):
            passages.append(Passage(f"block {len(passages) + 1} of the page", _plain(text, page), page.rel, start))
        chunk.clear()

    for number, line in enumerate(page.body.splitlines(), start=page.front_matter.body_line):
        if not line.strip() or line.startswith("- "):
            flush()
        if line.strip():
            if not chunk:
                start = number
            chunk.append(line)
    flush()
    return passages


def _rendering_problem(term: Term, original: Passage, twin: Passage, data_rel: str) -> Problem:
    forms = " or ".join(f"'{form}'" for form in term.english_forms)
    return Problem(
        twin.path,
        twin.line,
        f"{twin.what} does not render {term.zh} ({original.path}:{original.line}) as the glossary does: {forms} ({data_rel}:{term.line}).",
        f"use '{term.en}' here, so the term reads the same everywhere; if this wording is a grammatical form of it (plural, adjective), add it to the term's 'also' list in {data_rel}.",
    )


def _compare(finder: TermFinder, original: Passage, twin: Passage, data_rel: str) -> list[Problem]:
    return [
        _rendering_problem(term, original, twin, data_rel)
        for term in finder.terms_in(original.text)
        if not uses_rendering(term, twin.text)
    ]


def page_passages(original: PageFile, twin: PageFile) -> list[tuple[Passage, Passage]]:
    """The passages of a page pair to compare: front matter, then id-carrying blocks (or the home page's blocks)."""
    pairs = list(zip(front_matter_passages(original), front_matter_passages(twin), strict=False))
    pairs = [(a, b) for a, b in pairs if a.what == b.what]
    if original.name == HOME:
        blocks, twins = block_passages(original), block_passages(twin)
        if len(blocks) == len(twins):
            return pairs + list(zip(blocks, twins, strict=True))
        whole = " ".join(block.text for block in blocks)
        whole_twin = " ".join(block.text for block in twins)
        whole_pair = (
            Passage("the page", whole, original.rel, original.front_matter.body_line),
            Passage("the page", whole_twin, twin.rel, twin.front_matter.body_line),
        )
        return [*pairs, whole_pair]
    twin_blocks = {block.id: block for block in twin.blocks}
    for block in original.blocks:
        english = twin_blocks.get(block.id)
        if english is None:
            continue  # the paragraph id check reports it
        pairs.append(
            (
                Passage(f"paragraph '#{block.id}'", block.text, original.rel, block.line),
                Passage(f"paragraph '#{block.id}'", english.text, twin.rel, english.line),
            )
        )
    return pairs


def avoided_renderings(edition: Edition, terms: list[Term], labels: Iterable[NavLabel], data_rel: str) -> list[Problem]:
    """Every line of an English page (front matter included) or navigation label using a term's ``avoid`` wording."""
    problems: list[Problem] = []
    avoiding = [(term, _words(term.avoid)) for term in terms if term.avoid]
    places = [
        (file.rel, number, line)
        for file in edition.files
        if file.lang and file.lang != edition.default_language
        for number, line in enumerate(file.text.splitlines(), start=1)
    ]
    places += [(label.path, label.line, label.en) for label in labels]
    anywhere = _words(form for term in terms for form in term.avoid) if avoiding else None
    for path, number, line in places:
        if anywhere is None or not anywhere.search(line):
            continue  # one search for every avoided form: most lines use none
        for term, pattern in avoiding:
            for match in pattern.finditer(line):
                problems.append(
                    Problem(
                        path,
                        number,
                        f"'{match.group(0)}' is a wrong rendering of {term.zh}: the glossary gives '{term.en}' ({data_rel}:{term.line}).",
                        f"write '{term.en}' (or a form listed under 'also'), the one rendering used across the site.",
                    )
                )
    return problems


def check_glossary(edition: Edition, data: Data, data_rel: str, nav_labels: Iterable[NavLabel] = ()) -> list[Problem]:
    if unusable := data.unusable(GLOSSARY_FILE):
        return unusable
    problems = list(data.problems.get(GLOSSARY_FILE, []))
    labels = list(nav_labels)
    finder = TermFinder(data.terms, edition.default_language)
    for original, twin in edition.pairs():
        for passage, twin_passage in page_passages(original, twin):
            problems += _compare(finder, passage, twin_passage, data_rel)
    for label in labels:
        problems += _compare(
            finder,
            Passage("the navigation label", label.zh, label.path, label.line),
            Passage(f"the navigation label '{label.en}'", label.en, label.path, label.line),
            data_rel,
        )
    problems += avoided_renderings(edition, data.terms, labels, data_rel)
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


def nav_labels(edition: Edition) -> list[NavLabel]:
    """The translated navigation labels of every language, with their lines in mkdocs.yml."""
    project = edition.project
    translations = [lang.settings.get("nav_translations") or {} for lang in project.languages]
    return nav_labels_in(project.config_text, project.config_rel, translations)


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py): pages, titles, descriptions and navigation labels."""
    rel = data_file(edition.root, edition.docs_dir, GLOSSARY_FILE)
    return check_glossary(edition, edition.data, rel, nav_labels(edition))
