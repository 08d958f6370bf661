"""MkDocs hook: every 〔〕 correction of the source is listed in docs/data/corrections.yml, with its note.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/corrections.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_for_build
from edition.corrections import check_corrections, load_corrections
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        edition = load_for_build(config)
        report("corrections", check_corrections(edition, load_corrections(edition.docs_dir)))
