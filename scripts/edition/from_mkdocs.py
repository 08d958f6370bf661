"""Between MkDocs and the edition: the project and the page model, read from the build's own config.

Only public interfaces are used: MkDocs's config, and the i18n plugin's *configuration* (the
``languages:`` list written in mkdocs.yml, validated by the plugin's config schema), never the i18n
plugin's run-time state (which language it is building, whether it is inside its own nested build).
tests/test_plugin.py fails if that configuration stops giving what is read here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from edition.model.edition import Edition, load_edition
from edition.model.project import Language, Project


def site_languages(config: MkDocsConfig) -> list[Language]:
    """The languages built, the default (source) language first, from the i18n plugin's config.

    Without the i18n plugin the site has one language, the theme's.
    """
    i18n = config.plugins.get("i18n")
    if i18n is None:
        locale = config.theme.get("language") or "en"
        return [Language(locale, locale, "/", True, {})]
    found = [
        Language(
            locale=str(entry.locale),
            name=str(entry.name or entry.locale),
            link=str(entry.link or ("/" if entry.default else f"/{entry.locale}/")),
            default=bool(entry.default),
            settings=dict(entry),
        )
        for entry in i18n.config.languages
        if entry.build and entry.locale != "null"
    ]
    found.sort(key=lambda language: not language.default)
    return found


def markdown_options(config: MkDocsConfig) -> dict[str, Any]:
    return {"extensions": list(config.markdown_extensions), "extension_configs": dict(config.mdx_configs)}


def project_from(config: MkDocsConfig, serving: bool) -> Project:
    """What the checks read from mkdocs.yml."""
    config_file = Path(config.config_file_path)
    main = {key: config.get(key) for key in ("site_name", "site_description", "site_author", "copyright", "repo_url")}
    main["theme"] = {
        key: config.theme[key]
        for key in ("font", "logo", "favicon", "palette", "icon", "language")
        if key in config.theme
    }
    main["extra"] = dict(config.extra)
    return Project(
        config_file=config_file,
        config_text=config_file.read_text(encoding="utf-8") if config_file.is_file() else "",
        site_url=str(config.site_url or ""),
        repo_url=str(config.repo_url or ""),
        nav=config.nav,
        languages=site_languages(config),
        settings=main,
        assets=[str(getattr(item, "path", item)) for item in [*config.extra_css, *config.extra_javascript]],
        theme_dirs=list(config.theme.dirs),
        site_dir=Path(config.site_dir),
        serving=serving,
    )


def edition_from(config: MkDocsConfig, serving: bool) -> Edition:
    """The whole edition for one build, read once (edition/model/edition.py): pages, data, strings, versions."""
    project = project_from(config, serving)
    locales = [language.locale for language in project.languages]
    root = Path(config.config_file_path).parent
    return load_edition(root, Path(config.docs_dir), locales, config.nav, markdown_options(config), project)


def load_project(root: Path) -> tuple[MkDocsConfig, Edition]:
    """mkdocs.yml and the edition, read as a build reads them, for the scripts run outside a build.

    The one loader of scripts/record_release.py, build_pdfs.py and align_sentences.py: the plugins'
    configuration is run (the i18n plugin's languages) as MkDocs runs
    it, so a script sees the languages, strings and pages a build would.
    """
    from mkdocs.config import load_config

    config = load_config(config_file=str(root / "mkdocs.yml"))
    config.plugins.on_startup(command="build", dirty=False)
    config = config.plugins.on_config(config)
    return config, edition_from(config, serving=False)
