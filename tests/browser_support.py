"""Fixtures for the browser tests: the built site on 127.0.0.1, Debian's Chromium, a guarded page.

Every page a test opens is watched: a request to any other origin is blocked and recorded, and
the test fails if one happened. Without Chromium the browser tests skip, except under CI=true,
where they fail (CI installs Chromium in .ci/run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError

from browsing.axe import AXE_SCRIPT
from browsing.chromium import chromium_path, launch_options
from browsing.server import serve
from browsing.visits import MOBILE
from conftest import SITE_URL


def _require(condition: bool, reason: str) -> None:
    """Skip locally, fail under CI=true: CI must never pass by skipping browser tests."""
    if condition:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: browser tests may not skip)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def site_url(built_site) -> Iterator[str]:
    """The built site, served at its own path (as on its public host) on a free port of 127.0.0.1."""
    with serve(built_site.site, base_path=urlsplit(SITE_URL).path) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    _require(chromium_path() is not None, "Chromium not found (apt-get install chromium)")
    _require(AXE_SCRIPT.exists(), "axe-core not installed (npm ci)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options())
        yield browser
        browser.close()


@dataclass
class Guard:
    """Requests of one browser context: those to another origin are blocked and listed."""

    origin: str
    site_url: str = ""  # where the site is served here (SITE_URL's stand-in)
    foreign: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def route(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or f"{parts.scheme}://{parts.netloc}" == self.origin:
            self.requested.append(url)
            route.continue_()
        elif url.startswith(SITE_URL) and self.site_url:
            # The site's own public address (its canonical and hreflang links): on the public host
            # this is the same origin, so here it is answered by the local copy of the site.
            local = self.site_url + url.removeprefix(SITE_URL)
            self.requested.append(local)
            with suppress(PlaywrightError):  # the test may end (context closed) while this is in flight
                route.fulfill(response=route.fetch(url=local))
        else:
            self.foreign.append(url)
            route.abort("blockedbyclient")


@pytest.fixture
def open_context(browser, site_url) -> Iterator[Any]:
    """``open_context(**options)`` gives a guarded browser context; foreign requests fail the test."""
    parts = urlsplit(site_url)
    origin = f"{parts.scheme}://{parts.netloc}"
    contexts: list[tuple[Any, Guard]] = []

    def make(**options: Any) -> Any:
        context = browser.new_context(**options)
        guard = Guard(origin, site_url)
        context.route("**/*", guard.route)
        context.guard = guard
        contexts.append((context, guard))
        return context

    yield make
    foreign = [url for _, guard in contexts for url in guard.foreign]
    for context, _ in contexts:
        context.close()
    assert foreign == [], f"requests left the origin {origin}: {foreign}"


@pytest.fixture
def mobile_page(open_context) -> Any:
    """A page on a phone-sized screen (where readers mostly are), JavaScript on."""
    return open_context(**MOBILE).new_page()


@pytest.fixture
def desktop_page(open_context) -> Any:
    return open_context(viewport={"width": 1280, "height": 900}).new_page()
