"""tests/colour_cover.py: which texts get axe's colour rules. A text whose look no earlier page
showed must be among them; a text that looks like one already checked need not be."""

from __future__ import annotations

import pytest

from browser_support import DESKTOP
from colour_cover import ColourCover, attribute_tests

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


@pytest.fixture
def looks(open_page):
    """``looks(html, cover=None)``: the new looks of ``html`` (a fresh ColourCover, or ``cover``)
    and the texts to check for them, in a blank kept page."""
    page = open_page(**DESKTOP)

    def read(html: str, cover: ColourCover | None = None) -> tuple[list[str], list[str]]:
        page.set_content(html)
        chains = (cover or ColourCover(attribute_tests([CSS]))).new_texts(page)
        return chains, page.evaluate("() => window.__colourTexts.map(e => e.outerHTML)")

    return read


@pytest.mark.browser
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ('<p id="a1">One</p>', '<p id="a2">Two, another paragraph</p>'),
        ('<p><a href="#a1">link</a></p>', '<p><a href="/en/other/">another link</a></p>'),
        ('<sup id="fnref:1">1</sup>', '<sup id="fnref:2">2</sup>'),
    ],
    ids=["paragraphs", "links", "footnote marks"],
)
def test_texts_the_stylesheets_cannot_tell_apart_have_one_look(looks, first, second):
    assert looks(page(first))[0] == looks(page(second))[0]


@pytest.mark.browser
@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("<p>text</p>", '<p class="x">text</p>'),
        ("<p>text</p>", '<p style="color:#999">text</p>'),
        ('<p id="a1">text</p>', '<p id="fnref:1">text</p>'),
        ("<table><tr><td>1</td></tr></table>", '<table><tr><td align="right">1</td></tr></table>'),
        ("<p>text</p>", "<p><em>text</em></p>"),
        ('<svg><text fill="#000">1</text></svg>', '<svg><text fill="#777">1</text></svg>'),
        ("<p>text</p>", None),  # the same page in the other language
    ],
    ids=["class", "inline style", "attribute test", "attribute value", "element", "presentation attribute", "lang"],
)
def test_texts_the_stylesheets_can_tell_apart_have_their_own_looks(looks, first, second):
    other = page(second) if second else page(first, lang="zh")
    assert looks(page(first))[0] != looks(other)[0]


@pytest.mark.browser
def test_a_page_gives_only_its_new_looks_and_one_text_of_each(looks):
    cover = ColourCover(attribute_tests([CSS]))
    first, _ = looks(page("<p>One</p><p>Two</p>"), cover)
    assert len(first) == 1
    chains, texts = looks(page('<p>Three</p><p class="x">Four</p><p class="x">Five</p>'), cover)
    assert len(chains) == 1 and texts == ['<p class="x">Four</p>']
    assert looks(page("<p>Six</p>"), cover) == ([], [])


@pytest.mark.browser
def test_a_form_control_showing_text_is_a_text_of_its_own(looks):
    chains, texts = looks(page('<p>Filter</p><select><option>All areas</option></select><input type="checkbox">'))
    assert len(chains) == 2 and texts == ["<p>Filter</p>", "<select><option>All areas</option></select>"]


@pytest.mark.browser
def test_hidden_texts_and_scripts_have_no_look_and_a_link_is_checked_whole(looks):
    chains, texts = looks(page('<p hidden>Not shown</p><p>Read <a href="#x"><span>this</span></a></p>'))
    assert texts == ['<p>Read <a href="#x"><span>this</span></a></p>', '<a href="#x"><span>this</span></a>']
    assert len(chains) == 2 and not any("hidden" in chain for chain in chains)
