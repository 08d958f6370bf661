"""MkDocs hook: a permalink and a "cite" button beside every paragraph and heading with an id.

Runs on the rendered HTML (on_page_content), so the edition checks, which render the Markdown
themselves, never see it. Logic and tests: edition/paragraph_tools.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.build import edition_strings, page_file_for
from edition.paragraph_tools import ToolLabels, add_paragraph_tools


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    source = page_file_for(config, page)
    if source is None or not source.blocks:
        return html
    strings = edition_strings(config)
    defaults = ToolLabels()
    labels = ToolLabels(
        permalink_label=strings.get("permalink_label", defaults.permalink_label),
        cite=strings.get("cite", defaults.cite),
        cite_label=strings.get("cite_label", defaults.cite_label),
    )
    return add_paragraph_tools(html, [block.id for block in source.blocks], labels)
