"""Search in a real browser: what readers type finds its page, in the reader's language only.

Each query is typed into Material's search box on a phone-sized page; the expected page must be
among the first three pages listed, every result must be in the page's language, and the results
must link to sections or paragraphs, not only pages.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browsing.visits import MOBILE

pytestmark = pytest.mark.browser

RESULT = ".md-search-result__item"
FIRST_PAGES = 3

ZH_QUERIES = [
    ("身份证", "administration/"),  # a word inside 居民身份证
    ("居民身份证", "administration/"),
    ("849个", "administration/"),  # a figure with its unit
    ("28万多张", "administration/"),
    ("3.3亿元", "policing/"),
    ("刘国明", "overview/"),  # a name
    ("呼伦贝尔", "personnel/"),  # a place
    ("一长四必", "policing/"),  # a four-character term
    ("放管服", "administration/"),  # a three-character slogan
    ("合成作战", "policing/"),
    ("警务云", "policing/"),
    ("亟待", "next-steps/"),  # a two-character word
]
EN_QUERIES = [
    ("identity card", "en/administration/"),
    ("identity cards", "en/administration/"),  # plural
    ("registered", "en/administration/"),  # inflection of "registration"
    ("household registrations", "en/administration/"),
    ("849", "en/administration/"),
    ("Liu Guoming", "en/overview/"),
    ("Hulunbuir", "en/personnel/"),
    ("one chief, four musts", "en/policing/"),  # a multi-word term
    ("counter-terrorism", "en/policing/"),
    ("policing", "en/policing/"),
]


def search(page, query: str) -> list[str]:
    """Open search, type ``query``, return the result links (paths from the site root) in order."""
    page.tap("label.md-header__button[for=__search]")
    page.fill("input.md-search__input", query)
    page.press("input.md-search__input", "End")  # Material searches on keyup
    page.wait_for_selector(RESULT, timeout=10_000)
    return page.eval_on_selector_all(
        f"{RESULT} a.md-search-result__link", "links => links.map(a => a.getAttribute('href'))"
    )


def pages_listed(links: list[str], base: str) -> list[str]:
    pages = []
    for link in links:
        path = urlsplit(link).path.removeprefix(urlsplit(base).path)
        if path not in pages:
            pages.append(path)
    return pages


@pytest.mark.parametrize(("query", "expected"), ZH_QUERIES)
def test_chinese_query_finds_its_page_and_only_chinese(mobile_page, site_url, query, expected):
    mobile_page.goto(site_url, wait_until="load")
    links = search(mobile_page, query)
    pages = pages_listed(links, site_url)
    assert expected in pages[:FIRST_PAGES], f"{query!r}: first pages {pages[:FIRST_PAGES]}"
    assert not [p for p in pages if p.startswith("en/")], f"{query!r}: English results on a Chinese page"
    assert any("#" in link for link in links), "results should link to sections or paragraphs"


@pytest.mark.parametrize(("query", "expected"), EN_QUERIES)
def test_english_query_finds_its_page_and_only_english(mobile_page, site_url, query, expected):
    mobile_page.goto(site_url + "en/", wait_until="load")
    links = search(mobile_page, query)
    pages = pages_listed(links, site_url)
    assert expected in pages[:FIRST_PAGES], f"{query!r}: first pages {pages[:FIRST_PAGES]}"
    assert all(p.startswith("en/") for p in pages), f"{query!r}: Chinese results on an English page: {pages}"


def test_a_result_leads_to_its_paragraph(mobile_page, site_url):
    mobile_page.goto(site_url, wait_until="load")
    links = search(mobile_page, "849个")
    assert any(urlsplit(link).fragment == "a3-1-2" for link in links), links


def test_english_words_do_not_match_chinese_pages(mobile_page, site_url):
    """The Chinese index holds Chinese only: "police" on a Chinese page finds no English page."""
    mobile_page.goto(site_url, wait_until="load")
    mobile_page.tap("label.md-header__button[for=__search]")
    mobile_page.fill("input.md-search__input", "police")
    mobile_page.press("input.md-search__input", "End")
    mobile_page.wait_for_selector(".md-search-result__meta:not(:empty)")
    mobile_page.wait_for_timeout(500)
    links = mobile_page.eval_on_selector_all(f"{RESULT} a", "links => links.map(a => a.getAttribute('href'))")
    assert not [link for link in links if "/en/" in link]


@pytest.mark.parametrize("home", ["", "en/"])
def test_search_loads_only_when_the_reader_turns_to_it(open_context, site_url, home):
    """A reader who never searches downloads neither the index nor the search worker."""
    context = open_context(**MOBILE)
    page = context.new_page()
    page.goto(site_url + home, wait_until="load")
    page.wait_for_timeout(1500)
    before = list(context.guard.requested)
    assert not [url for url in before if "search_index" in url or "/workers/" in url], before
    assert not [url for url in before if url.endswith("sitemap.xml")], before
    search(page, "2017")
    after = context.guard.requested[len(before) :]
    index = [url for url in after if url.endswith("search/search_index.json")]
    assert index == [site_url + home + "search/search_index.json"], after
