"""MkDocs hook: the Chinese pages hold every sentence of the source, in order, and nothing else.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/source_text.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_for_build
from edition.problems import report
from edition.source_text import check_source_text, read_source


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        edition = load_for_build(config)
        report("source-text", check_source_text(edition, read_source(edition.root)))
