"""MkDocs hook: a paragraph using a glossary term in Chinese uses its one English rendering in its twin.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/glossary.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_data_for_build, load_for_build
from edition.data import GLOSSARY_FILE, data_file
from edition.glossary import check_glossary
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        edition, data = load_for_build(config), load_data_for_build(config)
        report("glossary", check_glossary(edition, data, data_file(edition.root, edition.docs_dir, GLOSSARY_FILE)))
