"""The parallel view: a page's Chinese and English paragraphs side by side, aligned by paragraph id.

Generated from the two pages themselves (their rendered blocks, as the checks read them), never
from a third copy of the text. Each row carries the paragraph id, so ``parallel/policing/#a2-1-1``
cites the same paragraph as ``policing/#a2-1-1``; a link in the row leads to the full page, and
the row's Cite (shown by edition.js) cites the paragraph there (its ``data-url``), with "Report a
mistake" beside it where the repository is known. The stylesheet puts the two columns side by side on wide screens and one above the other on a phone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from edition.model.pages import PageFile

HEADINGS = ("h1", "h2", "h3", "h4", "h5")


def block_html(page: PageFile, block_id: str, shift: int = 1) -> str:
    """A block's HTML as rendered, without its id (the row has it) and without footnote markers.

    Headings move ``shift`` levels down, below the parallel page's own h1.
    """
    found = page.by_id.get(block_id)
    if found is None:
        return ""
    element = found.clone()  # the page's own tree is read by the checks: it stays as rendered
    del element.attrs["id"]
    for marker in element.css('sup[id^="fnref"]'):
        marker.decompose()
    html = element.html or ""
    if element.tag in HEADINGS:
        level = f"h{min(int(element.tag[1]) + shift, 6)}"
        html = f"<{level}{html[3 : -len('</h1>')]}</{level}>"
    return html.replace("\n\n", "\n")


@dataclass(frozen=True)
class RowTools:
    """A row's Cite and "Report a mistake", in the reader's language (docs/data/strings.<lang>.yml)."""

    cite: str
    cite_label: str  # with {id}
    page_url: str  # the full page's absolute address: the row cites the paragraph there
    report: str = ""
    report_label: str = ""  # with {id}
    report_href: Callable[[str], str] | None = None

    def html(self, block_id: str) -> str:
        cite = (
            f'<button type="button" class="edition-cite" data-url="{escape(self.page_url)}#{block_id}"'
            f' aria-label="{escape(self.cite_label.format(id=block_id))}" hidden>{escape(self.cite)}</button>'
        )
        if self.report_href is None:
            return cite
        report = (
            f'<a class="edition-report" href="{escape(self.report_href(block_id))}"'
            f' aria-label="{escape(self.report_label.format(id=block_id))}">{escape(self.report)}</a>'
        )
        return f"{cite} {report}"


def parallel_html(
    pages: dict[str, PageFile],
    languages: list[str],
    page_href: str,
    lang: str,
    names: dict[str, str],
    tools: RowTools | None = None,
    link_label: str = "{id}",
) -> str:
    """Rows of aligned blocks, in the order of the default language's page; one line per row.

    ``pages`` maps each language to its page; ``page_href`` is the URL of the full page in the
    reader's language (the rows link to it); ``lang`` is the reader's language; ``names`` each
    language's name for itself (the column headings).
    """
    original = pages[languages[0]]
    # The highest heading among the blocks becomes an h2, so levels never skip (the overview's h1
    # carries no id, so its blocks start at h2; the areas' start at h1).
    top = min((int(block.tag[1]) for block in original.blocks if block.tag in HEADINGS), default=1)
    shift = 2 - top
    header = "".join(f'<div class="edition-parallel__heading" lang="{code}">{names[code]}</div>' for code in languages)
    rows = [
        f'<div class="edition-parallel" lang="{lang}">',
        f'<div class="edition-parallel__row edition-parallel__row--head" aria-hidden="true">{header}</div>',
    ]
    for block in original.blocks:
        cells = "".join(
            f'<div class="edition-parallel__cell" lang="{code}">{block_html(pages[code], block.id, shift)}</div>'
            for code in languages
        )
        label = escape(link_label.format(id=block.id), quote=True)
        link = f'<a class="edition-parallel__id" href="{page_href}#{block.id}" aria-label="{label}">{block.id}</a>'
        extra = f" {tools.html(block.id)}" if tools else ""
        row_tools = f'<div class="edition-parallel__tools" data-search-exclude>{link}{extra}</div>'
        rows.append(f'<div class="edition-parallel__row" id="{block.id}">{cells}{row_tools}</div>')
    rows.append("</div>")
    return "\n".join(rows)
