"""Generated page content: key figures, the figures, measures and glossary tables, charts, downloads.

Stub pages (docs/figures.zh.md and the like) hold a placeholder line such as
``<!-- figures: table -->``; the placeholders hook replaces it with Markdown made here from the
data, in the page's language. Links to paragraphs are Markdown links to the page's ``.md`` file, so
MkDocs resolves them per language and validates their anchors like any hand-written link.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from mkdocs.utils import get_relative_url

from edition.model.data import Data
from edition.model.edition import Edition
from edition.model.errata import FEED
from edition.model.figure_text import display, plain_number, with_unit
from edition.model.pages import split_name
from edition.model.published_files import DOWNLOAD_DIR, FILES, PDF_DIR, PDF_FILES
from edition.model.published_words import is_unit, page_of_unit
from edition.model.source_slips import Correction
from edition.model.terms import term_uses
from edition.outputs.charts import chart_svg
from edition.outputs.citations import plain
from edition.outputs.downloads import columns
from edition.outputs.errata import Where, errata_list, labels_of, versions_table
from edition.outputs.parallel import RowTools, parallel_html
from edition.outputs.report import form_url, repository_name


class UnknownPlaceholderError(LookupError):
    """A placeholder names something that does not exist (a chart id, a page name)."""


MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")
RAW_MARKER = re.compile(r"<!-- edition-raw (\d+) -->")  # where a generated HTML block goes (Context.raw)


@dataclass
class Context:
    """What a renderer needs to know about the page it writes into."""

    edition: Edition
    data: Data
    lang: str
    src_uri: str  # the page's file under docs/, e.g. "parallel/policing.en.md"
    page_url: str  # the page's URL path from the site root, e.g. "en/parallel/policing/"
    raw_blocks: list[str] = field(default_factory=list)  # generated HTML kept out of Markdown (``raw``)

    def raw(self, html: str) -> str:
        """A generated HTML block, kept out of Markdown: a marker line, replaced by ``html`` in the
        page's HTML (``put_raw``). Markdown would pass the block through unchanged, but only after
        reading it with Python's HTML parser: the side-by-side pages and the tables are most of
        their pages."""
        self.raw_blocks.append(html)
        return f"<!-- edition-raw {len(self.raw_blocks) - 1} -->"

    def label(self, key: str, **values: object) -> str:
        """A heading or caption in this page's language (docs/data/strings.<lang>.yml, ``labels``)."""
        return self.edition.strings[self.lang].get(f"labels.{key}", **values)

    @property
    def other(self) -> str:
        return self.edition.roles.other(self.lang)

    def link(self, name: str, anchor: str | None = None) -> str:
        """A Markdown link target to another page (and paragraph), relative to this page's file."""
        target = posixpath.relpath(f"{name}.md", posixpath.dirname(self.src_uri) or ".")
        return f"{target}#{anchor}" if anchor else target

    def site_file(self, path: str) -> str:
        """A URL to a file at the site's root (the downloads), relative to this page."""
        return get_relative_url(path, self.page_url)

    @property
    def title(self) -> str:
        """The title in this page's front matter."""
        name, lang = split_name(self.src_uri, self.edition.languages)
        page = self.edition.page(name, lang or self.lang)
        return str(page.front_matter.data.get("title", "")) if page else ""

    def page_href(self, name: str) -> str:
        """A URL to another page in this page's language, for raw HTML (where MkDocs rewrites no links)."""
        prefix = "" if self.lang == self.edition.default_language else f"{self.lang}/"
        return get_relative_url(f"{prefix}{name}/", self.page_url)

    def area_title(self, area: str) -> str:
        page = self.edition.page(self.edition.areas[area], self.lang)
        title = page.front_matter.data.get("title") if page else None
        return str(title or area)

    def paragraph_link(self, area: str, paragraph: str) -> str:
        return f"[{paragraph}]({self.link(self.edition.areas[area], paragraph)})"

    def paragraph_anchor(self, name: str, paragraph: str) -> str:
        """``paragraph_link`` as HTML, for the tables (written as HTML: no Markdown to convert)."""
        return f'<a href="{escape(self.page_href(name))}#{paragraph}">{paragraph}</a>'


