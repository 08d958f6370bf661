"""MkDocs hook: every measure of docs/data/measures.yml is named in its paragraph in both languages.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/measures.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_data_for_build, load_for_build
from edition.data import MEASURES_FILE, data_file
from edition.measures import check_measures
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        edition, data = load_for_build(config), load_data_for_build(config)
        report("measures", check_measures(edition, data, data_file(edition.root, edition.docs_dir, MEASURES_FILE)))
