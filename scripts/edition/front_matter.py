"""Check: every page's front matter parses, and gives the title and description pages need."""

from __future__ import annotations

from edition.pages import Edition
from edition.problems import Problem

REQUIRED = ("title", "description")


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
