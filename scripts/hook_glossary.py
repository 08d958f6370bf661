"""MkDocs hook: a paragraph using a glossary term in Chinese uses its one English rendering in its twin.

The same for front-matter titles and descriptions, the home page and the navigation labels under
``nav_translations``. Registered in mkdocs.yml under `hooks:`; the logic and its tests live in
edition/glossary.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_data_for_build, load_for_build
from edition.data import GLOSSARY_FILE, data_file
from edition.glossary import NavLabel, check_glossary, nav_labels_in
from edition.problems import report


def nav_labels(config: MkDocsConfig) -> list[NavLabel]:
    """The translated navigation labels of every language, with their lines in mkdocs.yml."""
    i18n = config.plugins.get("i18n")
    path = Path(config.config_file_path)
    translations = [lang.nav_translations or {} for lang in i18n.config.languages] if i18n else []
    return nav_labels_in(path.read_text(encoding="utf-8"), path.name, translations)


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        edition, data = load_for_build(config), load_data_for_build(config)
        glossary_rel = data_file(edition.root, edition.docs_dir, GLOSSARY_FILE)
        report("glossary", check_glossary(edition, data, glossary_rel, nav_labels(config)))
