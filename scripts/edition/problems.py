"""How a check tells a maintainer what is wrong: file, line, what, and what to do."""

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


def report(check: str, problems: Iterable[Problem]) -> int:
    """Log problems as warnings (``mkdocs build --strict`` fails on any); return how many there were."""
    problems = list(problems)
    for problem in problems[:MAX_REPORTED]:
        log.warning("[%s] %s", check, problem)
    if len(problems) > MAX_REPORTED:
        log.warning(
            "[%s] ... and %d more problems like these; fix the first ones and build again.",
            check,
            len(problems) - MAX_REPORTED,
        )
    return len(problems)
