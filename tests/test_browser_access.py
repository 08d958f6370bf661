"""Keyboard and screen reader access, tested as issue 24's audit was made: Chromium driven by the
keyboard alone, at a phone's width and at 200 % zoom, in both languages; and the paragraph tools'
targets and colours in the states axe cannot see (hidden at rest, shown on hover and focus).

Every page's accessible names and language marks are checked on the visit test_every_page_in_a_browser
makes anyway (tests/access_checks.py); here, that those checks refuse what they must.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from access_checks import heading_and_control_names, unmarked_language
from browser_support import DESKTOP, page_paths
from browsing.visits import MOBILE
from conftest import ROOT
from edition.model.strings import load_catalogues

pytestmark = pytest.mark.browser

LANGS = {"zh": "", "en": "en/"}
STRINGS = {
    lang: catalogue.section("page") for lang, catalogue in load_catalogues(ROOT, ROOT / "docs", list(LANGS)).items()
}
# A phone (390 px), and a 1280 by 900 px window zoomed to 200 %: a 640 by 450 px viewport, two device
# pixels a CSS pixel, its system set to dark (the palette then follows it, with nothing chosen yet).
# Both show the navigation as a drawer behind the menu button.
WINDOWS = {
    "390px": {"viewport": {"width": 390, "height": 844}},
    "zoom200": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2, "color_scheme": "dark"},
}


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: its !ENV values are not needed here."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: None)
_CONFIG = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
_I18N = next(plugin["i18n"] for plugin in _CONFIG["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
_PALETTES = [
    *_CONFIG["theme"]["palette"],
    *(option for language in _I18N["languages"] for option in language.get("theme", {}).get("palette", [])),
]
# What the palette button must say in each palette: the way to the other (mkdocs.yml's toggle names).
PALETTE_NAMES = {
    scheme: {option["toggle"]["name"] for option in _PALETTES if option["scheme"] == scheme}
    for scheme in ("default", "slate")
}

# The focused element as the audit judged it, once the page has stopped scrolling: where it is,
# whether a focus indicator is drawn, and whether the sticky header covers it.
FOCUS = """async () => {
  // Once the page has stopped scrolling (a smooth scroll to the focused element takes frames, and
  // on a loaded machine may start a frame or two late): three still frames in a row.
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  for (let i = 0, still = 0; i < 60 && still < 3; i++) {
    const last = scrollY;
    await frame();
    still = scrollY === last ? still + 1 : 0;
  }
  const e = document.activeElement;
  const box = e.getBoundingClientRect();
  const header = document.querySelector('.md-header');
  const style = getComputedStyle(e);
  return {
    what: `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${(e.getAttribute('aria-label') || e.textContent).trim().slice(0, 40)}"`,
    href: e.href || '',
    drawer: !!e.closest('.md-sidebar--primary'),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    shown: e.checkVisibility({visibilityProperty: true}) && box.width > 0 && box.height > 0,
    inView: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
    // Covered by the header: what is drawn at the top of the element is the header (the skip link
    // and the drawer are drawn over it; an element scrolled under it is not).
    underHeader: (() => {
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + 2, 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      return !!top && !e.contains(top) && !!top.closest('.md-header') && !header.contains(e);
    })(),
    classes: e.className || '',
  };
}"""


class Keyboard:
    """The keyboard, and what each stop of focus looked like (``problems`` lists the bad ones)."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []

    def press(self, key: str) -> dict:
        self.page.keyboard.press(key)
        return self.check()

    def check(self) -> dict:
        focus = self.page.evaluate(FOCUS)
        if focus["what"].startswith("body"):
            return focus
        faults = [
            fault
            for fault, bad in (
                ("no focus indicator", not focus["ring"]),
                ("not shown", not focus["shown"]),
                ("out of the window", not focus["inView"]),
                ("under the sticky header", focus["underHeader"]),
            )
            if bad
        ]
        if faults:
            self.problems.append(f"{focus['what']}: {', '.join(faults)}")
        return focus

    def until(self, wanted, key: str = "Tab", limit: int = 80) -> dict:
        for _ in range(limit):
            focus = self.press(key)
            if wanted(focus):
                return focus
        raise AssertionError(f"{limit} presses of {key} did not reach it; problems on the way: {self.problems}")


