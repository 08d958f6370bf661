"""Every page in a real browser: axe-core clean, in both colour schemes for every look text has on
the site; headings and controls named and languages marked as a screen reader needs; the
Content-Security-Policy in force without a violation, every permalink, one origin only; readable
without JavaScript, printable with its source line, and a bilingual 404."""

from __future__ import annotations

import pytest

from access_checks import SITE_IDS, heading_and_control_names, unmarked_language
from browser_support import COLOUR_RULES, DESKTOP, NO_SCRIPT, TOGGLE_PALETTE, axe, page_paths, source_page_paths
from browsing.search_driver import search
from browsing.visits import MOBILE
from colour_cover import ColourCover, site_tests
from conftest import ROOT
from empty_lines import empty_lines
from project import EDITION, TEXT_PAGES

pytestmark = pytest.mark.browser

# The print test's page cites its own document's address (no fallback: a test of "" would always pass).
SOURCE_URL = EDITION.documents[str(EDITION.document_of(EDITION.page("policing", "zh")))].url
LANGS = {"zh": "", "en": "en/"}
PAGES = [*source_page_paths(ROOT / "docs", LANGS), "no-such-page/"]  # and the 404 page
# What test_every_page_in_a_browser reads of a page, in one evaluate in the page's own world (a
# Playwright locator would first add Playwright's selector engine to each page: about a tenth of a
# second of CPU a page). Missing permalinks: paragraphs with an id the pages write (SITE_IDS) without
# their permalink in the paragraph tools.
PAGE_FACTS = """ids => ({
  policies: document.querySelectorAll('head > meta[http-equiv=Content-Security-Policy]').length,
  violations: window.__csp || [],
  missing: [...document.querySelectorAll('article [id]:is(p, h1, h2, h3, h4)')]
    .filter(b => ids.includes(b.id))
    .filter(b => {  // a paragraph's tools are inside it, a heading's after it (in .edition-heading)
      const tools = b.matches('p') ? b.querySelector(':scope > .edition-tools')
        : b.parentElement.matches('.edition-heading') && b.nextElementSibling;
      return !(tools && tools.matches('.edition-tools') && tools.querySelector(`a[href="#${b.id}"]`));
    })
    .map(b => b.id),
  permalinks: document.querySelectorAll('article .edition-permalink').length,
})"""


def test_pages_of_both_languages_are_found(built_site):
    pages = page_paths(built_site.site)
    names = sorted(p.name[: -len(".zh.md")] for p in (ROOT / "docs").rglob("*.zh.md"))
    assert len(pages) == 2 * len(names)
    assert "en/policing/" in pages and "policing/" in pages
    assert pages == PAGES[:-1], "test_every_page_in_a_browser must visit every built page"


def in_the_dark_palette(page, check):
    """``check()`` with the page in the dark palette (as a reader's click on Material's toggle, and
    the system's preference), then back in the light one, as the next page must open."""
    page.emulate_media(color_scheme="dark")
    page.evaluate(TOGGLE_PALETTE)
    try:
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
        return check()
    finally:
        page.evaluate(TOGGLE_PALETTE)
        page.emulate_media(color_scheme="light")


