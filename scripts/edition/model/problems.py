"""How a check tells a maintainer what is wrong: file, line, what, and what to do.

Problems are logged as errors (shown even with ``mkdocs build -q``) and counted here; the plugin
(scripts/edition/plugin.py) ends the build with an error if any check found one, so a refused
change fails ``mkdocs build`` with or without ``--strict``/``-q``, and ``mkdocs serve`` says so.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

log = logging.getLogger("mkdocs.plugins.edition")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the edition, located in a file under the project root."""

    path: str  # relative to the project root, e.g. "docs/overview.en.md"
    line: int  # 1-based; 1 when the whole file is concerned
    message: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message} Fix: {self.fix}"


MAX_REPORTED = 12  # per check: past this, one cause usually explains the rest

# Checks that found problems in the current build, with how many: read by the fail-closed hook.
_found: dict[str, int] = {}


def reset() -> None:
    """Forget the problems of a previous build (``mkdocs serve`` builds again in the same process)."""
    _found.clear()


def found() -> dict[str, int]:
    """Problems per check in this build so far."""
    return dict(_found)


def report(check: str, problems: Iterable[Problem]) -> int:
    """Log problems as errors and count them (the build then fails); return how many there were."""
    problems = list(problems)
    if problems:
        _found[check] = _found.get(check, 0) + len(problems)
    for problem in problems[:MAX_REPORTED]:
        log.error("[%s] %s", check, problem)
    if len(problems) > MAX_REPORTED:
        log.error(
            "[%s] ... and %d more problems like these; fix the first ones and build again.",
            check,
            len(problems) - MAX_REPORTED,
        )
    return len(problems)
