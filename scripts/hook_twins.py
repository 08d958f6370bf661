"""MkDocs hook: Every page has its twin in every language.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/twins.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_for_build
from edition.problems import report
from edition.twins import check_twins


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        report("twins", check_twins(load_for_build(config)))
