"""The text pages' layout as a reader sees it: the paragraph tools take no room until shown, and
the measurement of empty lines finds one.

(No empty line between paragraphs or under a heading: test_every_page_in_a_browser measures it on
each text page, with tests/empty_lines.py.)
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser_support import DESKTOP
from empty_lines import WIDTHS, empty_lines

pytestmark = pytest.mark.browser

# Two paragraphs of the page, the second right after the first (no correction note between them):
# found on the page, so a correction or a new paragraph changes which, not whether.
NEIGHBOURS = """() => {
  const first = [...document.querySelectorAll('article p[id]')].find(p => p.nextElementSibling
    && p.nextElementSibling.matches('p[id]') && p.querySelector(':scope > .edition-tools'));
  return [first.id, first.nextElementSibling.id];
}"""


def test_the_paragraph_tools_take_no_room_until_shown(open_page, site_url):
    """A paragraph is as tall as its text, whether or not its tools are showing."""
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}en/policing/", wait_until="load")
    first, second = page.evaluate(NEIGHBOURS)
    paragraph = page.locator(f"[id='{first}']")
    height = paragraph.evaluate("e => e.getBoundingClientRect().height")
    tools = page.locator(f"[id='{first}'] > .edition-tools")
    assert tools.evaluate("e => getComputedStyle(e).opacity") == "0"
    page.get_by_role("link", name=f"Link to paragraph {first}", exact=True).focus()
    expect(tools).to_have_css("opacity", "1")  # once its transition is over
    assert paragraph.evaluate("e => e.getBoundingClientRect().height") == height
    # Shown, the tools sit inside the text column, under their paragraph, not over the next one's text.
    box, text_box = tools.bounding_box(), paragraph.bounding_box()
    following = page.locator(f"[id='{second}']").bounding_box()
    assert box["x"] + box["width"] <= text_box["x"] + text_box["width"] + 1
    assert text_box["y"] + text_box["height"] - 1 <= box["y"] and box["y"] + box["height"] <= following["y"] + 1


def test_an_empty_line_in_the_text_is_found_at_each_width(open_page, site_url):
    """tests/empty_lines.py (what test_every_page_in_a_browser measures) refuses an empty line."""
    page = open_page(**DESKTOP)
    page.goto(f"{site_url}en/policing/", wait_until="load")
    assert empty_lines(page, "en/policing/")[1] == []
    first, second = page.evaluate(NEIGHBOURS)
    page.evaluate(
        "id => document.getElementById(id).append(document.createElement('br'), document.createElement('br'))", first
    )
    _, too_wide = empty_lines(page, "en/policing/")
    assert [line.split(":")[0] for line in too_wide] == [f"en/policing/ at {width} px" for width in WIDTHS]
    assert all(f"#{first} → #{second}" in line for line in too_wide)
    assert page.viewport_size == DESKTOP["viewport"]  # put back as it was
