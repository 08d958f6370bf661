"""In a real browser (Debian's Chromium): tooltips on focus, table sorting and filtering, the parallel
view's columns, and chart contrast in both palettes. Skipped locally without Chromium; under
CI=true a missing browser fails (tests/browser_support.py)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from browser_support import DESKTOP
from conftest import ROOT, SITE_URL
from edition.model.data import load_data

pytestmark = pytest.mark.browser

DATA = load_data(ROOT / "docs", ROOT)

# `open_page` (a page of Debian's Chromium; skipped locally without it, a failure under CI=true) and
# `site_url` (the built site on 127.0.0.1) come from tests/browser_support.py.


def visit(open_page, url: str, width: int = 1280, scheme: str = "light"):
    """A kept desktop page (browser_support.py) at ``url``, ``width`` wide, its system in the colour
    ``scheme``. The dark one has a context of its own: Material keeps the palette a page had in the
    context's storage, and the light pages would pass theirs on."""
    page = open_page(**DESKTOP) if scheme == "light" else open_page(**DESKTOP, color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(url)
    return page


def test_a_term_shows_its_tooltip_when_reached_with_the_keyboard(open_page, site_url):
    page = visit(open_page, site_url + "en/policing/")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('abbr.edition-term')"):
            break
    else:
        pytest.fail("no glossary term is reachable with the Tab key")
    term = page.evaluate("document.activeElement.textContent")
    # The edition's own note (edition-access.js), not Material's tooltip: it closes on Escape (WCAG 1.4.13).
    tooltip = page.locator(".edition-term-tip")
    tooltip.wait_for(state="visible", timeout=3000)
    described = page.evaluate(
        "document.getElementById(document.activeElement.getAttribute('aria-describedby')).textContent"
    )
    assert " — " in tooltip.inner_text() and tooltip.inner_text().strip() == described.strip()
    assert re.search(r"[\u4e00-\u9fff]", described), f"the tooltip of {term!r} should give the Chinese"
    assert page.locator(".md-tooltip2--active").count() == 0  # no second tooltip
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    assert page.evaluate("document.activeElement.matches('abbr.edition-term')")  # focus stays on the term


def test_the_figures_table_sorts_by_value_and_filters_by_area(open_page, site_url):
    page = visit(open_page, site_url + "en/figures/")
    rows = page.locator(".edition-table tbody tr")
    assert rows.count() == len(DATA.figures)
    page.get_by_role("button", name="Value").click()
    ascending = [
        float(v)
        for v in page.locator(".edition-table tbody tr td:first-child [data-sort]").evaluate_all(
            "els => els.map(e => e.dataset.sort)"
        )
    ]
    assert ascending == sorted(ascending)
    assert page.locator("th[aria-sort=ascending]").count() == 1
    page.get_by_role("button", name="Value").click()
    first = page.locator(".edition-table tbody tr").first.locator("[data-sort]").get_attribute("data-sort")
    assert float(first) == max(float(f.value) for f in DATA.figures)
    page.get_by_label("Area", exact=True).select_option("4. Exercise of law enforcement power")
    assert page.locator(".edition-table tbody tr:visible").count() == sum(f.area == "a4" for f in DATA.figures)


def test_the_measures_table_filters_by_area(open_page, site_url):
    page = visit(open_page, site_url + "measures/")
    page.get_by_label("领域", exact=True).select_option("下一步工作")
    assert page.locator(".edition-table tbody tr:visible").count() == sum(m.area == "next-steps" for m in DATA.measures)


@pytest.mark.parametrize(("width", "side_by_side"), [(1280, True), (390, False)])
def test_the_parallel_view_is_two_columns_on_a_wide_screen_and_stacked_on_a_phone(
    open_page, site_url, width, side_by_side
):
    page = visit(open_page, site_url + "en/parallel/administration/", width=width)
    zh, en = (page.locator("#a3-1-2 .edition-parallel__cell").nth(i).bounding_box() for i in (0, 1))
    if side_by_side:
        assert zh["y"] == en["y"] and en["x"] >= zh["x"] + zh["width"]
    else:
        assert en["y"] >= zh["y"] + zh["height"] and en["x"] == zh["x"]


def channels(colour: str) -> list[float]:
    """'rgb(64, 81, 181)' or 'rgba(0, 0, 0, 0.87)' -> [r, g, b, alpha]."""
    values = [float(v) for v in re.findall(r"[\d.]+", colour)]
    return [*values[:3], values[3] if len(values) > 3 else 1.0]


def luminance(colour: str, background: str) -> float:
    """Relative luminance (WCAG) of a colour, composited over an opaque background."""
    *fg, alpha = channels(colour)
    bg = channels(background)[:3]
    rgb = [(alpha * f + (1 - alpha) * b) / 255 for f, b in zip(fg, bg, strict=True)]

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2])


def contrast(colour: str, background: str) -> float:
    high, low = sorted((luminance(colour, background), luminance(background, background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


OPAQUE_BACKGROUND = """el => {
  for (let node = el; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour && !colour.startsWith('rgba(0, 0, 0, 0)') && colour !== 'transparent') return colour;
  }
  return 'rgb(255, 255, 255)';
}"""


@pytest.mark.parametrize(("scheme", "palette"), [("light", "default"), ("dark", "slate")])
def test_charts_meet_wcag_contrast_in_both_palettes(open_page, site_url, scheme, palette):
    page = visit(open_page, site_url + "figures/", scheme=scheme)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == palette
    chart = page.locator("figure.edition-chart svg").first
    background = chart.evaluate(OPAQUE_BACKGROUND)
    bar = chart.locator("rect").first.evaluate("el => getComputedStyle(el).fill")
    text = chart.locator("text").first.evaluate("el => getComputedStyle(el).fill")
    assert contrast(bar, background) >= 3, (bar, background)  # graphical objects (WCAG 1.4.11)
    assert contrast(text, background) >= 4.5, (text, background)  # text (WCAG 1.4.3)


def test_pages_with_data_load_nothing_from_another_host(browser, site_url):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    for path in ("", "en/figures/", "glossary/", "en/parallel/policing/"):
        page.goto(site_url + path)
    page.close()
    # The language switch reads the sitemap from the configured site_url: the site's own public host.
    assert hosts <= {urlparse(site_url).netloc, urlparse(SITE_URL).netloc}
