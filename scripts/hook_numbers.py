"""MkDocs hook: Every figure of a Chinese paragraph stands, converted, in its English twin, and back.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/numbers.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_for_build
from edition.numbers import check_figures
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        report("numbers", check_figures(load_for_build(config)))
