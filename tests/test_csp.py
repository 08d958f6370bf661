"""The Content-Security-Policy written into every built page, and the check of what a built page runs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from edition.checks.csp import POLICY, policy_text, script_hash, secure_page, theme_script_patterns
from edition.checks.sanitize import parse_document

THEME = Path(__import__("material").__file__).parent / "templates"
PATTERNS = theme_script_patterns([THEME])
# The theme's first inline script, as it stands in a page two folders deep.
SCOPE = re.sub(
    r"\{\{.*?\}\}",
    "../..",
    re.search(r"<script>(.*?)</script>", (THEME / "partials/javascripts/base.html").read_text(encoding="utf-8"))[1],
)


def built_policy(html: str) -> str:
    return BeautifulSoup(html, "html.parser").select_one("meta[http-equiv=Content-Security-Policy]")["content"]


def test_every_built_page_has_the_policy_first_in_its_head(built_site):
    pages = sorted(built_site.site.rglob("*.html"))
    assert len(pages) > 30 and any(p.name == "404.html" for p in pages)
    for path in pages:
        html = path.read_text(encoding="utf-8")
        head = parse_document(html).find("{http://www.w3.org/1999/xhtml}head")
        first_script = next(i for i, e in enumerate(head) if e.tag.endswith("script"))
        meta = [i for i, e in enumerate(head) if e.get("http-equiv") == "Content-Security-Policy"]
        assert meta == [1], path  # right after <meta charset>, before any script
        assert meta[0] < first_script
        policy = built_policy(html)
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        for directive in ("default-src 'self'", "connect-src 'self'", "img-src 'self' data:", "font-src 'self'",
                          "object-src 'none'", "base-uri 'self'", "form-action 'none'"):  # fmt: skip
            assert directive in policy, (path, directive)


def test_the_hashes_are_those_of_the_page_s_own_theme_scripts(built_site):
    html = (built_site.site / "en" / "policing" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    inline = [s.string for s in soup.find_all("script") if not s.get("src") and not s.get("type")]
    assert len(inline) == 3
    hashes = re.findall(r"'sha256-[^']+'", built_policy(html))
    assert hashes == [script_hash(text) for text in inline]


def page_with(body: str, head: str = "") -> str:
    return f'<!doctype html><html><head><meta charset="utf-8"><script>{SCOPE}</script>{head}</head><body>{body}</body></html>'


def test_a_theme_script_is_hashed_and_the_policy_put_first():
    secured, refusals = secure_page(page_with("<p>x</p>"), PATTERNS)
    assert refusals == []
    assert secured.index("Content-Security-Policy") < secured.index("<script>")
    assert script_hash(SCOPE) in built_policy(secured)


@pytest.mark.parametrize(
    ("body", "phrase"),
    [
        ("<script>alert(1)</script>", "inline script the theme does not write"),
        ('<script>__md_scope=new URL("x",location);alert(1)</script>', "inline script the theme does not write"),
        ('<script>__md_scope=new URL("/"+alert(1)+"",location)</script>', "inline script the theme does not write"),
        ('<script src="https://evil.example/a.js"></script>', "script from another host"),
        ('<span title="" onmouseover="alert(1)">new</span>', "event handler onmouseover="),
        ('<a href="javascript:alert(1)">x</a>', "script URL"),
        ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "meta http-equiv"),
        ('<iframe src="https://evil.example/"></iframe>', "<iframe>"),
        ('<base href="https://evil.example/">', "<base>"),
    ],
)
def test_what_a_built_page_may_not_have_is_refused(body, phrase):
    _, refusals = secure_page(page_with(body), PATTERNS)
    assert any(phrase in r for r in refusals), refusals


def test_the_redirect_template_is_refused():
    """Material's redirect.html, as `template: redirect.html` + `location:` would render it."""
    redirect = '<script>window.location.replace(["https://evil.example/",window.location.search,window.location.hash].join(""))</script>'
    _, refusals = secure_page(page_with("", head=redirect), PATTERNS)
    assert refusals and "inline script the theme does not write" in refusals[0]


def test_a_data_block_is_not_a_script():
    _, refusals = secure_page(page_with('<script id="__config" type="application/json">{"a": 1}</script>'), PATTERNS)
    assert refusals == []


def test_the_policy_is_one_data_structure():
    """Adding a source is one line in POLICY (e.g. 'wasm-unsafe-eval' for a WebAssembly search)."""
    assert policy_text().startswith("default-src 'self'; script-src 'self';")
    POLICY["script-src"].append("'wasm-unsafe-eval'")
    try:
        assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-x'" in policy_text(["'sha256-x'"])
    finally:
        POLICY["script-src"].remove("'wasm-unsafe-eval'")
