"""MkDocs hook: no English paragraph lost or gained a sentence.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/sentences.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_for_build
from edition.problems import report
from edition.sentences import check_sentences


def on_pre_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        report("sentences", check_sentences(load_for_build(config)))
