"""Check: every YAML data file under docs/ parses, and no key is given twice.

Figures, glossaries and other data live once, in ``docs/**/*.yml``; pages and checks are generated
from them. A file that does not parse would stop whatever reads it with a traceback, and a key
written twice silently loses the first value (PyYAML keeps the last), so both are refused here,
before any loader runs, with the file, the line and the parser's own message.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from edition.model.edition import Edition
from edition.model.problems import Problem
from edition.model.yaml_data import DuplicateKeyError, read_yaml

SUFFIXES = (".yml", ".yaml")


def data_files(docs_dir: Path) -> list[Path]:
    return sorted(p for p in docs_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def check_data_file(path: Path, rel: str) -> list[Problem]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return [
            Problem(rel, 1, f"is not UTF-8 text ({error.reason} at byte {error.start}).", "save the file as UTF-8.")
        ]
    try:
        read_yaml(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(error, "problem", None) or str(error)
        context = getattr(error, "context", None)
        detail = f"{context}, {problem}" if context else problem
        column = f", column {mark.column + 1}" if mark is not None else ""
        if isinstance(error, DuplicateKeyError):
            what, fix = (
                "YAML data gives a key twice",
                "keep one entry per key (a YAML reader would silently drop the first).",
            )
        else:
            what, fix = (
                "YAML data does not parse",
                "correct the YAML (indent with spaces, quote values that contain ': ' or start with a quote).",
            )
        return [Problem(rel, line, f"{what}: {detail}{column}.", fix)]
    return []


def check_data_files(root: Path, docs_dir: Path) -> list[Problem]:
    problems = []
    for path in data_files(docs_dir):
        rel = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        problems.extend(check_data_file(path, rel))
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_data_files(edition.root, edition.docs_dir)
