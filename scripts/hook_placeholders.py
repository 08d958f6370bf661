"""MkDocs hook: replace `<!-- kind: argument -->` lines with content generated from the data and pages.

Key figures, tables, charts, download links and parallel views (edition/placeholders.py and
edition/render.py). Runs for each language's build, as each page is read.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from edition.build import languages, load_data_for_build, load_for_build
from edition.pages import split_name
from edition.placeholders import expand
from edition.problems import report
from edition.render import Context


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in markdown:
        return markdown
    edition = load_for_build(config)
    name, lang = split_name(page.file.src_uri, languages(config))
    source = edition.page(name, lang or edition.default_language)
    rel = source.rel if source else f"docs/{page.file.src_uri}"
    first_line = source.front_matter.body_line if source else 1
    ctx = Context(edition, load_data_for_build(config), lang or edition.default_language, page.file.src_uri, page.url)
    expanded, problems = expand(markdown, ctx, rel, first_line)
    report("placeholders", problems)
    return expanded
