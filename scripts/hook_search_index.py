"""MkDocs hook: one search index per language, with paragraph entries and Chinese segmented by jieba.

Material's search plugin, with mkdocs-static-i18n, writes one index mixing both languages. This hook
collects each language's pages while that language is built and, after the plugins are done,
writes /search/search_index.json (Chinese) and /en/search/search_index.json (English) in its place.
overrides/main.html points each language's pages at its own index. Logic: edition/search_index.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from edition.build import building_language, edition_strings, language_prefix, page_file_for
from edition.search_index import Entry, Labels, index_json, page_entries

# The i18n plugin builds the other languages from inside the default language's on_post_build,
# so builds nest: the innermost language on the stack is the one being built.
_building: list[tuple[str, list[Entry]]] = []


def on_pre_build(config: MkDocsConfig) -> None:
    _building.append((building_language(config), []))


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    search = page.meta.get("search") or {}
    if search.get("exclude") or not _building:
        return context
    lang, entries = _building[-1]
    strings = edition_strings(config)
    labels = Labels(note=strings.get("search_note", Labels.note))
    source = page_file_for(config, page)
    entries.extend(
        page_entries(
            page.content or "",
            location=page.url.removeprefix(language_prefix(config, lang)),
            title=str(page.meta.get("title") or page.title),
            description=str(page.meta.get("description") or ""),
            paragraph_ids=source.explicit_ids if source else [],
            labels=labels,
            boost=float(search["boost"]) if "boost" in search else None,
        )
    )
    return context


@event_priority(-150)  # after mkdocs-static-i18n (-100) has had Material write its mixed index
def on_post_build(config: MkDocsConfig) -> None:
    if not _building:
        return
    lang, entries = _building.pop()
    target = Path(config.site_dir) / language_prefix(config, lang) / "search" / "search_index.json"
    write_file(index_json(entries, "zh" if lang.startswith("zh") else "en").encode("utf-8"), str(target))
