"""Check: every page's front matter parses, gives the title and description pages need, and nothing else.

Material acts on front matter keys (``template: redirect.html`` with ``location:`` sends readers to
another site; ``status:`` is written into every page unescaped), so only the keys the edition uses
are allowed, each with the values it uses (listed in CONTRIBUTING.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from edition.model.edition import Edition
from edition.model.pages import KINDS, PageFile
from edition.model.problems import Problem

REQUIRED = ("title", "description", "kind")
# Every key a page may set, what it does and a check of its value.
ALLOWED = {
    "kind": "what the page is: source (the source's words, compared with it), editorial (the edition's own words) or generated (made from data)",
    "document": "for a kind: source page, the id of the source document it reproduces (docs/data/documents/<id>.yml)",
    "title": "the page's title (text)",
    "description": "the page's summary for search results and link previews (text)",
    "search": "search: boost: a number, or exclude: true",
    "hide": "parts of the theme to hide: a list of navigation, toc, footer",
    "tooltips": "tooltips: false leaves glossary terms unmarked",
}
HIDE_VALUES = {"navigation", "toc", "footer"}
REFUSED_REASONS = {
    "template": "makes the theme render the page with another template (redirect.html sends readers elsewhere)",
    "location": "is where the redirect template sends readers",
    "status": "is written into every page without escaping",
}


def _value_problem(key: str, value: Any) -> str | None:
    """Why a value of an allowed key is refused (None if it is fine)."""
    if key in ("title", "description"):
        return None if isinstance(value, str) else "must be text"
    if key == "kind":
        return None if value in KINDS else f"must be one of {', '.join(KINDS)}"
    if key == "document":
        return None if isinstance(value, str) and value.strip() else "must be the id of a source document"
    if key == "tooltips":
        return None if value is False else "may only be false"
    if key == "hide":
        ok = isinstance(value, list) and all(isinstance(v, str) and v in HIDE_VALUES for v in value)
        return None if ok else f"must be a list of {', '.join(sorted(HIDE_VALUES))}"
    if key == "search":
        ok = isinstance(value, dict) and set(value) <= {"boost", "exclude"}
        ok = ok and isinstance(value.get("boost", 1), int | float) and not isinstance(value.get("boost"), bool)
        ok = ok and value.get("exclude", True) is True
        return None if ok else "may only hold boost: a number, or exclude: true"
    return None


def unknown_keys(page: PageFile) -> Iterator[Problem]:
    """Keys outside ``ALLOWED``, and allowed keys with a value the edition does not use."""
    lines = page.text.splitlines()
    end = page.front_matter.body_line
    allowed = "; ".join(f"{key} ({what})" for key, what in ALLOWED.items())
    for key, value in page.front_matter.data.items():
        line = next((n for n, text in enumerate(lines[:end], 1) if text.startswith(f"{key}:")), 1)
        if key not in ALLOWED:
            reason = REFUSED_REASONS.get(str(key), "is not a key the edition uses")
            yield Problem(
                page.rel,
                line,
                f"front matter key '{key}' is not allowed: it {reason}."
                if key in REFUSED_REASONS
                else f"front matter key '{key}' {reason}.",
                f"remove it; the allowed keys are: {allowed}.",
            )
        elif (why := _value_problem(str(key), value)) is not None:
            yield Problem(
                page.rel, line, f"front matter '{key}' {why}.", f"correct it; the allowed keys are: {allowed}."
            )


def kind_problems(edition: Edition) -> Iterator[Problem]:
    """Twins are the same kind of page; only a source page names a source document."""
    for original, twin in edition.pairs():
        if original.front_matter.data.get("kind") != twin.front_matter.data.get("kind"):
            yield Problem(
                twin.rel,
                _key_line(twin, "kind"),
                f"this page is 'kind: {twin.front_matter.data.get('kind')}' but its twin {original.rel} is "
                f"'kind: {original.front_matter.data.get('kind')}'.",
                "give both languages the same kind.",
            )
    for page in edition.files:
        if "document" in page.front_matter.data and page.front_matter.data.get("kind") != "source":
            yield Problem(
                page.rel,
                _key_line(page, "document"),
                "only a 'kind: source' page names a source document.",
                "remove 'document:', or make the page 'kind: source' if it reproduces that document.",
            )


def _key_line(page: PageFile, key: str) -> int:
    lines = page.text.splitlines()[: page.front_matter.body_line]
    return next((n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:")), 1)


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_front_matter(edition) + list(kind_problems(edition))


def check_front_matter(edition: Edition) -> list[Problem]:
    problems = []
    for page in edition.files:
        matter = page.front_matter
        if matter.error:
            problems.append(
                Problem(
                    page.rel,
                    matter.error_line,
                    f"front matter does not parse: {matter.error}.",
                    "correct the YAML between the two '---' lines (quote values that contain ': ' or start with a quote).",
                )
            )
            continue
        problems.extend(unknown_keys(page))
        for key in REQUIRED:
            value = matter.data.get(key)
            if not isinstance(value, str) or not value.strip():
                problems.append(
                    Problem(
                        page.rel,
                        1,
                        f"front matter has no '{key}'.",
                        f"add a line '{key}: ...' between the '---' lines: {ALLOWED[key]}.",
                    )
                )
    return problems
