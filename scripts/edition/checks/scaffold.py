"""Check: no placeholder paragraph of scripts/new_page.py is left in a page.

A new page pair starts with placeholder paragraphs that carry real ids, so its structure builds and
the other checks can read it; the placeholders themselves must never reach readers. (A source
page's placeholder is also refused by the source check; an editorial page has no source to be
compared with, so this check is what stops it.)
"""

from __future__ import annotations

from edition.model.edition import Edition
from edition.model.problems import Problem

PLACEHOLDERS = {
    "zh": "（此处写本段内容；构建会拒绝这段占位文字，直到它被替换。）",
    "en": "(Write this paragraph here; the build refuses this placeholder until it is replaced.)",
}


def check(edition: Edition) -> list[Problem]:
    problems = []
    for page in edition.files:
        for number, line in enumerate(page.text.splitlines(), 1):
            if any(placeholder in line for placeholder in PLACEHOLDERS.values()):
                problems.append(
                    Problem(
                        page.rel,
                        number,
                        "this is the placeholder paragraph that make page (scripts/new_page.py) wrote.",
                        "replace it with the paragraph's text (keep its '{#id}' on the next line), in both languages.",
                    )
                )
    return problems
