"""MkDocs hook: every YAML data file under docs/ parses and gives each key once.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/data_files.py.
It runs first (event priority 100) so a broken file is named with its line before any loader reads it.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from edition.build import is_nested_language_build
from edition.data_files import check_data_files
from edition.problems import report


@event_priority(100)
def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        report("data-files", check_data_files(Path(config.config_file_path).parent, Path(config.docs_dir)))
