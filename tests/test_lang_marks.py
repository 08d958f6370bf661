"""The marks of a change of language (edition/outputs/lang_marks.py), the tables' names (edition/outputs/table_names.py) and the footnotes' back-links (edition/outputs/footnote_links.py)."""

from __future__ import annotations

from edition.model.dom import Content
from edition.outputs.footnote_links import name_back_links
from edition.outputs.lang_marks import mark_languages
from edition.outputs.table_names import name_tables


def marked(html: str, lang: str) -> str:
    content = Content(html)
    mark_languages(content, lang)
    return content.html()


def test_chinese_in_an_english_page_is_marked():
    html = "<p>The post of 调研员 (“一长四必”) on 2017年9月28日.</p>"
    assert marked(html, "en") == (
        '<p>The post of <span lang="zh">调研员</span> (“<span lang="zh">一长四必</span>”) '
        'on 2017<span lang="zh">年9月28日</span>.</p>'
    )


def test_english_in_a_chinese_page_is_marked_but_not_codes_or_addresses():
    html = "<p>译作 public order（见 a2-1-1、figures.csv、PDF 与 http://www.nmg.gov.cn/x.html）。</p>"
    assert marked(html, "zh") == (
        '<p>译作 <span lang="en">public order</span>（见 a2-1-1、figures.csv、PDF 与 http://www.nmg.gov.cn/x.html）。</p>'
    )


def test_text_marked_already_or_code_is_left_alone():
    html = '<p><span lang="zh">科员</span> <code>文件</code> <span lang="zh-Hans"><em>公安</em></span></p>'
    content = Content(html)
    assert mark_languages(content, "en") is False
    assert content.html() == html
    assert marked('<div lang="en"><p>public order</p></div>', "zh") == '<div lang="en"><p>public order</p></div>'


def test_the_other_language_inside_a_marked_element_is_marked_too():
    # A correction's Chinese note on the English Corrections page names an English rendering.
    html = '<p>Note: <span lang="zh">译作 Ulanqab，不作 Wulanchabu。</span></p>'
    assert marked(html, "en") == (
        '<p>Note: <span lang="zh">译作 <span lang="en">Ulanqab</span>，不作 <span lang="en">Wulanchabu</span>。</span></p>'
    )
    html = '<div lang="en"><p>The post of 调研员.</p></div>'
    assert marked(html, "zh") == '<div lang="en"><p>The post of <span lang="zh">调研员</span>.</p></div>'


def test_an_inline_element_all_in_the_other_language_is_marked_itself():
    # A link named only by Latin words: the link is marked, so its accessible name is in its language.
    html = '<p>仓库：<a href="https://example.org/x">example-org/police-reform-edition</a>。</p>'
    assert marked(html, "zh") == (
        '<p>仓库：<a href="https://example.org/x" lang="en">example-org/police-reform-edition</a>。</p>'
    )


def test_every_unnamed_table_is_named_by_the_heading_above_it():
    content = Content(
        '<table><tr><td>1</td></tr></table><h2 id="figures">Figures</h2><p>x</p><table><tr><td>2</td></tr></table>'
        '<h3 id="named">N</h3><table aria-label="Own"><tr><td>3</td></tr></table>'
        "<table><caption>C</caption><tr><td>4</td></tr></table>"
    )
    assert name_tables(content) is True
    tables = content.body.css("table")
    assert [t.attributes.get("aria-labelledby") for t in tables] == [None, "figures", None, None]


def test_a_footnotes_way_back_is_titled_in_the_pages_language():
    content = Content(
        '<div class="footnote"><ol><li id="fn:x"><p>注。<a class="footnote-backref" href="#fnref:x"'
        ' title="Jump back to footnote 3 in the text">↩</a></p></li></ol></div>'
    )
    assert name_back_links(content, "返回正文中第 {n} 个注释处") is True
    assert 'title="返回正文中第 3 个注释处"' in content.html()
    assert name_back_links(Content("<p>No notes.</p>"), "{n}") is False
