"""MkDocs hook: write figures.csv, figures.json, measures.json and glossary.json into the built site.

One copy, at <site>/data/, written by the first (default-language) build. The logic and its tests
live in edition/downloads.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_data_for_build, load_for_build
from edition.downloads import write_downloads


def on_post_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        write_downloads(load_for_build(config), load_data_for_build(config), Path(config.site_dir))
