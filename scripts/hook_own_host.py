"""MkDocs hook: no built file names another host for a resource (see edition/own_host.py).

Runs last, once both languages are built (the i18n plugin copies the theme's files in each build).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from edition.build import is_nested_language_build
from edition.own_host import keep_to_own_host


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    if not is_nested_language_build(config):
        keep_to_own_host(Path(config.site_dir))
