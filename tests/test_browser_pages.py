"""Every page in a real browser: axe-core clean in both colour schemes, one origin only, readable
without JavaScript, printable with its source line, and a bilingual 404."""

from __future__ import annotations

from pathlib import Path

import pytest

from browsing.axe import run_axe
from browsing.search_driver import search
from browsing.visits import MOBILE
from conftest import ROOT

pytestmark = pytest.mark.browser

SOURCE_URL = "http://www.nmg.gov.cn/fabu/xwfbh/201709/t20170928_640755.html"


def page_paths(site: Path) -> list[str]:
    """Every page of the built site, as a path from its root ('' for the home page)."""
    return sorted(
        "" if p.parent == site else p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
    )


def test_pages_of_both_languages_are_found(built_site):
    pages = page_paths(built_site.site)
    names = sorted(p.name[: -len(".zh.md")] for p in (ROOT / "docs").rglob("*.zh.md"))
    assert len(pages) == 2 * len(names)
    assert "en/policing/" in pages and "policing/" in pages


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_any_page(open_context, site_url, built_site, scheme):
    """Also the one-origin test of every page: open_context fails on any request to another host."""
    page = open_context(color_scheme=scheme).new_page()
    found = {}
    for path in [*page_paths(built_site.site), "no-such-page/"]:
        page.goto(site_url + path, wait_until="load")
        violations = run_axe(page)
        if violations:
            found[path] = [str(v) for v in violations]
    assert found == {}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("home", "query"), [("", "身份证"), ("en/", "identity cards"), ("en/", "一长四必")])
def test_axe_finds_no_violation_in_open_search(open_context, site_url, home, query, scheme):
    page = open_context(color_scheme=scheme, **MOBILE).new_page()
    page.goto(site_url + home, wait_until="load")
    assert search(page, query)
    assert [str(v) for v in run_axe(page)] == []


@pytest.mark.parametrize("path", ["policing/", "en/policing/"])
def test_reading_without_javascript(open_context, site_url, built_site, path):
    """All text and the navigation are there and visible with JavaScript off."""
    page = open_context(java_script_enabled=False, **MOBILE).new_page()
    page.goto(site_url + path, wait_until="load")
    paragraphs = page.locator("article p[id]")
    assert paragraphs.count() >= 10
    for index in range(paragraphs.count()):
        assert paragraphs.nth(index).is_visible()
    page.locator("label.md-header__button[for=__drawer]").click()  # the menu works without JS
    nav_links = page.locator("nav.md-nav--primary a.md-nav__link[href]")
    assert nav_links.count() >= 9
    page.locator("nav.md-nav--primary a.md-nav__link[href*='administration']").first.click()
    page.wait_for_url(f"**/{path.split('policing')[0]}administration/")
    assert page.locator("article p[id]").count() >= 5


@pytest.mark.parametrize(("path", "source_line"), [("policing/", "原文："), ("en/policing/", "Source: ")])
def test_print_shows_the_text_and_its_source_not_the_chrome(open_context, site_url, path, source_line):
    page = open_context().new_page()
    page.goto(site_url + path, wait_until="load")
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer", ".edition-tools >> nth=0"):
        assert not page.locator(chrome).first.is_visible(), chrome
    source = page.locator(".edition-print-source")
    assert source.is_visible()
    text = source.inner_text()
    assert source_line in text and SOURCE_URL in text
    assert "https://edition.example.org/police-reform/" + path in text
    assert page.locator("article h1").is_visible()
    assert len(page.pdf()) > 10_000  # Chromium prints it


def test_missing_page_is_a_bilingual_404(open_context, site_url):
    page = open_context().new_page()
    response = page.goto(site_url + "en/no-such-page/", wait_until="load")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "zh"
    heading = page.locator("article h1").inner_text()
    assert "找不到此页" in heading and "Page not found" in heading
    assert page.locator("article [lang=en]").count() >= 2
    page.get_by_role("link", name="Home (English)").click()
    page.wait_for_url(site_url + "en/")
