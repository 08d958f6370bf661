"""The journalist's path in Chromium: report a mistake from a paragraph, a side-by-side row's Cite,
the rows shown downloaded as CSV, notes in reading order, and nothing fixed over the text."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import DESKTOP
from conftest import SITE_URL
from edition.outputs.downloads import as_csv
from edition.outputs.report import LANGUAGE_OPTIONS
from project import EDITION

pytestmark = pytest.mark.browser

PREFIX = {"zh": "", "en": "en/"}
# Stops the page from leaving for the form: the report link's own handlers (edition.js) run first.
STAY = "() => document.addEventListener('click', e => { if (e.target.closest('.edition-report')) e.preventDefault(); })"


def wording(lang: str, name: str, block_id: str) -> str:
    page = EDITION.page(name, lang)
    return " ".join(next(block.text for block in page.blocks if block.id == block_id).split())


def staying_page(open_page, url: str):
    """A desktop page at ``url`` whose report links fill their address but do not leave for the form."""
    page = open_page(**DESKTOP)
    page.goto(url, wait_until="load")
    page.evaluate(STAY)
    return page


def query(url: str) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_a_mistake_fills_the_form_from_the_paragraph(open_page, site_url, lang):
    page = staying_page(open_page, f"{site_url}{PREFIX[lang]}administration/")
    link = page.locator("#a3-1-2 > .edition-tools .edition-report")
    link.focus()
    page.keyboard.press("Enter")  # one step, by keyboard as by mouse
    filled = query(link.get_attribute("href"))
    assert filled["template"] == "translation-correction.yml" and filled["paragraph"] == "a3-1-2"
    assert filled["language"] == LANGUAGE_OPTIONS[lang]
    assert filled["page"] == f"{SITE_URL}{PREFIX[lang]}administration/"
    assert filled["current"] == wording(lang, "administration", "a3-1-2")


def test_the_cite_panel_offers_report_a_mistake(open_page, site_url):
    page = staying_page(open_page, f"{site_url}en/administration/")
    page.get_by_role("button", name="Cite paragraph a3-1-2", exact=True).click()
    report = page.locator(".edition-cite-panel .edition-cite-panel__report")
    assert report.text_content() == "Report a mistake"
    report.click()
    filled = query(report.get_attribute("href"))
    assert filled["paragraph"] == "a3-1-2" and filled["current"] == wording("en", "administration", "a3-1-2")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_side_by_side_row_cites_its_paragraph_on_the_full_page(open_page, site_url, lang):
    page = staying_page(open_page, f"{site_url}{PREFIX[lang]}parallel/policing/")
    row = page.locator("#a2-1-1")
    cite = row.locator("button.edition-cite")
    assert cite.is_visible()
    cite.click()
    panel = page.locator(".edition-cite-panel")
    assert f"{SITE_URL}{PREFIX[lang]}policing/#a2-1-1" in panel.locator(".edition-cite-panel__text").text_content()
    report = panel.locator(".edition-cite-panel__report")
    report.click()
    assert query(report.get_attribute("href"))["current"] == wording(lang, "policing", "a2-1-1")  # its language's cell


@pytest.mark.parametrize(("name", "dataset"), [("figures", "figures"), ("measures", "measures")])
def test_the_rows_shown_download_as_csv_with_the_downloads_columns(open_page, site_url, built_site, name, dataset):
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}en/{name}/", wait_until="load")
    select = page.locator(".edition-table__filter select")
    area = select.locator("option").nth(2).get_attribute("value")
    select.select_option(area)
    shown = page.evaluate(
        "() => [...document.querySelectorAll('.edition-table tbody tr:not([hidden])')].map(r => r.dataset.id)"
    )
    total = page.locator(".edition-table tbody tr").count()
    assert 0 < len(shown) < total
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the rows shown (CSV)").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    document = json.loads((built_site.site / "data" / f"{dataset}.json").read_text(encoding="utf-8"))
    by_id = {record["id"]: record for record in document["records"]}
    assert text == as_csv(document["fields"], [by_id[i] for i in shown])
    assert all(record["link"].startswith(SITE_URL) for record in document["records"])  # a spreadsheet opens them


def test_notes_are_numbered_in_reading_order_as_shown(open_page, site_url):
    page = open_page(**DESKTOP)
    for path in ("en/policing/", "en/personnel/", "personnel/"):
        page.goto(f"{site_url}{path}", wait_until="load")
        numbers = page.evaluate(
            "() => [...document.querySelectorAll('article sup[id^=fnref] a')].map(a => Number(a.textContent))"
        )
        assert numbers == list(range(1, len(numbers) + 1)), (path, numbers)
    marker = page.locator("#a5-4 sup[id^=fnref] a")  # the note on the missing 四 stands on its heading
    assert marker.count() == 1


# Every element the page fixes on the screen (position fixed or sticky), except the header, that
# overlaps a line of the article's text below the header.
COVERING = """() => {
  const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
  const texts = [...document.querySelectorAll('article :is(p, li, h1, h2, h3, h4, td, dd)')]
    .map(e => e.getBoundingClientRect())
    .filter(r => r.width > 0 && r.bottom > top && r.top < innerHeight);
  const found = [];
  for (const e of document.querySelectorAll('body *')) {
    const style = getComputedStyle(e);
    if (!['fixed', 'sticky'].includes(style.position) || e.closest('.md-header')) continue;
    if (style.visibility === 'hidden' || style.display === 'none' || e.hidden || Number(style.opacity) === 0) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (e.closest('article') && e.closest('article').contains(e) && style.position === 'sticky') continue;
    if (texts.some(t => r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom))
      found.push(e.tagName.toLowerCase() + '.' + [...e.classList].join('.'));
  }
  return found;
}"""


@pytest.mark.parametrize("width", [320, 390, 768, 1280])
def test_nothing_fixed_covers_the_text(open_page, site_url, width):
    page = open_page(viewport={"width": width, "height": 800})
    for path in ("en/parallel/policing/", "parallel/personnel/", "en/policing/"):
        page.goto(f"{site_url}{path}", wait_until="load")
        page.mouse.wheel(0, 3000)  # down, then a little up: when a floating "back to top" would show
        page.wait_for_timeout(150)
        page.mouse.wheel(0, -400)
        page.wait_for_timeout(300)
        assert page.evaluate(COVERING) == [], (width, path)
    assert page.locator(".edition-colophon a.edition-top").count() == 1  # back to top, in the page's flow
    # It leads to the page's heading, so a keyboard goes on from the top.
    assert page.locator(".edition-colophon a.edition-top").get_attribute("href") == "#" + page.locator(
        "article h1"
    ).get_attribute("id")


def test_the_measure_finds_a_fixed_element_over_the_text(open_page, site_url):
    page = open_page(viewport={"width": 390, "height": 800})
    page.goto(f"{site_url}en/policing/", wait_until="load")
    page.evaluate(
        "() => { const b = document.createElement('button'); b.className = 'floating';"
        " b.style.cssText = 'position:fixed;top:50%;left:40%;width:80px;height:40px'; document.body.append(b); }"
    )
    assert page.evaluate(COVERING) == ["button.floating"]