def text(value: str, lang: str | None = None) -> str:
    """Text for Markdown: HTML- and Markdown-escaped, marked with its language."""
    return cell(MARKDOWN_SPECIAL.sub(r"\\\1", value), lang)


def put_raw(html: str, blocks: list[str]) -> str:
    """The page's HTML with each marker of ``Context.raw`` replaced by its block (a marker of no
    block, which a page could hold as a comment, is left as it is)."""
    if not blocks:
        return html
    return RAW_MARKER.sub(lambda m: blocks[int(m[1])] if int(m[1]) < len(blocks) else m[0], html)


def cell(value: str, lang: str | None = None) -> str:
    """Text for an HTML table cell: escaped, marked with its language."""
    safe = escape(value, quote=False)
    return f'<span lang="{lang}">{safe}</span>' if lang else safe


def table(
    headers: list[str],
    rows: list[list[str]],
    filter_column: int | None,
    ctx: Context,
    filter_label: str,
    download: tuple[str, list[str]] | None = None,
) -> str:
    """A table (``rows`` of HTML cells) in a wrapper that docs/assets/javascripts/tables.js makes
    sortable and filterable.

    Written as HTML, the table is passed through by Markdown as it is: as a Markdown table inside
    the wrapper (md_in_html), its cells' inline parsing cost a fifth of a second of each build for
    the glossary, measures and figures pages of both languages (``make bench``). Without
    JavaScript it is a plain table in reading order; the script adds sort buttons to the headings
    and, when ``filter_column`` is given, a list to show the rows of one value only.

    ``download``: the dataset's JSON file (under data/) and each row's record id: the script then
    offers the rows shown as CSV, made from that file's records and columns.
    """
    attributes = ' class="edition-table"'
    if filter_column is not None:
        everything = ctx.label("all")
        attributes += f' data-filter-column="{filter_column}" data-filter-label="{escape(filter_label)}" data-filter-all="{everything}"'
    ids = [""] * len(rows)
    if download is not None:
        name, ids = download
        attributes += (
            f' data-download="{escape(ctx.site_file(f"{DOWNLOAD_DIR}/{name}"))}"'
            f' data-download-label="{escape(ctx.label("download_shown"))}"'
            f' data-download-name="{escape(name.removesuffix(".json"))}"'
        )
    head = "".join(f"<th>{cell(header)}</th>" for header in headers)
    body = "\n".join(
        (f'<tr data-id="{escape(row_id)}">' if row_id else "<tr>")
        + "".join(f"<td>{value}</td>" for value in row)
        + "</tr>"
        for row, row_id in zip(rows, ids, strict=True)
    )
    return ctx.raw(
        f"<div{attributes}>\n<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>"
    )


def key_figures(ctx: Context, arg: str) -> str:
    """The home page's key figures: value, caption and a link to the paragraph, then the key charts."""
    items = []
    for figure in (f for f in ctx.data.figures if f.key):
        value = escape(display(figure, ctx.lang))
        caption = escape(figure.label[ctx.lang])
        where = f"{ctx.area_title(figure.area)} · {figure.paragraph}"
        items.append(
            f'- <span class="edition-key-figures__value">{value}</span> <span class="edition-key-figures__label">{caption}</span> '
            f"[{text(where)}]({ctx.link(ctx.edition.areas[figure.area], figure.paragraph)})"
        )
    more = ctx.label("all_figures", count=len(ctx.data.figures))
    charts = [charts_block(ctx, chart.id) for chart in ctx.data.charts if chart.key]
    return "\n".join(
        [
            '<div class="edition-key-figures" markdown>',
            "",
            *items,
            "",
            "</div>",
            "",
            f"[{more} →]({ctx.link('figures')})",
            "",
            *charts,
        ]
    )