def aria(page, selector: str, name: str) -> str | None:
    return page.locator(selector).first.get_attribute(name)


# Each language in one of the two windows, each window in one of the languages: the walk checks what a
# language changes (its names and strings) and what a window changes (the layout, the dark palette);
# all four combinations took a sixth of the browser tests' time for no check the two do not make.
WALKS = [("zh", "390px"), ("en", "zoom200")]


@pytest.mark.heavy
@pytest.mark.parametrize(("lang", "window"), WALKS)
def test_keyboard_alone_reaches_every_page_and_every_control(open_context, site_url, built_site, lang, window):
    """As the audit: the header's controls, the navigation drawer to every page, then on a text
    page Cite, a term's note and back with Shift+Tab; each stop with a visible focus, never under
    the header. (A context of its own: the palette and the shortcuts' switch are kept in storage.)"""
    page = open_context(**WINDOWS[window]).new_page()
    strings = STRINGS[lang]
    prefix = LANGS[lang]
    page.goto(f"{site_url}{prefix}policing/", wait_until="load")
    keys = Keyboard(page)

    # The header: the menu button, the palette button, the language menu, search.
    menu = keys.until(lambda f: f["what"] == f'button "{strings["menu"]}"', limit=4)
    assert aria(page, ".md-header .edition-drawer-button", "aria-expanded") == "false"
    palette = keys.press("Tab")
    before = page.evaluate("() => document.body.dataset.mdColorScheme")
    assert before == ("slate" if WINDOWS[window].get("color_scheme") == "dark" else "default")
    assert palette["what"].startswith("button") and palette["what"].split('"')[1] in PALETTE_NAMES[before]
    after = keys.press("Enter")  # the palette changes; focus stays on the button, now named the other way
    now = page.evaluate("() => document.body.dataset.mdColorScheme")
    assert now != before and after["what"].startswith("button") and after["what"].split('"')[1] in PALETTE_NAMES[now]
    keys.press("Enter")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == before
    keys.press("Tab")  # the language menu opens with focus on its button
    language_button = ".md-header .md-select button"
    assert aria(page, language_button, "aria-expanded") == "true"
    keys.press("Escape")
    assert aria(page, language_button, "aria-expanded") == "false"
    assert page.locator(".md-header .md-select__inner").evaluate("e => getComputedStyle(e).visibility") == "hidden"
    keys.press("Enter")
    assert aria(page, language_button, "aria-expanded") == "true"
    link = keys.press("Tab")
    assert urlsplit(link["href"]).path.endswith("policing/")  # the first language's link, shown
    keys.press("Escape")  # back on the button, the menu closed: Tab goes past its links to search
    assert aria(page, language_button, "aria-expanded") == "false"
    search = keys.press("Tab")
    assert strings["search_dialog"] in search["what"]
    keys.press("Enter")
    page.wait_for_selector("dialog.edition-search[open] input:focus")
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.edition-search", state="hidden")
    assert keys.check()["what"] == search["what"]  # focus is back on the search button

    # The drawer: open it from the menu button, Tab through it to every page of the language.
    keys.until(lambda f: f["what"] == menu["what"], key="Shift+Tab", limit=8)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # the drawer slides in
    first = keys.check()
    assert aria(page, ".md-header .edition-drawer-button", "aria-expanded") == "true"
    assert first["drawer"], first
    reached = {urlsplit(first["href"]).path}
    for _ in range(120):
        focus = keys.press("Tab")
        if not focus["drawer"]:
            break
        reached.add(urlsplit(focus["href"]).path)
    root = urlsplit(site_url).path
    wanted = {root + path for path in page_paths(built_site.site) if path.startswith("en/") == (lang == "en")}
    assert wanted - reached == set(), "pages the drawer does not reach by keyboard"
    # Tab past its last link closed it (focus does not go on under the overlay).
    assert aria(page, ".md-header .edition-drawer-button", "aria-expanded") == "false"
    page.wait_for_timeout(300)  # slid out, hidden
    keys.until(lambda f: f["what"] == menu["what"], key="Shift+Tab", limit=12)
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)
    assert keys.press("Escape")["what"] == menu["what"]  # Escape closes it and returns to the menu button
    assert aria(page, ".md-header .edition-drawer-button", "aria-expanded") == "false"
    # Once it has slid out, the closed drawer is hidden: out of the tab order.
    page.wait_for_function(
        "() => getComputedStyle(document.querySelector('.md-sidebar--primary a[href]')).visibility === 'hidden'"
    )

    # Into another page by the drawer, by keyboard.
    page.keyboard.press(" ")
    page.wait_for_timeout(300)
    keys.until(lambda f: f["href"].endswith("/administration/"))
    with page.expect_navigation(url=f"**/{prefix}administration/", wait_until="load"):
        page.keyboard.press("Enter")

    # The text: Cite opens and closes; a term's note opens and closes on Escape.
    keys = Keyboard(page)
    cite = keys.until(lambda f: "edition-cite" in f["classes"] and "page" not in f["classes"], limit=60)
    keys.press("Enter")
    page.wait_for_selector(".edition-cite-panel")
    assert keys.press("Escape")["what"] == cite["what"]
    assert page.locator(".edition-cite-panel").count() == 0
    keys.until(lambda f: "edition-term" in f["classes"], limit=60)
    tip = page.locator(".edition-term-tip")
    assert tip.is_visible()
    assert unmarked_language(page) == []  # the note's words, too
    keys.press("Escape")
    assert not tip.is_visible()
    keys.until(lambda f: "edition-cite" in f["classes"], limit=60)
    for _ in range(12):  # back up the page: focus must not go under the sticky header
        keys.press("Shift+Tab")
    assert keys.problems == []


