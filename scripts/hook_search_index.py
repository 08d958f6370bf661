"""MkDocs hook: the edition's search index, one per language, under each language's search/ folder.

The i18n plugin builds the other languages from inside the default language's on_post_build, so
builds nest: the innermost language on the stack is the one being built, and the Chinese pages are
all rendered before the English build starts (which is how English entries get their Chinese
twins). Logic: edition/search_index.py; the browser side: overrides/assets/javascripts/.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.utils import write_file

from edition.build import building_language, edition_strings, language_prefix, languages, page_file_for
from edition.script_variants import simplify_map
from edition.search_index import Entry, Labels, add_twins, build_index, page_entries

_building: list[tuple[str, list[Entry]]] = []
# Both languages' indexes ship the same traditional→simplified map, made from the Chinese entries
# (about 0.25 s with OpenCC): made once, for the nested English build, and reused by the Chinese.
_simplified: tuple[int, dict[str, str]] | None = None


def _simplify_for(chinese: list[Entry]) -> dict[str, str]:
    global _simplified
    if _simplified is None or _simplified[0] != id(chinese):
        _simplified = (id(chinese), simplify_map(f"{entry.title} {entry.text}" for entry in chinese))
    return _simplified[1]


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


@event_priority(-150)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if not _building:
        return
    lang, entries = _building.pop()
    source_language = languages(config)[0]
    chinese = next((found for code, found in [*_building, (lang, entries)] if code == source_language), [])
    if lang != source_language:
        add_twins(entries, chinese)
    simplify = _simplify_for(chinese)
    root = Path(config.site_dir) / language_prefix(config, lang) / "search"
    for name, data in build_index(entries, simplify).items():
        write_file(data, str(root / name))
