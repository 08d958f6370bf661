"""Typing into the edition's search as a reader does, and reading the results back.

Shared by the browser tests (tests/test_browser_search.py) and the benchmark (scripts/bench.py):
the search button, the dialog, the result links in the order shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

OPEN = "button.edition-search-open"
INPUT = "dialog.edition-search input[type=search]"
STATUS = "dialog.edition-search .edition-search__status"
LINKS = "dialog.edition-search .edition-search__link"
RESULTS = "dialog.edition-search .edition-search__results"  # its data-query: the query it answers


@dataclass
class Result:
    href: str  # as shown: the page's path from the server root, then #id
    label: str
    snippet: str

    @property
    def fragment(self) -> str:
        return urlsplit(self.href).fragment

    def page(self, root: str) -> str:
        """The page's path under a language root ("policing/" for .../en/policing/#a2-1-1)."""
        return urlsplit(self.href).path.removeprefix(urlsplit(root).path)


def open_search(page: Any) -> None:
    page.click(OPEN)
    page.wait_for_selector(INPUT, state="visible")


def search(page: Any, query: str, timeout_ms: int = 10_000) -> list[Result]:
    """Type ``query`` into the open (or closed) search and return the results shown, in order."""
    if not page.is_visible(INPUT):
        open_search(page)
    page.fill(INPUT, "")
    page.type(INPUT, query, delay=5)
    wait_for_results(page, query, timeout_ms)
    return results(page)


def wait_for_results(page: Any, query: str, timeout_ms: int = 10_000) -> None:
    """Until the results shown are those of ``query`` (not of a query typed on the way to it)."""
    page.wait_for_function(
        "([s, q]) => { const list = document.querySelector(s); return list && list.dataset.query === q }",
        arg=[RESULTS, query],
        timeout=timeout_ms,
    )


def status_of(page: Any, timeout_ms: int = 10_000) -> str:
    """The status once it is spoken: it is set when typing has paused (edition-search.js, say)."""
    page.wait_for_function(
        "s => { const search = window.editionSearch && window.editionSearch.instance;"
        " return search && document.querySelector(s).textContent === (search.said || '') }",
        arg=STATUS,
        timeout=timeout_ms,
    )
    return page.text_content(STATUS)


def results(page: Any) -> list[Result]:
    return [
        Result(**item)
        for item in page.eval_on_selector_all(
            LINKS,
            """links => links.filter(a => a.offsetParent !== null).map(a => ({
                href: a.getAttribute('href'),
                label: (a.querySelector('.edition-search__id') || {}).textContent || '',
                snippet: (a.querySelector('.edition-search__snippet') || {}).textContent || '',
            }))""",
        )
    ]
