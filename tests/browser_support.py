"""Fixtures for the browser tests: the built site on 127.0.0.1, Debian's Chromium, a guarded page.

Every page a test opens is watched: the browser sends nothing to another host (``NO_PROXY``), and
a request to any other origin is recorded and fails the test. Without Chromium the browser tests skip, except under CI=true,
where they fail (CI installs Chromium in .ci/run).

One browser per process (each pytest-xdist worker has its own), and in it pages kept from test to
test: a new page costs a renderer process of its own (about a second of CPU on this machine's two
cores), so tests that do not change their context take a kept page (``open_page``,
``mobile_page``, ``desktop_page``, ``axe_page``); the others open a context of their own
(``open_context``).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from browsing.axe import AXE_SCRIPT, Violation
from browsing.chromium import chromium_path, launch_options
from browsing.server import StaticSiteHandler, serve
from browsing.visits import MOBILE
from conftest import SITE_URL


def _require(condition: bool, reason: str) -> None:
    """Skip locally, fail under CI=true: CI must never pass by skipping browser tests."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests may not skip)")
    pytest.skip(reason)


class _CachedSiteHandler(StaticSiteHandler):
    """browsing/server.py's static host, with GitHub Pages' caching header (ten minutes)."""

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()


def serve_site(directory: Path) -> AbstractContextManager[str]:
    """``directory`` served at the site's own path (as on its public host) on a free port of
    127.0.0.1, by browsing/server.py, with GitHub Pages' caching header."""
    return serve(directory, urlsplit(SITE_URL).path, handler=_CachedSiteHandler)


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """The built site, served on a free port of 127.0.0.1 (``serve_site``)."""
    with serve_site(built_site.site) as url:
        yield url


NO_PROXY = "http://127.0.0.1:9"  # the discard port: nothing listens there


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _require(chromium_path(shell=True) is not None, "Chromium not found (apt-get install chromium-headless-shell)")
    _require(AXE_SCRIPT.exists(), "axe-core not installed (npm ci)")
    from playwright.sync_api import sync_playwright

    options = launch_options(shell=True)  # Debian's chromium-headless-shell where installed
    # Nothing reaches another host, whatever a page asks for: every request but those to this
    # machine's loopback (which Chromium never sends to a proxy) goes to a proxy that is not there.
    # The guards below list such requests, so the test fails.
    options["args"] = [*options["args"], f"--proxy-server={NO_PROXY}"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**options)
        yield browser
        browser.close()


@dataclass
class Guard:
    """Requests of one browser context, seen as events: those to another origin are listed (the
    browser's missing proxy, ``NO_PROXY``, stops them). Even the site's public address (SITE_URL)
    is another host here: nothing of the site fetches its own canonical address. Without routes,
    pages use the HTTP cache, as on a reader's phone."""

    origin: str
    foreign: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)
    pending: list[Any] = field(default_factory=list)  # requests to another origin, not yet ended

    def saw(self, request: Any) -> None:
        """A request to another origin counts once it is answered or fails otherwise than by the
        page's Content-Security-Policy (which stops it before it leaves: that is no request)."""
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob"):
            return
        if f"{parts.scheme}://{parts.netloc}" == self.origin:
            self.requested.append(request.url)
        else:
            self.pending.append(request)

    def answered(self, request: Any) -> None:
        if request in self.pending:
            self.pending.remove(request)
            self.foreign.append(request.url)

    def failed(self, request: Any) -> None:
        if request in self.pending:
            self.pending.remove(request)
            if request.failure != "csp":
                self.foreign.append(request.url)

    def settled(self, page: Any = None, timeout: float = 5.0) -> list[str]:
        """``foreign``, once the requests to another origin still under way have ended (normally
        none; ``page`` lets Playwright deliver their events meanwhile); those still under way count."""
        deadline = time.monotonic() + timeout
        while self.pending and page is not None and not page.is_closed() and time.monotonic() < deadline:
            page.wait_for_timeout(20)
        return [*self.foreign, *(request.url for request in self.pending)]


def guarded_context(browser: Any, site_url: str, **options: Any) -> Any:
    """A browser context whose requests to another origin are listed (``context.guard``)."""
    parts = urlsplit(site_url)
    context = browser.new_context(**options)
    context.guard = guard = Guard(f"{parts.scheme}://{parts.netloc}")
    context.on("request", guard.saw)
    context.on("response", lambda response: guard.answered(response.request))
    context.on("requestfailed", guard.failed)
    return context