def figures_table(ctx: Context, arg: str) -> str:
    lang, other = ctx.lang, ctx.other
    headers = [
        ctx.label("value"),
        ctx.label("what"),
        ctx.label(f"language_text.{lang}"),  # the page's own language first
        ctx.label(f"language_text.{other}"),
        ctx.label("area"),
        ctx.label("paragraph"),
    ]
    rows = []
    for f in ctx.data.figures:
        phrase = {code: getattr(f, code) for code in ctx.edition.languages}
        rows.append(
            [
                f'<span data-sort="{plain_number(f.value)}">{cell(with_unit(f, lang))}</span>',
                cell(f.label[lang]),
                cell(phrase[lang]),
                cell(phrase[other], other),
                cell(ctx.area_title(f.area)),
                ctx.paragraph_anchor(ctx.edition.areas[f.area], f.paragraph),
            ]
        )
    return table(headers, rows, 4, ctx, ctx.label("area"), ("figures.json", [f.id for f in ctx.data.figures]))


def charts_block(ctx: Context, chart_id: str) -> str:
    """One chart (or every chart, for 'all'): the SVG in a figure, then the paragraphs it comes from."""
    charts = ctx.data.charts if chart_id == "all" else [c for c in ctx.data.charts if c.id == chart_id]
    if not charts:
        raise UnknownPlaceholderError(chart_id)
    blocks = []
    for chart in charts:
        figures = [f for f in map(ctx.data.figure, chart.figures) if f is not None]
        paragraphs = list(dict.fromkeys((f.area, f.paragraph) for f in figures))
        sources = ", ".join(ctx.paragraph_link(area, paragraph) for area, paragraph in paragraphs)
        caption = escape(chart.title[ctx.lang])
        blocks.append(
            f'<figure class="edition-chart" id="chart-{chart.id}"><figcaption>{caption}</figcaption>{chart_svg(chart, figures, ctx.lang)}</figure>'
        )
        blocks.append(
            f'<p class="edition-chart__source" markdown>{ctx.label("source_paragraph")}{ctx.label("colon")}{sources}</p>'
        )
    return "\n\n".join(blocks) + "\n"


def measures_table(ctx: Context, arg: str) -> str:
    lang, other = ctx.lang, ctx.other
    headers = [
        ctx.label("measure"),
        ctx.label(f"language_column.{ctx.other}"),
        ctx.label("area"),
        ctx.label("paragraph"),
    ]
    rows = []
    for m in ctx.data.measures:
        phrase = {code: getattr(m, code) for code in ctx.edition.languages}
        rows.append(
            [
                cell(phrase[lang]),
                cell(phrase[other], other),
                cell(ctx.area_title(m.area)),
                ctx.paragraph_anchor(ctx.edition.areas[m.area], m.paragraph),
            ]
        )
    return table(headers, rows, 2, ctx, ctx.label("area"), ("measures.json", [m.id for m in ctx.data.measures]))


def glossary_table(ctx: Context, arg: str) -> str:
    lang = ctx.lang
    uses = term_uses(ctx.edition, ctx.data.terms)
    headers = [
        ctx.label("term"),
        ctx.label("glossary_other"),
        ctx.label("kind"),
        ctx.label("note"),
        ctx.label("used_in"),
    ]
    rows = []
    for t in ctx.data.terms:
        shown, other = getattr(t, lang), getattr(t, ctx.other)
        where = uses[t.id]
        links = ", ".join(ctx.paragraph_anchor(name, paragraph) for name, paragraph in where[:3])
        if len(where) > 3:
            links += f" ({cell(ctx.label('more_uses', count=len(where)))})"
        rows.append(
            [
                f'<span id="term-{t.id}">{cell(shown, lang)}</span>',
                cell(other, ctx.other),
                cell(ctx.edition.strings[lang].get(f"term_kinds.{t.kind}")),
                cell(t.note[lang]),
                links,
            ]
        )
    return table(headers, rows, 2, ctx, ctx.label("kind"))


