"""Check: every page exists in every language, so no reader meets a silent fallback."""

from __future__ import annotations

from edition.model.edition import Edition
from edition.model.problems import Problem


def check_twins(edition: Edition) -> list[Problem]:
    problems = []
    suffixes = ", ".join(f".{lang}.md" for lang in edition.languages)
    for page in edition.files:
        if page.lang is None:
            problems.append(
                Problem(
                    page.rel,
                    1,
                    "this page has no language suffix, so it is unclear which language it is.",
                    f"rename it to end in one of {suffixes} and give it its twin.",
                )
            )
    for name in edition.names:
        present = [lang for lang in edition.languages if edition.page(name, lang)]
        for lang in edition.languages:
            if lang in present:
                continue
            existing = edition.page(name, present[0])
            assert existing is not None
            missing = twin_path(existing.rel, existing.lang, lang)
            problems.append(
                Problem(
                    existing.rel,
                    1,
                    f"this page has no '{lang}' twin: {missing} does not exist, so '{lang}' readers would get no page.",
                    f"add {missing} with the same paragraph ids (make page scaffolds a pair: CONTRIBUTING.md), or remove this page and its nav entry.",
                )
            )
    return problems


def twin_path(existing_rel: str, existing_lang: str | None, lang: str) -> str:
    """docs/overview.zh.md -> docs/overview.en.md: the path a missing twin should have."""
    return existing_rel[: -len(f".{existing_lang}.md")] + f".{lang}.md"


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_twins(edition)
