"""tests/colour_cover.py: which pages get axe's colour rules. A page that shows text in a way no
other page does must be among them; a page that shows nothing new need not be."""

from __future__ import annotations

from pathlib import Path

import pytest

from colour_cover import attribute_tests, colour_pages, text_chains

CSS = """
.md-typeset a { color: var(--md-typeset-a-color) }
@media screen { [data-md-color-scheme="slate"] .x:not([hidden]) { color: #fff } }
.md-typeset [id^="fnref:"]:target > .footnote-ref { color: red }
td[align=right] { background: #eee }
"""


def page(body: str, lang: str = "en") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><body><article class="md-typeset">{body}</article></body></html>'


def test_the_stylesheets_attribute_tests_are_read_nested_and_inside_pseudo_classes():
    tests = attribute_tests([CSS])
    assert tests.present == {"hidden"}
    assert tests.values == {
        "data-md-color-scheme": {("=", "slate")},
        "id": {("^=", "fnref:")},
        "align": {("=", "right")},
    }


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ('<p id="a1">One</p>', '<p id="a2">Two, another paragraph</p>'),
        ('<p><a href="#a1">link</a></p>', '<p><a href="/en/other/">another link</a></p>'),
        ('<sup id="fnref:1">1</sup>', '<sup id="fnref:2">2</sup>'),
    ],
    ids=["paragraphs", "links", "footnote marks"],
)
def test_texts_the_stylesheets_cannot_tell_apart_have_one_chain(first, second):
    tests = attribute_tests([CSS])
    assert text_chains(page(first), tests) == text_chains(page(second), tests)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("<p>text</p>", '<p class="x">text</p>'),
        ("<p>text</p>", '<p style="color:#999">text</p>'),
        ('<p id="a1">text</p>', '<p id="fnref:1">text</p>'),
        ("<table><tr><td>1</td></tr></table>", '<table><tr><td align="right">1</td></tr></table>'),
        ("<p>text</p>", "<p><em>text</em></p>"),
        ('<svg><text fill="#000">1</text></svg>', '<svg><text fill="#777">1</text></svg>'),
    ],
    ids=["class", "inline style", "attribute test", "attribute value", "element", "presentation attribute"],
)
def test_texts_the_stylesheets_can_tell_apart_have_their_own_chains(first, second):
    tests = attribute_tests([CSS])
    assert text_chains(page(first), tests) != text_chains(page(second), tests)


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "site.css").write_text(CSS, encoding="utf-8")
    for path, html in pages.items():
        folder = tmp_path / path
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.html").write_text(html, encoding="utf-8")
    return tmp_path


def test_a_page_with_a_look_of_its_own_is_chosen_and_a_page_of_nothing_new_is_not(tmp_path):
    built = site(
        tmp_path,
        {
            "one": page('<p id="a1">One</p><p><a href="#a1">link</a></p>'),
            "two": page('<p id="b1">Two</p>'),  # nothing "one" does not show
            "three": page('<p id="c1">Three <span class="x">marked</span></p>'),  # a class of its own
            "en/one": page('<p id="a1">One</p>', lang="zh"),  # the same, in the other language
        },
    )
    assert colour_pages(built, ["one/", "two/", "three/", "en/one/"]) == ["one/", "three/", "en/one/"]


def test_the_404_page_is_read_from_its_own_file(tmp_path):
    built = site(tmp_path, {"one": page("<p>One</p>")})
    (built / "404.html").write_text(page('<h1 class="x">Not found</h1>'), encoding="utf-8")
    assert colour_pages(built, ["one/", "no-such-page/"]) == ["one/", "no-such-page/"]
