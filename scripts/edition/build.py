"""Glue between MkDocs and the edition model: load it once per build, from the build's own config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from edition.data import DATA_DIR, Data, load_data
from edition.pages import Edition, PageFile, load_edition

_cache: dict[tuple, Edition] = {}


def is_nested_language_build(config: MkDocsConfig) -> bool:
    """True inside mkdocs-static-i18n's build of a further language.

    The i18n plugin builds the default language, then, from its on_post_build, builds each other
    language again with every hook. The edition checks look at all languages at once, so they
    run in the first build only and report each problem once.
    """
    i18n = config.plugins.get("i18n")
    return bool(i18n is not None and getattr(i18n, "building", False))


def languages(config: MkDocsConfig) -> list[str]:
    """Locales from the i18n plugin's config, the default language first."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme.get("language") or "en"]
    entries = [lang for lang in i18n.config.languages if lang.build and lang.locale != "null"]
    entries.sort(key=lambda lang: not lang.default)
    return [lang.locale for lang in entries]


def markdown_options(config: MkDocsConfig) -> dict[str, Any]:
    return {"extensions": list(config.markdown_extensions), "extension_configs": dict(config.mdx_configs)}


def load_for_build(config: MkDocsConfig) -> Edition:
    """The edition for this build; hooks of one build share it (keyed on the files' state)."""
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    state = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(docs_dir.rglob("*.md")))
    key = (str(docs_dir), state, repr(config.nav))
    if key not in _cache:
        _cache.clear()
        _cache[key] = load_edition(root, docs_dir, languages(config), config.nav, markdown_options(config))
    return _cache[key]


_data_cache: dict[tuple, Data] = {}


def load_data_for_build(config: MkDocsConfig) -> Data:
    """The figures, measures and glossary of docs/data, read once per build (keyed on the files' state)."""
    root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    state = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted((docs_dir / DATA_DIR).glob("*.yml")))
    key = (str(docs_dir), state)
    if key not in _data_cache:
        _data_cache.clear()
        _data_cache[key] = load_data(docs_dir, root)
    return _data_cache[key]


def language_prefix(config: MkDocsConfig, lang: str) -> str:
    """Where a language's pages live under the site root: '' for the default language, 'en/' for English."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return ""
    for language in i18n.config.languages:
        if language.locale == lang:
            return language.link.strip("/") + "/" if language.link.strip("/") else ""
    return ""


def building_language(config: MkDocsConfig) -> str:
    """The language the i18n plugin is building now (its default language outside the plugin)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return config.theme.get("language") or "en"
    return i18n.current_language


def page_file_for(config: MkDocsConfig, page: Page) -> PageFile | None:
    """The edition's model of the Markdown file a page was rendered from."""
    source = Path(page.file.abs_src_path or "")
    for file in load_for_build(config).files:
        if file.path == source:
            return file
    return None


def edition_strings(config: MkDocsConfig) -> dict[str, str]:
    """The page furniture's strings in the language being built (mkdocs.yml, ``extra.edition``)."""
    return dict(config.extra.get("edition") or {})
