"""The settings of mkdocs.yml that reach every page: no markup, no fonts or images from elsewhere, no analytics."""

from __future__ import annotations

import pytest

from edition.checks.settings import check_settings

CONFIG = """site_name: Edition
copyright: Original text © portal
theme:
  font: false
extra:
  generator: false
"""
MAIN = {"site_name": "Edition", "copyright": "Original text © portal", "theme": {"font": False}, "extra": {}}


def problems(main: dict, languages: list[dict] | None = None, text: str = CONFIG) -> list[str]:
    return [str(p) for p in check_settings(main, languages or [], text)]


def test_the_edition_settings_pass():
    assert problems(MAIN, [{"locale": "en", "site_name": "Edition", "copyright": "Original text", "extra": {}}]) == []
    footer = {"copyright": "Original text © {work_publisher}, {work_date}"}  # the page's document's facts
    assert problems({**MAIN, **footer}, [{"locale": "en", **footer}]) == []


BAD = {
    "html in copyright": ({"copyright": 'Text <img src=x onerror="alert(1)">'}, "copyright: contains markup"),
    "a placeholder the footer cannot fill": (
        {"copyright": "Original text © {publisher}"},
        "copyright: '{publisher}' is not a fact of the page's document",
    ),
    "comment trick in site name": ({"site_name": "<!--><script>alert(1)</script>-->"}, "site_name: contains markup"),
    "google fonts": ({"theme": {"font": {"text": "Roboto"}}}, "theme.font"),
    "remote logo": ({"theme": {"font": False, "logo": "https://evil.example/logo.png"}}, "theme.logo"),
    "data: favicon": ({"theme": {"font": False, "favicon": "data:image/png;base64,AA"}}, "theme.favicon"),
    "analytics": (
        {"extra": {"analytics": {"provider": "google", "property": "G-1"}}},
        "extra.analytics: is not allowed",
    ),
    "polyfills": ({"extra": {"polyfills": ["https://evil.example/p.js"]}}, "extra.polyfills"),
    "scope in an inline script": ({"extra": {"scope": '/"+alert(1)+"'}}, "extra.scope"),
    "unknown extra": ({"extra": {"status": {"new": "x"}}}, "extra.status"),
    "social link elsewhere": (
        {"extra": {"social": [{"icon": "x", "link": "https://evil.example/"}]}},
        "extra.social[0]",
    ),
    "markup in a palette label": (
        {"theme": {"font": False, "palette": [{"toggle": {"name": "<b onclick=x>dark</b>"}}]}},
        "theme.palette[0].toggle.name",
    ),
    "markup in an edition string": ({"extra": {"edition": {"cite": "<img src=x>"}}}, "extra.edition.cite"),
    "repo elsewhere": ({"repo_url": "https://evil.example/repo"}, "repo_url"),
}


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_each_setting_that_reaches_every_page_is_refused(case):
    change, phrase = BAD[case]
    found = problems({**MAIN, **change})
    assert any(phrase in p for p in found), found
    assert all(p.startswith("mkdocs.yml:") for p in found)


def test_a_language_override_is_checked_like_the_site():
    found = problems(
        MAIN, [{"locale": "en", "copyright": "<a href=//evil.example>x</a>", "theme": {"font": {"text": "X"}}}]
    )
    assert any("languages (en): copyright: contains markup" in p for p in found)
    assert any("languages (en): theme.font" in p for p in found)


def test_an_allowed_social_link_passes():
    assert (
        problems({**MAIN, "extra": {"social": [{"icon": "fontawesome/brands/github", "link": "https://github.com/x"}]}})
        == []
    )


def test_the_line_is_named():
    [problem] = check_settings(
        {**MAIN, "copyright": "<b>x</b>"}, [], CONFIG.replace("Original text © portal", "<b>x</b>")
    )
    assert problem.line == 2