@pytest.fixture
def open_context(browser, site_url) -> Iterator[Any]:
    """``open_context(**options)`` gives a guarded browser context of the test's own; foreign
    requests fail the test. For a test that changes its context (routes, permissions, scripts) or
    counts its requests; the others take a page of a shared context (``open_page``)."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        contexts.append(guarded_context(browser, site_url, **options))
        return contexts[-1]

    yield make
    foreign = [url for context in contexts for url in context.guard.settled(*context.pages[:1])]
    for context in contexts:
        context.close()
    assert foreign == [], f"requests left the site's origin: {foreign}"


@dataclass
class _Kept:
    """The kept pages of this process, by key, and their contexts, one per set of options."""

    pages: dict[str, Any] = field(default_factory=dict)
    contexts: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(scope="session")
def _kept_pages(browser, site_url) -> Iterator[_Kept]:
    kept = _Kept()
    yield kept
    for context in kept.contexts.values():
        context.close()


class _KeptPages:
    """The kept pages a test used, and how many foreign requests their contexts had then.

    Pages kept with the same options share a context (``page_at`` keeps a page per address): a new
    context costs about half a second of the browser's CPU, and starts with an empty HTTP cache.
    ``clock`` among the options fixes the time the context's pages see (Playwright's clock).
    """

    def __init__(self, browser: Any, site_url: str, kept: _Kept) -> None:
        self.browser, self.site_url, self.kept = browser, site_url, kept
        self.used: dict[Any, tuple[Any, int]] = {}  # by context: a page of it, its foreign requests then

    def context(self, options: dict[str, Any]) -> Any:
        key = json.dumps(options, sort_keys=True, default=str)
        if key not in self.kept.contexts:
            settings = dict(options)
            clock = settings.pop("clock", None)
            context = self.kept.contexts[key] = guarded_context(self.browser, self.site_url, **settings)
            if clock is not None:
                context.clock.set_fixed_time(clock)
        return self.kept.contexts[key]

    def get(self, key: str, options: dict[str, Any]) -> tuple[Any, bool]:
        page = self.kept.pages.get(key)
        new = page is None or page.is_closed()
        if new:
            page = self.kept.pages[key] = self.context(options).new_page()
        self.used.setdefault(page.context, (page, len(page.context.guard.foreign)))
        return page, new

    def check(self) -> None:
        foreign = [url for page, start in self.used.values() for url in page.context.guard.settled(page)[start:]]
        assert foreign == [], f"requests left the site's origin: {foreign}"


@pytest.fixture
def open_page(browser, site_url, _kept_pages) -> Iterator[Any]:
    """``open_page(**options)`` gives the page kept for these context options, blank, for the test
    to open what it needs: a new page costs a new renderer process (about a second of CPU), a new
    context half a second more. The context is guarded all the same: a request to another origin
    fails the test. The test must leave the page's context as it found it (no routes, permissions,
    listeners or init scripts, and its storage as it was: Material keeps the palette a reader chose
    there, and other kept pages share the context; such tests take a context of their own,
    ``open_context``); the
    page's document, media emulation, viewport and mouse are reset here. ``clock=`` a datetime
    gives a context whose pages see that time (as ``page.clock.set_fixed_time``)."""
    kept = _KeptPages(browser, site_url, _kept_pages)

    def make(**options: Any) -> Any:
        page, new = kept.get(json.dumps(options, sort_keys=True, default=str), options)
        if not new:  # what an earlier test may have left: its document, media emulation, mouse position
            page.goto("about:blank")
            page.emulate_media(media="screen", color_scheme=options.get("color_scheme", "light"))
            if "viewport" in options:
                page.set_viewport_size(options["viewport"])
            page.mouse.move(0, 0)
        return page

    yield make
    kept.check()


@pytest.fixture
def page_at(browser, site_url, _kept_pages) -> Iterator[Any]:
    """``page_at(url, **options)`` gives a page kept at ``url`` as the last test left it (its search
    open, say), for tests that only read it or search it: opened again only if a test went
    elsewhere. Guarded like ``open_page``."""
    kept = _KeptPages(browser, site_url, _kept_pages)

    def at(url: str, **options: Any) -> Any:
        page, _ = kept.get(json.dumps(options, sort_keys=True, default=str) + " at " + url, options)
        if page.url != url:
            page.goto(url, wait_until="load")
        return page

    yield at
    kept.check()


# The context options of the kept pages (each set is a context and a renderer per process).
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "permissions": ["clipboard-read", "clipboard-write"]}
NO_SCRIPT = {**MOBILE, "java_script_enabled": False}


def download_formats(page: Any, panel: Any) -> dict[str, str]:
    """Each format a Cite panel offers, downloaded: file name -> its text, line ends as written (RIS: CR LF)."""
    downloads = panel.locator("li button:nth-of-type(2)")
    assert downloads.count() == 4
    found = {}
    for index in range(4):
        with page.expect_download() as info:
            downloads.nth(index).click()
        found[info.value.suggested_filename] = Path(info.value.path()).read_bytes().decode("utf-8")
    return found


@pytest.fixture
def mobile_page(open_page) -> Any:
    """A page on a phone-sized screen (where readers mostly are), JavaScript on."""
    return open_page(**MOBILE)


@pytest.fixture
def desktop_page(open_page) -> Any:
    """A page on a desktop screen, JavaScript on, the clipboard allowed (the cite button)."""
    return open_page(**DESKTOP)


# --- axe-core, and every page of the site ----------------------------------------------------

# The dark palette (Material's "slate") changes colours only, not markup, so in it axe runs only
# its colour rules: the rules of category "cat.color" that its default run runs
# (test_browser_pages.py checks that these are still all of them: an axe upgrade may add one).
# On every page, they run in both palettes on the texts of a look no earlier page showed
# (tests/colour_cover.py); the other rules on the whole page.
COLOUR_RULES = ("color-contrast", "link-in-text-block")

# axe-core's results as browsing/axe.py reads them; axe itself is added to each page of the
# context by an init script (as a console would: the site's policy does not apply to it).
AXE_RUN = """([options, texts]) => axe.run(
  texts ? {include: window.__colourTexts} : document, {...options, resultTypes: ['violations']}
).then(results => ({
  ran: [...new Set([...results.passes, ...results.violations, ...results.incomplete, ...results.inapplicable]
    .filter(rule => rule.tags.includes('cat.color')).map(rule => rule.id))].sort(),
  violations: results.violations.map(item => ({
    rule: item.id, impact: item.impact || '', help: item.help,
    targets: item.nodes.map(node => node.target.map(String).join(' ')),
  })),
}))"""

CSP_RECORDER = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`));
"""

