"""The interface strings: one catalogue per language (docs/data/strings.<lang>.yml), checked at build.

Every word the edition's own furniture shows (the Cite control, search, the generated pages'
headings, the downloads' column meanings) comes from these files, so a translation of the interface
is one file, and the check below makes a missing or extra key fail the build, naming the key and
the line, instead of silently hiding a feature. The catalogue of the source language is the
reference: every other language has exactly its keys and, in each string, the same placeholders.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from edition.problems import Problem

if TYPE_CHECKING:
    from edition.pages import Edition

STRINGS_FILE = "data/strings.{lang}.yml"  # under docs/
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it
PLACEHOLDER = re.compile(r"\{(\w*)\}")


class MissingStringError(KeyError):
    """A key the code asks for is in no catalogue (the strings check names it in the build)."""


@dataclass
class Catalogue:
    """One language's strings, as nested sections (``page``, ``labels``, ``columns`` …)."""

    lang: str
    rel: str  # the file, relative to the project root
    tree: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # dotted key -> line in the file
    error: Problem | None = None

    def section(self, name: str) -> dict[str, Any]:
        value = self.tree.get(name)
        return value if isinstance(value, dict) else {}

    def get(self, key: str, **values: object) -> str:
        """The string at a dotted key ('labels.value'), its placeholders filled from ``values``."""
        node: Any = self.tree
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise MissingStringError(f"{self.rel}: no string '{key}'")
            node = node[part]
        text = str(node)
        return text.format(**values) if values else text

    def flat(self) -> dict[str, str]:
        return dict(_flatten(self.tree))