def downloads_block(ctx: Context, dataset: str) -> str:
    """Links to a dataset's files and the meaning of each column."""
    files = FILES[dataset]
    links = " · ".join(f'<a href="{ctx.site_file(f"{DOWNLOAD_DIR}/{name}")}" download>{name}</a>' for name in files)
    rows = [[f"`{name}`", text(meaning[ctx.lang])] for name, meaning in columns(ctx.edition, dataset).items()]
    headers = [ctx.label("column"), ctx.label("meaning")]
    body = ["| " + " | ".join(headers) + " |", "| --- | --- |", *("| " + " | ".join(row) + " |" for row in rows)]
    return "\n".join(
        [
            f'<p class="edition-downloads">{ctx.label("download")}{ctx.label("colon")}{links}</p>',
            "",
            *body,
        ]
    )


def row_tools(ctx: Context, name: str) -> RowTools:
    """Each side-by-side row's Cite and "Report a mistake", for the paragraph on its full page."""
    project, strings = ctx.edition.project, ctx.edition.strings[ctx.lang]
    page_url = f"{project.site_url}{project.prefix(ctx.lang)}{name}/"
    repo = project.repo_url
    return RowTools(
        cite=strings.get("page.cite"),
        cite_label=strings.get("page.cite_label"),
        page_url=page_url,
        report=strings.get("page.report"),
        report_label=strings.get("page.report_label"),
        report_href=(lambda block_id: form_url(repo, ctx.lang, page_url, block_id)) if repo else None,
    )


def parallel_block(ctx: Context, name: str) -> str:
    """The parallel view of one text page (the argument is its name, e.g. 'policing')."""
    pages = {code: ctx.edition.page(name, code) for code in ctx.edition.languages}
    original = pages.get(ctx.edition.default_language)
    if any(page is None for page in pages.values()) or original is None or not original.blocks:
        raise UnknownPlaceholderError(name)
    found = {code: page for code, page in pages.items() if page}
    names = {code: ctx.edition.strings[code].get("labels.language_name") for code in ctx.edition.languages}
    link_label = ctx.label("parallel_link", id="{id}")
    rows = parallel_html(
        found, ctx.edition.languages, ctx.page_href(name), ctx.lang, names, row_tools(ctx, name), link_label
    )
    # The page's own title as its heading: the theme would otherwise show the navigation label,
    # which is the same as the full page's ("2. Policing mechanisms").
    return f"# {text(ctx.title)}\n\n{ctx.raw(rows)}"


def corrections_block(ctx: Context, arg: str) -> str:
    """The About page's list of corrections of the source, from docs/data/corrections.yml."""
    return corrections_list(ctx.edition.corrections, ctx.edition, ctx.lang, ctx.link)


def errata_block(ctx: Context, arg: str) -> str:
    """The Corrections page: every recorded correction with its wording before and after, or the versions."""
    found = ctx.edition.versions
    labels = labels_of(ctx.edition.strings[ctx.lang])
    if arg == "versions":
        return versions_table(found.record, found.errata, ctx.lang, labels)
    pages = ctx.edition.page_of_block(ctx.lang) | page_of_unit(ctx.edition, ctx.lang)

    def title(pid: str) -> str:
        page = pages.get(pid)
        return str(page.front_matter.data.get("title", page.name)) if page else pid

    def link(pid: str) -> str:
        return ctx.link(pages[pid].name, None if is_unit(pid) else pid) if pid in pages else ""

    feed_url = ctx.site_file(ctx.edition.project.prefix(ctx.lang) + FEED)
    feed = f'<p class="edition-downloads"><a href="{feed_url}" type="application/atom+xml">{escape(labels["feed"])}</a></p>'
    return feed + "\n\n" + errata_list(found.errata, found.record, ctx.lang, Where(title, link), labels)


def pdf_links(ctx: Context, arg: str) -> str:
    """Links to the PDFs (built after the site by scripts/build_pdfs.py)."""
    strings = ctx.edition.strings[ctx.lang]
    links = " · ".join(
        f'<a href="{ctx.site_file(f"{PDF_DIR}/{name}")}" type="application/pdf" download>{escape(strings.get(f"pdf.file.{key}"))}</a>'
        for key, name in PDF_FILES.items()
    )
    return f'<p class="edition-downloads">{escape(strings.get("pdf.links"))}{escape(ctx.label("colon"))}{links}</p>'


