"""MkDocs hook: Twins carry the same paragraph ids, in the same order, once each.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/paragraph_ids.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_for_build
from edition.paragraph_ids import check_paragraph_ids
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        report("paragraph-ids", check_paragraph_ids(load_for_build(config)))
