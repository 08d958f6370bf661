"""The edition offline: a PDF of each language and a side-by-side PDF, laid out by WeasyPrint.

Why: a reader who files the edition for an archive, or reads it offline, needs the whole text as
one document that says what it is: every paragraph with its id in the margin (so a citation by id
can be found on paper), the source line and the edition's version on every page, a table of
contents, and the corrections of the version (edition/model/errata.py) under their paragraphs.

Made from the pages' Markdown as the edition model renders it (edition/model/pages.py, the site's own
Markdown extensions), not from the built site: no theme, no script, nothing the PDF would have to
strip. The fonts are Debian's Noto CJK (fonts-noto-cjk), found through fontconfig and embedded in
the PDF (as subsets) by WeasyPrint; :func:`check_fonts` refuses to build without them rather than
fall back to a font without Chinese glyphs. Built by scripts/build_pdfs.py after the site
(``make build``, CI), never by ``mkdocs serve``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import escape
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from edition.model.documents import Work
from edition.model.edition import Edition
from edition.model.errata import ERRATA_PAGE, Erratum, recorded
from edition.model.pages import PageFile
from edition.model.published_files import PDF_FILES
from edition.model.release import EditionInfo, Record, format_date
from edition.model.roles import LOCALES
from edition.outputs.errata import note_html

FONTS = ("Noto Serif CJK SC", "Noto Sans CJK SC")

CSS = """
@page {
  size: A4;
  margin: 22mm 18mm 24mm 32mm;
  @top-right { content: string(version); font: 7pt "Noto Sans CJK SC"; color: #444; }
  @bottom-left { content: string(source); font: 7pt "Noto Sans CJK SC"; color: #444; width: 140mm; }
  @bottom-right { content: counter(page); font: 8pt "Noto Sans CJK SC"; }
}
@page :first { @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
html { font: 10.5pt/1.65 "Noto Serif CJK SC", "Noto Sans CJK SC"; color: #000; }
h1, h2, h3, h4, .title, .toc, .pid { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC"; }
.running-version { string-set: version content(); }
.running-source { string-set: source content(); }
.cover { break-after: page; padding-top: 40mm; }
.cover .title { font-size: 20pt; line-height: 1.35; font-weight: 700; margin: 0 0 8mm; }
.cover .subtitle { font-size: 13pt; margin: 0 0 14mm; }
.cover p { margin: 0 0 3mm; }
.toc { break-after: page; }
.toc h2 { font-size: 14pt; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 0 0 2mm; }
.toc a { color: inherit; text-decoration: none; }
.toc a::after { content: leader(".") target-counter(attr(href), page); }
section.page { break-before: page; }
h1 { font-size: 15pt; line-height: 1.35; margin: 0 0 6mm; bookmark-level: 1; }
h2 { font-size: 12.5pt; margin: 6mm 0 3mm; bookmark-level: 2; break-after: avoid; }
h3, h4 { font-size: 11pt; margin: 5mm 0 2mm; bookmark-level: 3; break-after: avoid; }
p { margin: 0 0 3mm; orphans: 2; widows: 2; }
.pid { float: left; width: 22mm; margin-left: -26mm; text-align: right; font-size: 7pt; font-weight: 400;
       color: #333; line-height: 1.9; }
a { color: inherit; }
sup { font-size: 7pt; line-height: 0; }
.footnote { font-size: 8.5pt; border-top: 0.5pt solid #777; margin-top: 6mm; padding-top: 2mm; }
.footnote hr { display: none; }
.footnote-backref { display: none; }
.edition-erratum { font-size: 8.5pt; border-left: 1.5pt solid #555; padding-left: 2mm; margin-top: -1.5mm; }
.row { display: flex; gap: 6mm; break-inside: auto; }
.row > div { flex: 1 1 0; min-width: 0; }
.row > .zh { flex-basis: 44%; }
.row > .en { flex-basis: 56%; font-size: 9.5pt; }
.row h1, .row h2, .row h3 { margin-top: 2mm; }
"""


@dataclass(frozen=True)
class Context:
    """Everything a PDF is made from."""

    edition: Edition
    info: EditionInfo
    record: Record
    errata: list[Erratum]
    site_url: str


def check_fonts() -> list[str]:
    """The Noto CJK fonts that fontconfig cannot find (empty: all there)."""
    if shutil.which("fc-match") is None:
        return list(FONTS)
    missing = []
    for font in FONTS:
        found = subprocess.run(["fc-match", "-f", "%{family}", font], capture_output=True, text=True, check=False)
        if font not in found.stdout:
            missing.append(font)
    return missing


def label(ctx: Context, lang: str, key: str, **values: object) -> str:
    """A PDF's words in ``lang`` (docs/data/strings.<lang>.yml, section ``pdf``)."""
    return ctx.edition.strings[lang].get(f"pdf.{key}", **values)


def _page_title(page: PageFile) -> str:
    return str(page.front_matter.data.get("title", page.name))


def _body(ctx: Context, page: PageFile, lang: str) -> BeautifulSoup:
    """A page's rendered body with ids in the margin, notes of corrections, page-local footnote ids."""
    soup = BeautifulSoup(page.rendered, "html.parser")
    ids = {block.id for block in page.blocks}
    for element in soup.find_all(id=True):
        if element["id"] in ids:
            margin = soup.new_tag("span", attrs={"class": "pid"})
            margin.string = element["id"]
            element.insert(0, margin)
    for element in soup.find_all(id=re.compile(r"^fn(ref)?:")):
        element["id"] = f"{page.name}-{element['id']}"
    for link in soup.find_all("a", href=True):
        href = link["href"]
        if href.startswith("#fn"):
            link["href"] = f"#{page.name}-{href[1:]}"
        elif ".md#" in href:
            link["href"] = "#" + href.split("#", 1)[1]
        elif not re.match(r"^[a-z]+:", href):
            link["href"] = ctx.site_url
    by_paragraph: dict[str, list[Erratum]] = {}
    for entry in recorded(ctx.errata, ctx.record):
        by_paragraph.setdefault(entry.paragraph, []).append(entry)
    for pid, entries in by_paragraph.items():
        element = soup.find(id=pid)
        if isinstance(element, Tag):
            errata_page = f"{ctx.site_url}{ctx.edition.project.prefix(lang)}{ERRATA_PAGE}/"
            template = ctx.edition.strings[lang].get("pdf.erratum")
            element.insert_after(BeautifulSoup(note_html(entries, lang, template, errata_page), "html.parser"))
    return soup


def text_pages(edition: Edition, main: str) -> list[tuple[str, list[str]]]:
    """What the PDFs hold: the ``kind: source`` pages of each document, in navigation order, main document first.

    The edition's own pages (About, editorial notes) and the generated ones (tables, the parallel
    view) are the website's: the PDFs are the text of the documents, as README says.
    """
    groups: dict[str, list[str]] = {main: []}
    for name in edition.names:
        page = edition.page(name, edition.default_language)
        if page is not None and page.kind == "source" and page.document:
            groups.setdefault(page.document, []).append(name)
    return [(document, names) for document, names in groups.items() if names]


def _source_line(ctx: Context, lang: str, work: Work) -> str:
    source = label(ctx, lang, "source", publisher=work.publisher[lang], date=format_date(work.date, lang), url=work.url)
    return f'<p class="running-source">{escape(source)}</p>'


def _document_start(ctx: Context, lang: str, document: str) -> str:
    """Where a further document begins: its title and author, and its source line from here on."""
    work = ctx.info.documents[document]
    author = label(
        ctx, lang, "author", author=work.author[lang], place=work.place[lang], date=format_date(work.date, lang)
    )
    return (
        f'<section class="page" lang="{lang}"><p class="title">{escape(work.title[lang])}</p>'
        f"<p>{escape(author)}</p>{_source_line(ctx, lang, work)}</section>"
    )


def _cover(ctx: Context, lang: str, which: str) -> str:
    info, work = ctx.info, ctx.info.work
    date = format_date(info.date, lang)
    version = label(ctx, lang, "version", name=info.name[lang], version=info.version, date=date)
    return (
        '<div class="cover">'
        f'<p class="title">{escape(work.title[lang])}</p>'
        f'<p class="subtitle">{escape(label(ctx, lang, f"kind.{which}"))}</p>'
        f"<p>{escape(label(ctx, lang, 'author', author=work.author[lang], place=work.place[lang], date=format_date(work.date, lang)))}</p>"
        f"{_source_line(ctx, lang, work)}"
        f'<p class="running-version">{escape(version)}</p>'
        f"<p>{escape(label(ctx, lang, 'online', url=ctx.site_url))}</p>"
        f"<p>{escape(label(ctx, lang, 'errata'))}</p>"
        "</div>"
    )


def _toc(ctx: Context, lang: str, pages: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="#page-{name}">{escape(title)}</a></li>' for name, title in pages)
    return f'<nav class="toc"><h2>{escape(label(ctx, lang, "contents"))}</h2><ol>{items}</ol></nav>'


def _document(lang: str, title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{LOCALES[lang].tag}"><head><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<style>{CSS}</style></head><body>{body}</body></html>"
    )


def language_html(ctx: Context, lang: str) -> str:
    """The whole text in one language, as one HTML document for WeasyPrint."""
    sections = []
    pages = []
    for document, names in text_pages(ctx.edition, ctx.info.work.id):
        if document != ctx.info.work.id:
            sections.append(_document_start(ctx, lang, document))
        for page in [page for name in names if (page := ctx.edition.page(name, lang))]:
            pages.append(page)
            sections.append(_section(ctx, page, lang))
    toc = _toc(ctx, lang, [(page.name, _page_title(page)) for page in pages])
    return _document(lang, ctx.info.work.title[lang], _cover(ctx, lang, lang) + toc + "".join(sections))


def _section(ctx: Context, page: PageFile, lang: str) -> str:
    """One page of one language, its title the target of the table of contents."""
    soup = _body(ctx, page, lang)
    heading = soup.find("h1")
    if isinstance(heading, Tag):
        heading["id"] = f"page-{page.name}"
    return f'<section class="page" lang="{lang}">{soup}</section>'


def parallel_html(ctx: Context) -> str:
    """Both languages side by side, aligned by paragraph id, the original (source language) on the left."""
    roles = ctx.edition.roles
    sections = []
    entries = []
    for document, names in text_pages(ctx.edition, ctx.info.work.id):
        if document != ctx.info.work.id:
            sections.append(_document_start(ctx, roles.source, document))
        sections += _parallel_sections(ctx, names, entries)
    body = _cover(ctx, roles.source, parallel_key(ctx.edition)) + _toc(ctx, roles.source, entries) + "".join(sections)
    title = f"{ctx.info.work.title[roles.source]} / {ctx.info.work.title[roles.translation]}"
    return _document(roles.source, title, body)


def _parallel_sections(ctx: Context, names: list[str], entries: list[tuple[str, str]]) -> list[str]:
    """The side-by-side sections of some pages; each page's entry is added to ``entries`` (the contents)."""
    roles = ctx.edition.roles
    sections = []
    for name in names:
        original, translation = ctx.edition.page(name, roles.source), ctx.edition.page(name, roles.translation)
        if original is None or translation is None:
            continue
        bodies = {
            roles.source: _body(ctx, original, roles.source),
            roles.translation: _body(ctx, translation, roles.translation),
        }
        title = f"{_page_title(original)} · {_page_title(translation)}"
        entries.append((name, title))
        rows = [
            f'<h1 id="page-{name}"><span lang="{roles.source}">{escape(_page_title(original))}</span><br>'
            f'<span lang="{roles.translation}">{escape(_page_title(translation))}</span></h1>'
        ]
        for block in original.blocks:
            cells = []
            for lang in bodies:
                element = bodies[lang].find(id=block.id)
                parts = [str(element)] if element is not None else []
                sibling = element.find_next_sibling() if element is not None else None
                while isinstance(sibling, Tag) and "edition-erratum" in (sibling.get("class") or []):
                    parts.append(str(sibling))
                    sibling = sibling.find_next_sibling()
                if lang == roles.translation and element is not None:
                    parts[0] = parts[0].replace('<span class="pid">' + block.id + "</span>", "", 1)
                cells.append(f'<div class="{lang}" lang="{lang}">{"".join(parts)}</div>')
            rows.append(f'<div class="row">{"".join(cells)}</div>')
        notes = "".join(str(body.find(class_="footnote") or "") for body in bodies.values())
        sections.append(f'<section class="page">{"".join(rows)}{notes}</section>')
    return sections


def parallel_key(edition: Edition) -> str:
    """The parallel PDF's key in PDF_FILES and on its cover: 'zh-en', source first."""
    return f"{edition.roles.source}-{edition.roles.translation}"


def write_pdfs(ctx: Context, out: Path) -> dict[str, Path]:
    """The three PDFs, written into ``out`` (PDF_FILES names); returns where each went."""
    from weasyprint import HTML  # imported here: only the PDF build needs WeasyPrint

    missing = check_fonts()
    if missing:
        raise RuntimeError(
            f"fonts not found: {', '.join(missing)}; install Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk)"
        )
    out.mkdir(parents=True, exist_ok=True)
    documents = {lang: language_html(ctx, lang) for lang in ctx.edition.languages}
    documents[parallel_key(ctx.edition)] = parallel_html(ctx)
    written = {}
    for key, html in documents.items():
        target = out / PDF_FILES[key]
        HTML(string=html, base_url=ctx.site_url or None).write_pdf(target)
        written[key] = target
    return written