def citation_example(ctx: Context, paragraph: str) -> str:
    """About's example citation of one paragraph: the plain citation with this edition's version and date.

    Made from the same string the Cite control copies (docs/data/strings.<lang>.yml, page.citation)
    and from docs/data/edition.yml, so the example names the version being read, never an old one.
    """
    found = ctx.edition.versions
    if found.info is None:
        return ""  # the "release" check names what is wrong with edition.yml
    pages = ctx.edition.page_of_block(ctx.lang)
    if paragraph not in pages:
        raise UnknownPlaceholderError(paragraph)
    strings = ctx.edition.strings[ctx.lang]
    url = f"{ctx.edition.project.site_url}{ctx.edition.project.prefix(ctx.lang)}{pages[paragraph].name}/#{paragraph}"
    text = plain(strings.get("page.citation"), found.info, ctx.lang)
    text = text.replace("{id}", paragraph).replace("{url}", url)
    text = text.replace("{accessed}", strings.get("labels.accessed_example"))
    return f'<blockquote class="edition-citation-example"><p>{escape(text)}</p></blockquote>'


Renderer = Callable[[Context, str], str]


def maintainer_block(ctx: Context, arg: str) -> str:
    """About's "who maintains this edition and how to report a mistake", from edition.yml's
    ``publisher`` and the repository the deploy names (edition/outputs/report.py)."""
    project, strings = ctx.edition.project, ctx.edition.strings[ctx.lang]
    info = ctx.edition.versions.info
    publisher = info.publisher[ctx.lang] if info is not None and info.publisher else ""
    repo = project.repo_url
    if not repo:
        return strings.get("labels.maintained_unknown")
    repository = f"[{repository_name(repo)}]({repo})"
    if publisher:
        said = strings.get("labels.maintained_by", publisher=text(publisher), repository=repository)
    else:
        said = strings.get("labels.maintained_by_contributors", repository=repository)
    page_url = f"{project.site_url}{ctx.page_url}"
    form = f"[{strings.get('labels.report_form')}]({form_url(repo, ctx.lang, page_url)})"
    return f"{said} {strings.get('labels.report_how', form=form)}"


RENDERERS: dict[str, dict[str, Renderer] | Renderer] = {
    "figures": {"key": key_figures, "table": figures_table},
    "charts": charts_block,
    "measures": {"table": measures_table},
    "glossary": {"table": glossary_table},
    "downloads": downloads_block,
    "parallel": parallel_block,
    "corrections": {"list": corrections_block},
    "errata": {"list": errata_block, "versions": errata_block},
    "pdf": {"links": pdf_links},
    "citation": citation_example,
    "maintainer": {"about": maintainer_block},
}


def corrections_list(
    corrections: list[Correction], edition: Edition, lang: str, link: Callable[[str, str], str]
) -> str:
    """The About page's list, in ``lang``: one Markdown list item (indented under its bullet) per correction."""
    items = []
    for index, entry in enumerate(corrections):
        page = edition.page(entry.page, lang)
        title = str(page.front_matter.data.get("title", entry.page)) if page else entry.page
        title = re.sub(r"^(\d+)\.", r"\1\\.", title)  # "1. Running…" is a title, not a numbered list
        where = f"{title} [{entry.paragraph}]({link(entry.page, entry.paragraph)})"
        last = index == len(corrections) - 1
        if lang == "zh":
            said = "，".join(part for part in (f"“{entry.zh}”" if entry.zh else "", entry.what_zh) if part)
            items.append(f"    - {where}：{said}{'。' if last else '；'}")
        else:
            said = ", ".join(part for part in (f'"{entry.zh}"' if entry.zh else "", entry.what_en) if part)
            items.append(f"    - {where}: {said}{'.' if last else ';'}")
    return "\n".join(items)
