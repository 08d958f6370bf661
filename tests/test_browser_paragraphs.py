"""Paragraph links in a real browser: permalinks, the cite action, the language switch keeping #id."""

from __future__ import annotations

import datetime
import json

import pytest
from playwright.sync_api import expect

from browser_support import DESKTOP, NO_SCRIPT, download_formats
from browsing.axe import run_axe
from conftest import ROOT, SITE_URL
from edition.model.errata import load_all
from edition.model.release import format_date

pytestmark = pytest.mark.browser

VERSION = load_all(ROOT / "docs", ROOT)[0]
EDITION_DATE = {"zh": format_date(VERSION.date, "zh"), "en": format_date(VERSION.date, "en")}
ACCESSED = datetime.datetime(2026, 12, 3, 10, 0)
CITATION = {
    "zh": "内蒙古自治区公安厅：《自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会》，2017年9月28日，第 a3-1-2 段。"
    f"内蒙古公安改革新闻发布会（2017）双语版，版本 {VERSION.version}（{EDITION_DATE['zh']}）。"
    f"{SITE_URL}administration/#a3-1-2，2026年12月3日访问。",
    "en": 'Inner Mongolia Autonomous Region Public Security Department, "Autonomous Region Public Security '
    "Department holds press conference on deepening reform in Inner Mongolia's public security organs\", "
    f"28 September 2017, para. a3-1-2 (English translation: Inner Mongolia Police Reform bilingual edition, "
    f"version {VERSION.version}, {EDITION_DATE['en']}). {SITE_URL}en/administration/#a3-1-2, accessed 3 December 2026.",
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
    ("lang", "prefix", "button", "copy_ris"),
    [("zh", "", "引用第 a3-1-2 段", "复制 RIS"), ("en", "en/", "Cite paragraph a3-1-2", "Copy RIS")],
)
def test_cite_opens_the_formats_and_copies_by_keyboard(open_page, site_url, lang, prefix, button, copy_ris):
    page = open_page(clock=ACCESSED, **DESKTOP)  # the clipboard allowed, the reader's day fixed
    page.goto(f"{site_url}{prefix}administration/", wait_until="load")
    page.evaluate("() => navigator.clipboard.writeText('')")  # nothing of an earlier test
    cite = page.get_by_role("button", name=button, exact=True)
    assert cite.get_attribute("aria-expanded") == "false"
    cite.focus()  # reachable by keyboard
    page.keyboard.press("Enter")
    panel = page.get_by_role("group", name=button)
    panel.wait_for()
    assert cite.get_attribute("aria-expanded") == "true"
    assert cite.get_attribute("aria-controls") == panel.get_attribute("id")
    assert panel.locator(".edition-cite-panel__text").text_content() == CITATION[lang]
    # Focus is on the first "Copy" (the plain citation): Enter copies it and a status says so.
    page.keyboard.press("Enter")
    page.wait_for_function("() => (document.querySelector('[role=status]')?.textContent || '').length > 0")
    assert page.evaluate("() => navigator.clipboard.readText()") == CITATION[lang]
    panel.get_by_role("button", name=copy_ris, exact=True).click()
    page.wait_for_function("t => navigator.clipboard.readText().then(c => c.startsWith(t))", arg="TY  - GOVDOC")
    text = page.evaluate("() => navigator.clipboard.readText()")
    assert f"UR  - {SITE_URL}{prefix}administration/#a3-1-2\r\n" in text and "Y2  - 2026/12/03\r\n" in text
    assert [str(v) for v in run_axe(page)] == []  # the open panel, too
    page.keyboard.press("Escape")  # closes, and returns to Cite
    assert page.locator(".edition-cite-panel").count() == 0
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == button
    assert cite.get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize(("prefix", "lang"), [("", "zh"), ("en/", "en")])
def test_cite_this_page_downloads_each_format(open_page, site_url, prefix, lang):
    page = open_page(clock=ACCESSED, **DESKTOP)
    page.goto(f"{site_url}{prefix}policing/", wait_until="load")
    page.locator("button.edition-cite--page").click()
    found = download_formats(page, page.locator(".edition-cite-panel"))
    stem = f"nmg-police-reform-2017-{lang}"
    assert sorted(found) == sorted(f"{stem}.{ext}" for ext in ("txt", "json", "ris", "bib"))
    page_url = f"{SITE_URL}{prefix}policing/"
    [item] = json.loads(found[f"{stem}.json"])
    assert item["URL"] == page_url and item["accessed"] == {"date-parts": [[2026, 12, 3]]}
    assert "{" + page_url + "}" in found[f"{stem}.bib"]
    assert "a2-" not in found[f"{stem}.txt"] and page_url in found[f"{stem}.txt"]


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
