"""Check: every page's front matter parses, gives the title and description pages need, and nothing else.

Material acts on front matter keys (``template: redirect.html`` with ``location:`` sends readers to
another site; ``status:`` is written into every page unescaped), so only the keys the edition uses
are allowed, each with the values it uses (listed in CONTRIBUTING.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from edition.pages import Edition, PageFile
from edition.problems import Problem

REQUIRED = ("title", "description")
# Every key a page may set, what it does and a check of its value.
ALLOWED = {
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
                        f"add a line '{key}: ...' between the '---' lines (it feeds the page title, search results and the meta description).",
                    )
                )
    return problems