def _flatten(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            yield from _flatten(value, f"{dotted}.")
        else:
            yield dotted, "" if value is None else str(value)


def _key_lines(node: yaml.Node, prefix: str = "") -> Iterator[tuple[str, int]]:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            dotted = f"{prefix}{key_node.value}"
            yield dotted, key_node.start_mark.line + 1
            yield from _key_lines(value_node, f"{dotted}.")


def read_catalogue(text: str, lang: str, rel: str) -> Catalogue:
    """Parse one catalogue with PyYAML, keeping each key's line for messages."""
    try:
        tree = yaml.load(text, Loader=LOADER) or {}
        node = yaml.compose(text, Loader=LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = Problem(rel, line, f"the string catalogue does not parse: {error}", "fix the YAML.")
        return Catalogue(lang, rel, error=problem)
    if not isinstance(tree, dict):
        problem = Problem(rel, 1, "the string catalogue must be a mapping of sections.", "see strings.zh.yml.")
        return Catalogue(lang, rel, error=problem)
    return Catalogue(lang, rel, tree, dict(_key_lines(node)) if node is not None else {})


def load_catalogues(root: Path, docs_dir: Path, languages: list[str]) -> dict[str, Catalogue]:
    """Every language's catalogue; a missing file is a catalogue with an error, reported by the check."""
    catalogues = {}
    for lang in languages:
        path = docs_dir / STRINGS_FILE.format(lang=lang)
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        if not path.is_file():
            problem = Problem(
                rel,
                1,
                f"there is no interface string catalogue for the language '{lang}'.",
                f"copy {STRINGS_FILE.format(lang=languages[0])} there and translate every string.",
            )
            catalogues[lang] = Catalogue(lang, rel, error=problem)
            continue
        catalogues[lang] = read_catalogue(path.read_text(encoding="utf-8"), lang, rel)
    return catalogues


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check_catalogues(catalogues: dict[str, Catalogue], required: dict[str, set[str]]) -> list[Problem]:
    """Each catalogue has every required key, no other, and the placeholders each string needs.

    ``required`` maps each dotted key the code reads to the placeholders the code fills in.
    """
    problems: list[Problem] = []
    for catalogue in catalogues.values():
        if catalogue.error:
            problems.append(catalogue.error)
    usable = [c for c in catalogues.values() if not c.error]
    if not usable:
        return problems
    reference = usable[0]
    for catalogue in usable:
        flat = catalogue.flat()
        for key, wanted in required.items():
            if key not in flat:
                problems.append(
                    Problem(
                        catalogue.rel,
                        1,
                        f"the interface string '{key}' is missing: the feature that shows it would have no words.",
                        f"add '{key}' in the {catalogue.lang} language (see {reference.rel}).",
                    )
                )
                continue
            found = placeholders(flat[key])
            if found != wanted:
                problems.append(
                    Problem(
                        catalogue.rel,
                        catalogue.lines.get(key, 1),
                        f"the interface string '{key}' has the placeholders {sorted(found)}; the code fills in {sorted(wanted)}.",
                        "use exactly "
                        + (", ".join("{" + name + "}" for name in sorted(wanted)) or "no placeholder")
                        + ".",
                    )
                )
        for key in flat:
            if key not in required:
                problems.append(
                    Problem(
                        catalogue.rel,
                        catalogue.lines.get(key, 1),
                        f"the interface string '{key}' is not used by the edition.",
                        "remove it (or correct the key's spelling); a new string needs its place in required_keys(), scripts/edition/strings.py.",
                    )
                )
    return problems


# The keys the edition reads, each with the placeholders it fills in: the catalogues' schema.
_PAGE: dict[str, set[str]] = {
    # The plain citations: {version} and {date} are the edition's (docs/data/edition.yml), filled in
    # at build; {id}, {url} and {accessed} are filled in by the reader's browser (edition/citations.py).
    "citation": {"id", "url", "version", "date", "accessed"},  # a paragraph of a `kind: source` page
    "citation_editorial": {"title", "id", "url", "version", "date", "accessed"},  # the edition's own words
    "citation_page": {"url", "version", "date", "accessed"},  # a whole page
    "citation_page_editorial": {"title", "url", "version", "date", "accessed"},
    "source_line": {"url"},
    "page_line": {"url"},
    "permalink_label": {"id"},
    "cite": set(),
    "cite_label": {"id"},
    "copied": set(),
    "copy_prompt": set(),
    # The Cite panel (edition.js), the page's colophon and the notes under corrected paragraphs.
    "cite_page": set(),
    "cite_title": {"id"},
    "cite_close": set(),
    "format_text": set(),
    "format_csl": set(),
    "format_ris": set(),
    "format_biblatex": set(),
    "copy": set(),
    "copy_label": {"format"},
    "download": set(),
    "download_label": {"format"},
    "version_line": {"version", "date"},
    "errata_link": set(),
    "erratum_note": {"version", "date", "what"},
    "search_note": {"n"},
    "search_dialog": set(),
    "search_button": set(),
    "search_label": set(),
    "search_close": set(),
    "search_none": {"q"},
    "search_count": {"n", "p"},
    "search_partial": {"n"},
    "search_paragraph": {"id"},
    "search_more": {"n"},
    "search_twin": set(),
    "search_instead": {"q"},
    "search_missing": {"words"},
    "search_error": set(),
}
_LABELS: dict[str, set[str]] = {
    **{
        key: set()
        for key in [
            "value",
            "what",
            "area",
            "paragraph",
            "measure",
            "term",
            "kind",
            "note",
            "used_in",
            "column",
            "meaning",
            "source_paragraph",
            "download",
            "colon",
            "all",
            "language_name",
            "glossary_other",
            "accessed_example",
        ]
    },
    "all_figures": {"count"},
    "more_uses": {"count"},
}


# The note every citation format carries (edition/citations.py): {id} stays a token for the browser.
_CITATION: dict[str, set[str]] = {
    "note_paragraph": {"id", "name", "version", "date"},
    "note_page": {"name", "version", "date"},
}
# The Corrections page and its feeds (edition/errata.py).
_ERRATA: dict[str, set[str]] = {
    "title": {"name"},
    "subtitle": set(),
    "entry": {"version", "date", "id"},
    "before": {"language", "version"},
    "after": {"language", "version"},
    "none": {"version", "date"},
    "version": set(),
    "date": set(),
    "corrected": set(),
    "first": set(),
    "feed": set(),
}
# The PDFs (edition/pdf.py); pdf.file.* and pdf.kind.* are added per PDF (edition/pdf_files.py).
_PDF: dict[str, set[str]] = {
    "links": set(),
    "author": {"author", "place", "date"},
    "source": {"publisher", "date", "url"},
    "version": {"name", "version", "date"},
    "online": {"url"},
    "errata": set(),
    "contents": set(),
    "erratum": {"version", "date", "what"},
}


def required_keys(languages: list[str]) -> dict[str, set[str]]:
    """Every dotted key of a catalogue: page furniture, labels, kinds of term, download columns, errata, PDFs."""
    from edition.data import TERM_KINDS
    from edition.downloads import COLUMNS
    from edition.pdf_files import PDF_FILES

    keys = {f"page.{key}": wanted for key, wanted in _PAGE.items()}
    keys |= {f"labels.{key}": wanted for key, wanted in _LABELS.items()}
    keys |= {f"labels.{group}.{lang}": set() for group in ("language_text", "language_column") for lang in languages}
    keys |= {f"term_kinds.{kind}": set() for kind in TERM_KINDS}
    keys |= {f"columns.{dataset}.{name}": set() for dataset, names in COLUMNS.items() for name in names}
    keys |= {f"citation.{key}": wanted for key, wanted in _CITATION.items()}
    keys |= {f"errata.{key}": wanted for key, wanted in _ERRATA.items()}
    keys |= {f"pdf.{key}": wanted for key, wanted in _PDF.items()}
    keys |= {f"pdf.{group}.{name}": set() for group in ("file", "kind") for name in PDF_FILES}
    return keys


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks.py)."""
    return check_catalogues(edition.strings, required_keys(edition.languages))
