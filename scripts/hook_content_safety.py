"""MkDocs hook: nothing in docs/ or mkdocs.yml can run script in a reader's browser or load from another host.

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/content_safety.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build, load_for_build
from edition.content_safety import check_config, check_content_safety, nav_labels
from edition.problems import report


def on_pre_build(config: MkDocsConfig) -> None:
    if is_nested_language_build(config):
        return
    assets = [str(getattr(item, "path", item)) for item in [*config.extra_css, *config.extra_javascript]]
    labels = list(nav_labels(config.nav))
    i18n = config.plugins.get("i18n")
    for lang in i18n.config.languages if i18n is not None else []:
        labels.extend(str(label) for label in (lang.nav_translations or {}).values())
    problems = check_content_safety(load_for_build(config))
    problems += check_config(Path(config.config_file_path), assets, labels)
    report("content-safety", problems)
