"""What a reader's browser downloads and how long search takes, measured in Debian's Chromium.

Every request is recorded at the context level (pages and their workers); any request to another
host is blocked and recorded, so a page that tries to load a font from Google counts it.
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browsing.search_driver import INPUT, open_search, results, wait_for_results

# Lighthouse's "slow 4G" mobile profile: what a reader on a phone gets, roughly.
SLOW_4G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6 * 1024 * 1024 / 8,
    "uploadThroughput": 750 * 1024 / 8,
}
# Lighthouse's mobile screen (Moto G Power): readers mostly come on phones.
MOBILE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
QUIET_MS = 1500  # the page counts as settled after this long without a request


@dataclass
class Resource:
    url: str
    kind: str  # Playwright's resource type: document, stylesheet, script, fetch, xhr, image, font, ...
    raw: int  # bytes of the body as served
    compressed: int  # bytes of the body gzipped (level 6), what a static host sends


@dataclass
class Visit:
    url: str
    resources: list[Resource] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)  # requests to another host (blocked)
    failed: list[str] = field(default_factory=list)

    @property
    def compressed(self) -> int:
        return sum(r.compressed for r in self.resources)

    @property
    def requests(self) -> int:
        return len(self.resources) + len(self.foreign)


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1"


class Recorder:
    """Records every request of a browser context; blocks and lists those to another host."""

    def __init__(self, context: Any) -> None:
        self.resources: list[Resource] = []
        self.foreign: list[str] = []
        self.failed: list[str] = []
        self.last_activity = time.monotonic()
        context.route("**/*", self._route)
        context.on("requestfinished", self._finished)
        context.on("requestfailed", self._failed)
        context.on("request", self._seen)

    def _route(self, route: Any) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort("blockedbyclient")

    def _seen(self, request: Any) -> None:
        self.last_activity = time.monotonic()

    def _finished(self, request: Any) -> None:
        self.last_activity = time.monotonic()
        if not is_local(request.url) or request.url.startswith("data:"):
            return
        response = request.response()
        body = response.body() if response else b""
        self.resources.append(Resource(request.url, request.resource_type, len(body), len(gzip.compress(body, 6))))

    def _failed(self, request: Any) -> None:
        self.last_activity = time.monotonic()
        if is_local(request.url):
            self.failed.append(request.url)

    def settle(self, page: Any, quiet_ms: int = QUIET_MS, limit_s: float = 20) -> None:
        """Wait until no request has started or finished for ``quiet_ms``."""
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            page.wait_for_timeout(200)
            if (time.monotonic() - self.last_activity) * 1000 >= quiet_ms:
                return

    def take(self) -> tuple[list[Resource], list[str], list[str]]:
        taken = (self.resources, self.foreign, self.failed)
        self.resources, self.foreign, self.failed = [], [], []
        return taken


def first_visit(browser: Any, url: str) -> Visit:
    """Open ``url`` in a fresh context (empty cache) and record everything until the page settles."""
    context = browser.new_context(**MOBILE)
    try:
        recorder = Recorder(context)
        page = context.new_page()
        page.goto(url, wait_until="load")
        recorder.settle(page)
        resources, foreign, failed = recorder.take()
        return Visit(url, resources, foreign, failed)
    finally:
        context.close()


@dataclass
class SearchTiming:
    url: str
    query: str
    first_result_ms: float | None  # None: no result appeared
    first_title: str
    search_bytes: int  # compressed bytes downloaded between opening search and the first result
    search_requests: int


def time_first_search(browser: Any, url: str, query: str, throttle: dict[str, Any] | None = None) -> SearchTiming:
    """Open the page, let it settle, open search, type ``query``; time from its last keystroke to results.

    This is the first search of the visit, so it includes downloading whatever search needs (its
    script, stylesheet and index files); the bytes counted are all requests from opening search on.
    """
    context = browser.new_context(**MOBILE)
    try:
        recorder = Recorder(context)
        page = context.new_page()
        if throttle:
            session = context.new_cdp_session(page)
            session.send("Network.enable")
            session.send("Network.emulateNetworkConditions", throttle)
        page.goto(url, wait_until="load")
        recorder.settle(page, quiet_ms=1000)
        recorder.take()
        open_search(page)
        page.type(INPUT, query[:-1], delay=20)
        start = time.perf_counter()
        page.type(INPUT, query[-1])
        try:
            wait_for_results(page, query)
        except PlaywrightTimeout:  # no result is a measured outcome, not an error
            elapsed = None
        else:
            elapsed = (time.perf_counter() - start) * 1000
        shown = results(page)
        title = shown[0].label if shown else ""
        recorder.settle(page, quiet_ms=300, limit_s=3)
        resources, _, _ = recorder.take()
        return SearchTiming(url, query, elapsed, title, sum(r.compressed for r in resources), len(resources))
    finally:
        context.close()
