"""Paragraph links in a real browser: permalinks, the cite action, the language switch keeping #id."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import NO_SCRIPT
from conftest import SITE_URL

pytestmark = pytest.mark.browser

CITATION = {
    "zh": "内蒙古自治区公安厅：《自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会》，2017年9月28日，第 a3-1-2 段。"
    f"{SITE_URL}administration/#a3-1-2",
    "en": 'Inner Mongolia Autonomous Region Public Security Department, "Autonomous Region Public Security '
    "Department holds press conference on deepening reform in Inner Mongolia's public security organs\", "
    "28 September 2017, para. a3-1-2 (English translation: Inner Mongolia Police Reform bilingual edition). "
    f"{SITE_URL}en/administration/#a3-1-2",
}


@pytest.mark.parametrize(
    ("lang", "prefix", "name"), [("zh", "", "本段链接：a2-1-2"), ("en", "en/", "Link to paragraph a2-1-2")]
)
def test_permalink_is_named_in_the_page_language_and_shows_on_focus(desktop_page, site_url, lang, prefix, name):
    page = desktop_page
    page.goto(f"{site_url}{prefix}policing/", wait_until="load")
    link = page.get_by_role("link", name=name, exact=True)
    assert link.get_attribute("href") == "#a2-1-2"
    tools = page.locator("#a2-1-2 > .edition-tools")
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "0"  # quiet until wanted
    link.focus()
    expect(tools).to_have_css("opacity", "1")  # once its transition is over
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/{prefix}policing/#a2-1-2")


@pytest.mark.parametrize(
    ("lang", "prefix", "button"), [("zh", "", "引用第 a3-1-2 段"), ("en", "en/", "Cite paragraph a3-1-2")]
)
def test_cite_copies_the_citation_in_the_page_language(desktop_page, site_url, lang, prefix, button):
    page = desktop_page
    page.goto(f"{site_url}{prefix}administration/", wait_until="load")
    page.evaluate("() => navigator.clipboard.writeText('')")  # nothing of an earlier test
    cite = page.get_by_role("button", name=button, exact=True)
    cite.focus()  # reachable by keyboard
    page.keyboard.press("Enter")
    status = page.get_by_role("status")
    status.wait_for(state="attached")
    page.wait_for_function("() => document.querySelector('[role=status]').textContent.length > 0")
    assert page.evaluate("() => navigator.clipboard.readText()") == CITATION[lang]
    assert CITATION[lang] in status.text_content()


@pytest.mark.parametrize(
    ("start", "switch_to", "expected"),
    [
        ("policing/#a2-1-2", "English", "en/policing/#a2-1-2"),
        ("en/administration/#a3-1-2", "简体中文", "administration/#a3-1-2"),
    ],
)
def test_language_switch_keeps_the_paragraph(desktop_page, site_url, start, switch_to, expected):
    page = desktop_page
    page.goto(site_url + start, wait_until="load")
    page.hover(".md-select")
    page.get_by_role("link", name=switch_to).click()
    page.wait_for_url(site_url + expected)
    assert page.evaluate("() => location.hash") == "#" + expected.split("#")[1]


def test_language_switch_follows_a_paragraph_link_clicked_on_the_page(desktop_page, site_url):
    page = desktop_page
    page.goto(site_url + "policing/", wait_until="load")
    page.click("a.edition-permalink[href='#a2-3-1']")
    page.hover(".md-select")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site_url + "en/policing/#a2-3-1")


def test_language_switch_without_javascript_goes_to_the_twin_page(open_page, site_url):
    page = open_page(**NO_SCRIPT)
    page.goto(site_url + "policing/#a2-1-2", wait_until="load")
    page.focus(".md-select button")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site_url + "en/policing/")