@pytest.mark.parametrize("lang", LANGS)
def test_single_key_shortcuts_can_be_turned_off(open_context, site_url, lang):
    """WCAG 2.1.4: the switch at the foot of the page turns off "/" and "s" (search) and "n", "p"
    (next and previous page); the choice is kept."""
    page = open_context(**DESKTOP).new_page()
    page.goto(f"{site_url}{LANGS[lang]}policing/", wait_until="load")
    switch = page.get_by_role("button", name=STRINGS[lang]["shortcuts"], exact=True)
    assert switch.get_attribute("aria-pressed") == "true"
    switch.focus()
    page.keyboard.press("Enter")
    assert switch.get_attribute("aria-pressed") == "false"
    page.locator("article h1").click()  # focus out of the switch, as a reader reading on
    for key in ("s", "/", "n"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.locator("dialog.edition-search[open]").count() == 0
    assert page.url.endswith("/policing/")
    page.reload(wait_until="load")  # kept
    assert switch.get_attribute("aria-pressed") == "false"
    switch.click()
    page.locator("article h1").click()
    page.keyboard.press("s")
    page.wait_for_selector("dialog.edition-search[open]")


# The paragraph tools of a text page as shown (hover or focus): each control's box, its text and
# background colours (the colour's alpha blended over the background, as drawn), and the texts of
# the page that its tools' box covers.
TOOLS = """tools => {
  const rgba = value => (value.match(/[\\d.]+/g) || []).map(Number);
  const background = element => {
    for (let e = element; e; e = e.parentElement) {
      const [r, g, b, a = 1] = rgba(getComputedStyle(e).backgroundColor);
      if (a > 0) return [r, g, b];
    }
    return [255, 255, 255];
  };
  const luminance = ([r, g, b]) => {
    const channel = c => (c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = element => {
    const back = background(element);
    const [r, g, b, a = 1] = rgba(getComputedStyle(element).color);
    const fore = [r, g, b].map((c, i) => c * a + back[i] * (1 - a));
    const [l1, l2] = [luminance(fore), luminance(back)].sort((x, y) => y - x);
    return Math.round(((l1 + 0.05) / (l2 + 0.05)) * 100) / 100;
  };
  const box = tools.getBoundingClientRect();
  const covered = [];
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || tools.contains(node)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width && r.height && r.left < box.right - 1 && r.right > box.left + 1 && r.top < box.bottom - 1 && r.bottom > box.top + 1) {
        covered.push(node.textContent.trim().slice(0, 30));
      }
    }
  }
  return {
    opacity: getComputedStyle(tools).opacity,
    covered,
    controls: [...tools.querySelectorAll('a, button')].map(e => {
      const r = e.getBoundingClientRect();
      return {name: e.getAttribute('aria-label'), width: r.width, height: r.height, contrast: contrast(e),
              focusRing: getComputedStyle(e).outlineStyle !== 'none'};
    }),
  };
}"""


@pytest.mark.parametrize(("lang", "scheme"), [("zh", "default"), ("en", "slate")])  # each palette, each language
def test_paragraph_tools_are_large_enough_and_legible_when_shown(open_page, site_url, lang, scheme):
    """WCAG 2.5.8 and 1.4.3 in the states axe cannot see: ¶ and Cite are at least 24 by 24 px, with
    4.5:1 contrast on hover and on focus (and a focus ring), in both palettes; shown, the tools cover
    no text. A heading's and two paragraphs' tools on a desktop, and on a phone, where they always show."""
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}{LANGS[lang]}policing/", wait_until="load")
    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)  # as Material's toggle does
    problems = []
    for block in ("a2-1", "a2-1-1", "a2-1-2"):
        tools = page.locator(f"#{block} > .edition-tools, #{block} + .edition-tools")
        assert tools.evaluate("e => getComputedStyle(e).opacity") == "0"  # quiet at rest
        for state in ("hover", "focus"):
            for control in range(tools.locator("a, button").count()):  # every tool, however many
                target = tools.locator("a, button").nth(control)
                if state == "hover":
                    target.hover()
                else:
                    page.mouse.move(0, 0)
                    target.focus()
                page.wait_for_function("e => getComputedStyle(e).opacity === '1'", arg=tools.element_handle())
                shown = tools.evaluate(TOOLS)
                found = shown["controls"][control]
                label = f"{block} {found['name']} on {state}"
                if found["width"] < 24 or found["height"] < 24:
                    problems.append(f"{label}: {found['width']:.0f} by {found['height']:.0f} px")
                if found["contrast"] < 4.5:
                    problems.append(f"{label}: contrast {found['contrast']}:1")
                if state == "focus" and not found["focusRing"]:
                    problems.append(f"{label}: no focus ring")
                if shown["covered"]:
                    problems.append(f"{label}: covers {shown['covered']}")
    assert problems == []
    mobile = open_page(**MOBILE)
    mobile.goto(f"{site_url}{LANGS[lang]}policing/", wait_until="load")
    for block in ("a2-1", "a2-1-1"):
        shown = mobile.locator(f"#{block} > .edition-tools, #{block} + .edition-tools").evaluate(TOOLS)
        assert shown["opacity"] == "1" and shown["covered"] == []
        assert all(c["width"] >= 24 and c["height"] >= 24 for c in shown["controls"]), shown


