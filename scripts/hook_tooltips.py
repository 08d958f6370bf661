"""MkDocs hook: mark glossary terms in each page so they show a tooltip in the reader's language.

Pages whose front matter says `tooltips: false` (the glossary and the data tables) are left alone.
The logic and its tests live in edition/tooltips.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.build import languages, load_data_for_build
from edition.pages import split_name
from edition.tooltips import annotate


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("tooltips") is False:
        return html
    codes = languages(config)
    _, lang = split_name(page.file.src_uri, codes)
    return annotate(html, load_data_for_build(config).terms, lang or codes[0], codes)
