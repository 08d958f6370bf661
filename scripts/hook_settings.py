"""MkDocs hook: the settings of mkdocs.yml that reach every page (see edition/settings.py).

Registered in mkdocs.yml under `hooks:`; the logic and its tests live in edition/settings.py.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from edition.build import is_nested_language_build
from edition.problems import report
from edition.settings import check_settings

THEME_KEYS = ("font", "logo", "favicon", "palette", "icon", "language")


def on_pre_build(config: MkDocsConfig) -> None:
    if is_nested_language_build(config):
        return
    main = {key: config.get(key) for key in ("site_name", "site_description", "site_author", "copyright", "repo_url")}
    main["theme"] = {key: config.theme[key] for key in THEME_KEYS if key in config.theme}
    main["extra"] = dict(config.extra)
    i18n = config.plugins.get("i18n")
    languages = [dict(lang) for lang in i18n.config.languages] if i18n is not None else []
    text = Path(config.config_file_path).read_text(encoding="utf-8")
    report("settings", check_settings(main, languages, text))