# Material's palette toggle, as a reader's click: the next palette (light <-> dark).
TOGGLE_PALETTE = "() => document.querySelector('[data-md-component=palette] label:not([hidden])').click()"


def axe(
    page: Any, rules: tuple[str, ...] | None = None, without: tuple[str, ...] = (), new_texts: bool = False
) -> tuple[list[Violation], list[str]]:
    """axe-core's violations on ``page``, all rules, only ``rules``, or all but ``without``; on the
    whole page, or (``new_texts``) on the texts tests/colour_cover.py's ColourCover.new_texts found;
    and the colour rules the run ran. axe is there already in ``axe_page``; elsewhere it is added
    as browsing/axe.py adds it, through the DevTools protocol (the site's policy rightly blocks an
    injected <script>)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        session = page.context.new_cdp_session(page)
        try:
            session.send("Runtime.evaluate", {"expression": AXE_SCRIPT.read_text(encoding="utf-8")})
        finally:
            session.detach()
    options: dict[str, Any] = {"runOnly": {"type": "rule", "values": list(rules)}} if rules else {}
    if without:
        options["rules"] = {rule: {"enabled": False} for rule in without}
    result = page.evaluate(AXE_RUN, [options, new_texts])
    violations = [Violation(v["rule"], v["impact"], v["help"], tuple(v["targets"])) for v in result["violations"]]
    return violations, result["ran"]


def page_paths(site: Path) -> list[str]:
    """Every page of the built site, as a path from its root ('' for the home page)."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )


def source_page_paths(docs: Path, langs: dict[str, str]) -> list[str]:
    """The same, from the Markdown pages (known when the tests are collected, before any build)."""
    paths = []
    for source in docs.rglob("*.zh.md"):
        name = source.relative_to(docs).as_posix()[: -len(".zh.md")]
        for prefix in langs.values():
            paths.append(prefix + ("" if name == "index" else f"{name}/"))
    return sorted(paths)


@dataclass
class ConsolePage:
    """A page of the shared context of ``axe_page``, with the errors its console printed."""

    page: Any
    guard: Guard
    errors: list[str] = field(default_factory=list)


@pytest.fixture(scope="session")
def _axe_context(browser, site_url) -> Iterator[ConsolePage]:
    context = guarded_context(browser, site_url, viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.add_init_script(path=str(AXE_SCRIPT))
    context.add_init_script(CSP_RECORDER)
    page = ConsolePage(context.new_page(), context.guard)
    page.page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    context.close()


@pytest.fixture
def axe_page(_axe_context) -> Iterator[ConsolePage]:
    """A desktop page, light palette, with axe-core and a recorder of CSP violations in every
    document it opens; one per process, reused by the tests (its console errors are cleared for
    each). Requests to another origin fail the test."""
    _axe_context.errors.clear()
    start = len(_axe_context.guard.foreign)
    yield _axe_context
    foreign = _axe_context.guard.settled(_axe_context.page)[start:]
    assert foreign == [], f"requests left the site's origin: {foreign}"
