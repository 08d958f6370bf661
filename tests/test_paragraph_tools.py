"""The permalink and cite button beside each paragraph with an id, named in the page's language."""

from __future__ import annotations

from bs4 import BeautifulSoup

from edition.model.dom import Content
from edition.model.pages import reader_text
from edition.outputs.paragraph_tools import ToolLabels, add_paragraph_tools

ZH = ToolLabels(permalink_label="本段链接：{id}", cite="引用", cite_label="引用第 {id} 段")


def test_tools_go_inside_listed_paragraphs_and_after_listed_headings_only():
    html = '<h2 id="a1-1">标题</h2><p id="a1-1-1">正文。</p><p id="other">别的。</p><p>无编号。</p>'
    soup = BeautifulSoup(add_paragraph_tools(html, ["a1-1", "a1-1-1"], ZH), "html.parser")
    [heading_tools, paragraph_tools] = soup.select(".edition-tools")
    assert paragraph_tools.parent["id"] == "a1-1-1"
    # A heading's tools are not inside it (they would be part of its accessible name), but right
    # after it, the two wrapped together.
    assert heading_tools.find_previous_sibling("h2")["id"] == "a1-1"
    assert heading_tools.parent.name == "div" and heading_tools.parent["class"] == ["edition-heading"]
    assert soup.select_one("#a1-1").get_text() == "标题"
    assert heading_tools.select_one("a")["href"] == "#a1-1"
    link = soup.select_one("#a1-1-1 .edition-permalink")
    assert link["href"] == "#a1-1-1"
    assert link["aria-label"] == "本段链接：a1-1-1"
    assert link.get_text() == "a1-1-1"  # the accessible name begins with what is shown
    button = soup.select_one("#a1-1-1 button.edition-cite")
    assert button.has_attr("hidden")  # shown by the script, which makes it work
    assert button["aria-label"] == "引用第 a1-1-1 段"
    assert button["type"] == "button"


def test_the_paragraph_text_the_checks_read_is_unchanged():
    html = '<p id="a1-1-1">正文。</p>'
    with_tools = Content(add_paragraph_tools(html, ["a1-1-1"], ZH))
    assert reader_text(with_tools.by_id()["a1-1-1"]) == "正文。"


def test_adding_twice_adds_once():
    html = add_paragraph_tools('<h3 id="h">h</h3><p id="x">t</p>', ["h", "x"], ZH)
    assert add_paragraph_tools(html, ["h", "x"], ZH).count("edition-tools") == 2


def test_built_pages_carry_tools_in_their_language(built_site):
    zh = BeautifulSoup((built_site.site / "policing" / "index.html").read_text(encoding="utf-8"), "html.parser")
    en = BeautifulSoup((built_site.site / "en" / "policing" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert zh.select_one("#a2-1-1 .edition-permalink")["aria-label"] == "本段链接：a2-1-1"
    assert en.select_one("#a2-1-1 .edition-permalink")["aria-label"] == "Link to paragraph a2-1-1"
    assert en.select_one("#a2-1-1 .edition-cite").get_text() == "Cite"
