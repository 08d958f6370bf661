"""MkDocs hook: every block of a text page carries a paragraph id.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/block_ids.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.block_ids import check_block_ids
from edition.build import is_nested_language_build, load_for_build
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        report("block-ids", check_block_ids(load_for_build(config)))
