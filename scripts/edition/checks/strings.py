"""Check: each interface-string catalogue has every key the code reads, no other, and each string the placeholders it needs.

The catalogues are read by model/strings.py; the source language's catalogue is the reference.
"""

from __future__ import annotations

import string

from edition.model.data import TERM_KINDS
from edition.model.edition import Edition
from edition.model.problems import Problem
from edition.model.published_files import COLUMNS, PDF_FILES
from edition.model.strings import Catalogue


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def check_catalogues(catalogues: dict[str, Catalogue], required: dict[str, set[str]]) -> list[Problem]:
    """Each catalogue has every required key, no other, and the placeholders each string needs.

    ``required`` maps each dotted key the code reads to the placeholders the code fills in.
    """
    problems: list[Problem] = []
    for catalogue in catalogues.values():
        problems += catalogue.problems
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
                        "remove it (or correct the key's spelling); a new string needs its place in required_keys(), scripts/edition/model/strings.py.",
                    )
                )
    return problems


# The keys the edition reads, each with the placeholders it fills in: the catalogues' schema.
_PAGE: dict[str, set[str]] = {
    # The plain citations: {version} and {date} are the edition's (docs/data/edition.yml), filled in
    # at build; {id}, {url} and {accessed} are filled in by the reader's browser (edition/outputs/citations.py).
    # {work_author}, {work_title}, {work_date}, {work_publisher}, {edition_name} and {site_name} are the
    # facts of docs/data/edition.yml and mkdocs.yml (edition/checks/interface_facts.py), never typed here.
    "citation": {"work_author", "work_title", "work_date", "edition_name", "id", "url", "version", "date", "accessed"},
    "citation_editorial": {"site_name", "title", "id", "url", "version", "date", "accessed"},  # the edition's own words
    "citation_page": {"work_author", "work_title", "work_date", "edition_name", "url", "version", "date", "accessed"},
    # One sentence: {quote} is sentence_quote filled in, {n} the sentence's number (edition/model/alignment.py).
    "citation_sentence": {
        "quote",
        "work_author",
        "work_title",
        "work_date",
        "edition_name",
        "id",
        "n",
        "url",
        "version",
        "date",
        "accessed",
    },
    "citation_sentence_editorial": {"site_name", "title", "quote", "id", "n", "url", "version", "date", "accessed"},
    # A sentence's panel (edition-sentences.js): its twin, its link and "Cite this sentence".
    "sentence_quote": {"text", "twin"},
    "sentence_title": {"id", "n"},
    "sentence_twin": set(),
    "sentence_link": set(),
    "sentence_hint": set(),  # what Enter on a sentence does, its screen-reader description
    "footnote_back": {"n"},  # a footnote's back-link title (outputs/footnote_links.py)
    "sentence_error": set(),
    "citation_page_editorial": {"site_name", "title", "url", "version", "date", "accessed"},
    "source_line": {"work_publisher", "work_date", "url"},
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
    # "Report a mistake" (edition/outputs/report.py): the paragraph tools' link and the Cite panel's.
    "report": set(),
    "report_label": {"id"},
    "report_page_label": set(),
    "back_to_top": set(),  # the colophon's link (no floating button covers the text)
    # Keyboard and screen readers (edition-access.js): the drawer's menu button, the shortcuts' switch.
    "menu": set(),
    "shortcuts": set(),
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
            "repository",
            "report_form",
            "download_shown",
        ]
    },
    # Who maintains the edition (About, <!-- maintainer: about -->, edition/maintainer.py).
    "maintained_by": {"publisher", "repository"},
    "maintained_by_contributors": {"repository"},
    "maintained_unknown": set(),
    "report_how": {"form"},
    "all_figures": {"count"},
    "more_uses": {"count"},
    "parallel_link": {"id"},  # a side-by-side row's link to the paragraph on its page
}


# The note every citation format carries (edition/outputs/citations.py): {id} stays a token for the browser.
_CITATION: dict[str, set[str]] = {
    "note_paragraph": {"id", "name", "version", "date"},
    "note_sentence": {"id", "n", "name", "version", "date"},
    "note_page": {"name", "version", "date"},
}


# The Corrections page and its feeds (edition/model/errata.py).
_ERRATA: dict[str, set[str]] = {
    "title": {"name"},
    "subtitle": set(),
    "entry": {"version", "date", "id"},
    "entry_words": {"version", "date", "id"},  # a change to published words other than a paragraph (a title, a note …)
    "before": {"language", "version"},
    "after": {"language", "version"},
    "none": {"version", "date"},
    "version": set(),
    "date": set(),
    "corrected": set(),
    "first": set(),
    "feed": set(),
}


# The PDFs (edition/outputs/pdf.py); pdf.file.* and pdf.kind.* are added per PDF (edition/model/published_files.py).
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
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_catalogues(edition.strings, required_keys(edition.languages))
