"""Check: a page's footnote markers are numbered in the order a reader meets them.

Python-Markdown numbers notes in the order their definitions are listed unless its footnotes
extension is told otherwise; mkdocs.yml sets ``USE_DEFINITION_ORDER: false``, so the numbers (on
the pages and in the PDFs, which render the same Markdown) follow the markers. This check reads
each page as rendered with the site's options and refuses a marker whose number is not the next
one, so a change of that setting, or of the extension, cannot put ⁵ before ⁴ unnoticed.
"""

from __future__ import annotations

from edition.model.dom import attribute
from edition.model.edition import Edition
from edition.model.pages import PageFile
from edition.model.problems import Problem

MARKER = 'sup[id^="fnref"] a[href^="#fn"]'


def marker_numbers(page: PageFile) -> list[tuple[str, int, str]]:
    """Each marker in reading order: (note key, its number, the id of the block it stands in)."""
    found = []
    for link in page.html.body.css(MARKER):
        key = (attribute(link, "href") or "").removeprefix("#fn:")
        try:
            number = int(link.text(deep=True).strip())
        except ValueError:
            continue
        block = link.parent.parent if link.parent is not None else None  # above the marker's <sup>
        while block is not None and block.is_element_node and not (attribute(block, "id") or "").strip():
            block = block.parent
        block_id = attribute(block, "id") if block is not None and block.is_element_node else ""
        found.append((key, number, block_id or ""))
    return found


def check_page(page: PageFile) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    expected = 1
    for key, number, block_id in marker_numbers(page):
        if key in seen:
            continue  # a second reference to a note already met keeps its number
        seen.add(key)
        if number != expected:
            line = page.line_of_id(block_id) if block_id else 1
            where = f" in '#{block_id}'" if block_id else ""
            problems.append(
                Problem(
                    page.rel,
                    line,
                    f"the footnote [^{key}]{where} is numbered {number}, but it is the note number {expected} a reader meets: notes are numbered in the order of their definitions, not of their markers.",
                    "keep 'footnotes: USE_DEFINITION_ORDER: false' under markdown_extensions in mkdocs.yml, or list the notes' definitions in the order of their markers.",
                )
            )
            break  # one out of place moves every later number: the first says it
        expected += 1
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    problems: list[Problem] = []
    for page in edition.files:
        problems.extend(check_page(page))
    return problems
