"""MkDocs hook: Front matter parses and has a title and description.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/front_matter.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_for_build
from edition.front_matter import check_front_matter
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        report("front-matter", check_front_matter(load_for_build(config)))
