"""Placeholders: a line ``<!-- kind: argument -->`` in a page, replaced by generated Markdown.

The kinds and their arguments (edition/outputs/generated.py):

- ``figures: key`` (home page), ``figures: table`` (Figures page)
- ``charts: all`` or ``charts: <chart id>``
- ``measures: table``, ``glossary: table``
- ``downloads: figures|measures|glossary`` (file links and the meaning of each column)
- ``parallel: <page name>`` (the parallel view of a text page)

An unknown kind or argument is a problem the build reports, naming file and line, rather than a
comment silently left in the page.
"""

from __future__ import annotations

import re

from edition.model.data import FIGURES_FILE, GLOSSARY_FILE, MEASURES_FILE
from edition.model.pages import PLACEHOLDER
from edition.model.problems import Problem
from edition.outputs.generated import RENDERERS, Context, UnknownPlaceholderError

# The data file each kind is drawn from. While that file cannot be used, its check reports why, and
# the placeholder is left empty rather than called unknown (one real message, not a misleading second).
SOURCES = {"figures": FIGURES_FILE, "charts": FIGURES_FILE, "measures": MEASURES_FILE, "glossary": GLOSSARY_FILE}


def expand(markdown: str, ctx: Context, rel: str, first_line: int = 1) -> tuple[str, list[Problem]]:
    """The page's Markdown with every placeholder replaced; problems for those that are unknown.

    ``first_line`` is the line of the file where ``markdown`` starts (after the front matter), so
    problems name the line a maintainer sees in the file.
    """
    problems: list[Problem] = []

    def replace(match: re.Match[str]) -> str:
        kind, arg = match["kind"], match["arg"]
        if kind in SOURCES and ctx.data.unusable(SOURCES[kind]):
            return ""
        renderer = RENDERERS.get(kind)
        if isinstance(renderer, dict):
            renderer = renderer.get(arg)
        try:
            if renderer is None:
                raise UnknownPlaceholderError(kind)
            return renderer(ctx, arg)
        except UnknownPlaceholderError:
            line = first_line + markdown.count("\n", 0, match.start())
            known = ", ".join(f"{k}: {'|'.join(v) if isinstance(v, dict) else '…'}" for k, v in RENDERERS.items())
            problems.append(
                Problem(
                    rel,
                    line,
                    f"the placeholder «{match.group(0).strip()}» is unknown.",
                    f"use one of: {known} (see scripts/edition/outputs/placeholders.py).",
                )
            )
            return match.group(0)

    return PLACEHOLDER.sub(replace, markdown), problems
