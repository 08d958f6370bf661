"""What the edition's checks need to know from mkdocs.yml, read once per build.

A plain object, so the checks run the same inside MkDocs (the plugin fills it from the build's
config, scripts/edition/from_mkdocs.py) and in the tests (which fill in only what a check reads).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from edition.model.roles import Roles, roles_of


@dataclass
class Language:
    """One language of the site, as the i18n plugin's ``languages:`` entry in mkdocs.yml gives it."""

    locale: str
    name: str
    link: str  # '/' for the default language, '/en/' for English
    default: bool
    settings: dict[str, Any] = field(default_factory=dict)  # the whole entry (site_name, theme, nav_translations …)

    @property
    def prefix(self) -> str:
        """Where the language's pages lie under the site root: '' or 'en/'."""
        stripped = self.link.strip("/")
        return f"{stripped}/" if stripped else ""


@dataclass
class Project:
    """mkdocs.yml as the edition reads it (defaults: a project of the tests without a config file)."""

    config_file: Path | None = None
    config_text: str = ""
    site_url: str = ""  # the site's public address (site_url), for absolute links in citations and metadata
    repo_url: str = ""  # the repository the site is built from (repo_url, set by the deploy): "" if unknown
    nav: Any = None
    languages: list[Language] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)  # site_name, copyright, theme, extra …
    assets: list[str] = field(default_factory=list)  # extra_css and extra_javascript
    theme_dirs: list[str] = field(default_factory=list)
    site_dir: Path | None = None
    serving: bool = False  # `mkdocs serve`: the built pages are not rewritten (live reload injects a script)

    @property
    def config_rel(self) -> str:
        return self.config_file.name if self.config_file else "mkdocs.yml"

    @property
    def roles(self) -> Roles:
        """Which language is the original (the i18n plugin's default) and which the translation."""
        return roles_of([language.locale for language in self.languages])

    def language(self, locale: str) -> Language | None:
        return next((lang for lang in self.languages if lang.locale == locale), None)

    def prefix(self, locale: str) -> str:
        language = self.language(locale)
        return language.prefix if language else ""