@pytest.fixture(scope="session")
def colour_cover(built_site) -> ColourCover:
    """The looks of text this process has checked for colour (tests/colour_cover.py)."""
    return ColourCover(site_tests(built_site.site))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_in_a_browser(axe_page, site_url, colour_cover, path):
    """Each page, opened once:

    - axe-core finds no violation: every rule but its colour rules (COLOUR_RULES) on the whole
      page; the colour rules, in both palettes (the dark one changes colours, not markup), on its
      texts of a look no earlier page showed (tests/colour_cover.py);
    - the Content-Security-Policy is the first element of the head, and nothing the page did (its
      scripts, the palette toggle, axe) met a violation or printed an error
      (test_browser_csp.py has the attacks it must stop);
    - every paragraph of the text has its permalink;
    - on the text pages, no empty line between paragraphs, under a heading or between list items,
      at every width from 320 to 1440 px (tests/empty_lines.py);
    - what a screen reader is given (tests/access_checks.py): every heading named by its text
      alone, every control named in the page's language, every change of language marked;
    - no request left the site's origin (axe_page).
    """
    page = axe_page.page
    page.goto(site_url + path, wait_until="load")
    light, _ = axe(page, without=COLOUR_RULES)
    dark = []
    if colour_cover.new_texts(page):
        light += axe(page, COLOUR_RULES, new_texts=True)[0]
        dark, _ = in_the_dark_palette(page, lambda: axe(page, COLOUR_RULES, new_texts=True))
    facts = page.evaluate(PAGE_FACTS, SITE_IDS)
    text_page = path.removeprefix("en/").rstrip("/") in TEXT_PAGES
    measured, too_wide = empty_lines(page, path) if text_page else ({}, [])
    names, unmarked = heading_and_control_names(page), unmarked_language(page)
    problems = {
        "axe, light palette": [str(v) for v in light],
        "axe, dark palette": [str(v) for v in dark],
        "Content-Security-Policy meta elements first in the head (1 wanted)": [
            count for count in [facts["policies"]] if count != 1
        ],
        "CSP violations": facts["violations"],
        "console errors": [e for e in axe_page.errors if not (path == "no-such-page/" and "404 (Not Found)" in e)],
        "paragraphs without their permalink": facts["missing"],
        "empty lines (gap between the texts > margin + half-leading each side)": too_wide,
        "accessible names (headings: their text alone; controls: named, in the page's language)": names,
        "changes of language not marked (lang)": unmarked,
    }
    assert {what: found for what, found in problems.items() if found} == {}
    if text_page:
        assert facts["permalinks"] >= 1  # the text pages have their tools
        wanted = min(8, facts["permalinks"] - 1)  # gaps between paragraphs (a short page has few)
        assert min(measured.values()) >= wanted, f"too few gaps measured, {measured}: has the page structure changed?"


def test_the_dark_palette_check_runs_every_colour_rule_of_axe(axe_page, site_url):
    """If an axe upgrade adds a colour rule, COLOUR_RULES must name it (or the dark palette goes unchecked)."""
    page = axe_page.page
    page.goto(site_url + "en/figures/", wait_until="load")  # text, links, tables, charts
    _, ran = in_the_dark_palette(page, lambda: axe(page))
    assert ran == sorted(COLOUR_RULES)


@pytest.mark.parametrize(("home", "query"), [("", "身份证"), ("en/", "identity cards"), ("en/", "一长四必")])
def test_axe_finds_no_violation_in_open_search(page_at, site_url, home, query):
    """With results shown, on a phone: every rule in the light palette, the colour rules in the dark one."""
    page = page_at(site_url + home, **MOBILE)
    assert search(page, query)
    light, _ = axe(page)
    dark, _ = in_the_dark_palette(page, lambda: axe(page, COLOUR_RULES))
    assert [str(v) for v in light] == [] and [str(v) for v in dark] == []


@pytest.mark.parametrize("path", ["policing/", "en/policing/"])
def test_reading_without_javascript(open_page, site_url, built_site, path):
    """All text and the navigation are there and visible with JavaScript off."""
    page = open_page(**NO_SCRIPT)
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
def test_print_shows_the_text_and_its_source_not_the_chrome(open_page, site_url, path, source_line):
    page = open_page(**DESKTOP)
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


def test_missing_page_is_a_bilingual_404(open_page, site_url):
    page = open_page(**DESKTOP)
    response = page.goto(site_url + "en/no-such-page/", wait_until="load")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "zh"
    heading = page.locator("article h1").inner_text()
    assert "找不到此页" in heading and "Page not found" in heading
    assert page.locator("article [lang=en]").count() >= 2
    page.get_by_role("link", name="Home (English)").click()
    page.wait_for_url(site_url + "en/")