def test_the_filter_fits_a_320_px_screen(open_page, site_url):
    """The glossary's filter (its longest options) leaves the page no wider than the screen."""
    page = open_page(viewport={"width": 320, "height": 700})
    for path in ("glossary/", "en/glossary/", "en/measures/"):
        page.goto(site_url + path, wait_until="load")
        page.wait_for_selector(".edition-table__filter select")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, path
        box = page.locator(".edition-table__filter select").bounding_box()
        assert box["x"] + box["width"] <= 320, path


def test_the_checks_of_names_and_languages_refuse_what_they_must(open_page, site_url):
    """tests/access_checks.py, which test_every_page_in_a_browser runs on every page, finds a heading
    named with its tools, an unnamed control, a control named in the other language, and unmarked
    Chinese on an English page and English on a Chinese page; and passes their marked forms."""
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}en/about/", wait_until="load")
    assert heading_and_control_names(page) == [] and unmarked_language(page) == []
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
      '<h2 id="bad">Title <a href="#bad" aria-label="Link to paragraph bad">bad</a></h2>' +
      '<button type="button"></button><button type="button">关闭</button>' +
      '<p id="chinese">The post of 调研员 and <span lang="zh">科员</span>.</p>')""")
    names = heading_and_control_names(page)
    assert any(p.startswith('heading named "Title Link to paragraph bad"') for p in names), names
    assert any(p.startswith("button without a name") for p in names), names
    assert any(p.startswith('button "关闭" is not in the page') for p in names), names
    assert len(names) == 3, names
    assert unmarked_language(page) == ['button: "关闭" (lang=en)', 'p in #chinese: "调研员" (lang=en)']
    page.goto(f"{site_url}about/", wait_until="load")
    assert unmarked_language(page) == []
    page.evaluate("""() => document.querySelector('article').insertAdjacentHTML('beforeend',
      '<p id="english">译作 public security，见 a2-1-1、figures.csv、PDF 与 http://example.org/x；' +
      '<span lang="en">police station</span>。</p>')""")
    assert unmarked_language(page) == ['p in #english: "public security" (lang=zh)']


def test_headings_and_side_by_side_links_have_the_names_the_audit_asked_for(page_at, site_url):
    """The h1 of the English policing page is its text alone; a side-by-side row's link says where
    it leads, beginning with the id it shows; each data table is named by its heading."""
    page = page_at(f"{site_url}en/policing/", **DESKTOP)
    heading = page.get_by_role("heading", level=1)
    assert heading.evaluate("e => e.textContent.trim()").startswith("2. Vigorously advancing")
    assert "Cite" not in heading.evaluate("e => e.textContent") and heading.locator("a, button").count() == 0
    assert page.get_by_role("link", name="Link to paragraph a2", exact=True).is_visible() is not None
    page.goto(f"{site_url}en/parallel/policing/", wait_until="load")
    link = page.locator(".edition-parallel__id[href$='#a2-1-1']")
    assert link.text_content() == "a2-1-1"
    assert link.get_attribute("aria-label") == "a2-1-1: this paragraph on its page"
    page.goto(f"{site_url}en/figures/", wait_until="load")
    table = page.locator("table").first
    assert table.get_attribute("aria-labelledby")
    name = page.locator(f"#{table.get_attribute('aria-labelledby')}").text_content().strip()
    assert page.get_by_role("table", name=name, exact=True).count() == 1
    # The sort buttons are named by their column alone: the arrows drawn beside them are not read.
    header = table.locator("th button").first
    assert page.get_by_role("button", name=header.text_content().strip(), exact=True).count() >= 1


def test_a_term_note_opens_on_hover_stays_under_the_pointer_and_closes_on_escape(desktop_page, site_url):
    """WCAG 1.4.13, with the pointer: the note shows on hover, below its term (not over it), stays
    while the pointer moves onto it, and closes on Escape or when the pointer leaves both."""
    page = desktop_page
    page.goto(f"{site_url}policing/", wait_until="load")
    term = page.locator("abbr.edition-term").first
    tip = page.locator(".edition-term-tip")
    term.hover()
    expect(tip).to_be_visible()
    term_box, tip_box = term.bounding_box(), tip.bounding_box()
    assert tip_box["y"] >= term_box["y"] + term_box["height"] or tip_box["y"] + tip_box["height"] <= term_box["y"]
    assert unmarked_language(page) == []  # the Chinese page's note: its English marked
    page.mouse.move(tip_box["x"] + 5, tip_box["y"] + 5)  # onto the note (one move: leaving the term, entering it)
    page.wait_for_timeout(500)
    expect(tip).to_be_visible()
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    term.hover()
    expect(tip).to_be_visible()
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()
