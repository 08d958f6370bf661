"""Typing each query into a design's search in Chromium, timing it and recording what it downloads.

Every design is driven alike: the query but its last character is filled in and left to settle;
then the last character is typed, and the time from that input event to the first change of the
results in the page (a MutationObserver) is the latency. The first search of a fresh browser
context (empty cache) records every response from opening search until its results settled: its
body bytes as received (``request.sizes()``: gzip where the server compressed, Pagefind's own
pre-compressed files as they are), the first-search download.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any
from urllib.request import Request, urlopen

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browsing.visits import MOBILE, Recorder, Resource, is_local
from search_designs.designs import Design
from search_designs.queries import Outcome, Query, rank

QUIET_MS = 250
WATCH = """selector => {
  const bench = window.__bench = {key: null, rendered: null, last: performance.now()};
  new MutationObserver(() => {
    const now = performance.now();
    bench.last = now;
    if (bench.key !== null && bench.rendered === null) bench.rendered = now;
  }).observe(document.querySelector(selector), {childList: true, subtree: true, characterData: true});
  document.addEventListener('input', () => { bench.key = performance.now(); }, true);
}"""


class Transfer(Recorder):
    """visits.Recorder, counting each response body as the browser received it (not re-gzipped)."""

    def __init__(self, context: Any) -> None:
        super().__init__(context)
        self.blocked: list[str] = []  # requests to another host, all along

    def _finished(self, request: Any) -> None:
        self.last_activity = time.monotonic()
        if not is_local(request.url) or request.url.startswith(("data:", "blob:")):
            return
        size = request.sizes()["responseBodySize"]
        if size == 0:  # Chromium reports no body size for a worker's own script: ask the server again
            size = len(urlopen(Request(request.url, headers={"Accept-Encoding": "gzip"}), timeout=10).read())
        self.resources.append(Resource(request.url, request.resource_type, size, size))

    def responses(self) -> list[tuple[str, int]]:
        """(URL, bytes received) of each response since the last call."""
        resources, foreign, _ = self.take()
        self.blocked += foreign
        return [(resource.url, resource.compressed) for resource in resources]


def settle(page: Any, transfer: Transfer, quiet_ms: int = QUIET_MS, limit_s: float = 15) -> None:
    """Wait until neither the results nor the network have changed for ``quiet_ms``."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        page.wait_for_timeout(50)
        idle_page = page.evaluate("() => performance.now() - window.__bench.last")
        idle_network = (time.monotonic() - transfer.last_activity) * 1000
        if idle_page >= quiet_ms and idle_network >= quiet_ms:
            return


def type_query(page: Any, design: Design, transfer: Transfer, text: str) -> tuple[float | None, list[str]]:
    """Type ``text`` as a reader does; (ms from the last keystroke to the results, result links)."""
    page.fill(design.input, "")
    page.press(design.input, "End")
    settle(page, transfer)
    if len(text) > 1:
        page.fill(design.input, text[:-1])
        page.press(design.input, "End")  # Material searches on keyup
        settle(page, transfer)
    page.evaluate("() => { window.__bench.key = null; window.__bench.rendered = null; }")
    page.keyboard.insert_text(text[-1])
    page.keyboard.press("End")
    try:
        page.wait_for_function("() => window.__bench.rendered !== null", timeout=10_000, polling=10)
        latency = page.evaluate("() => window.__bench.rendered - window.__bench.key")
    except PlaywrightTimeout:
        latency = None
    settle(page, transfer)
    return latency, design.results(page)


@dataclass
class Run:
    outcomes: list[Outcome]
    first_search: dict[str, list[tuple[str, int]]]  # language → responses of its first search
    foreign: list[str]


def run_design(browser: Any, base: str, design: Design, queries: list[Query], evaluate: bool = True) -> Run:
    """Every query of each language in a fresh context (so each language's first search is cold)."""
    outcomes: list[Outcome] = []
    first: dict[str, list[tuple[str, int]]] = {}
    foreign: list[str] = []
    for lang in ("zh", "en"):
        mine = [q for q in queries if q.lang == lang]
        if not mine:
            continue
        context = browser.new_context(**MOBILE)
        try:
            transfer = Transfer(context)
            page = context.new_page()
            page.goto(base + design.home(lang), wait_until="load")
            page.wait_for_timeout(500)
            transfer.responses()
            design.open(page)
            page.evaluate(WATCH, design.watch)
            language_root = base + ("en/" if lang == "en" else "")
            for number, query in enumerate(mine):
                latency, hrefs = type_query(page, design, transfer, query.q)
                if number == 0:
                    first[lang] = transfer.responses()
                position = rank(query, hrefs, language_root) if evaluate else None
                outcomes.append(Outcome(query, position, hrefs[:10], latency))
            transfer.responses()
            foreign += transfer.blocked
        finally:
            context.close()
    return Run(outcomes, first, foreign)
