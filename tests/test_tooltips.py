"""Tooltips mark the first use of each glossary term on a page, in the reader's language."""

from __future__ import annotations

from bs4 import BeautifulSoup

from edition.outputs.tooltips import annotate
from test_check_glossary import GLOSSARY, data_from

TERMS = data_from(GLOSSARY).terms


def marked(html: str, reader: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(annotate(html, TERMS, reader, ["zh", "en"]), "html.parser")
    return [(abbr.get_text(), abbr["title"]) for abbr in soup.find_all("abbr")]


def test_a_chinese_term_shows_its_english_and_the_chinese_note():
    assert marked("<p>经验被公安部刊发。</p>", "zh") == [("公安部", "Ministry of Public Security — 部。")]


def test_an_english_term_shows_its_chinese_and_the_english_note():
    assert marked("<p>the Ministry of Public Security published it.</p>", "en") == [
        ("Ministry of Public Security", "公安部 — The ministry.")
    ]


def test_only_the_first_use_on_the_page_is_marked_and_the_text_is_unchanged():
    html = "<h2>盟市</h2><p>公安部、公安部。</p><p>公安部与盟市。</p><ul><li>公安部</li></ul>"
    out = annotate(html, TERMS, "zh", ["zh", "en"])
    soup = BeautifulSoup(out, "html.parser")
    assert [p.get_text() for p in soup.find_all(["h2", "p", "li"])] == [
        "盟市",
        "公安部、公安部。",
        "公安部与盟市。",
        "公安部",
    ]
    # The heading is not running text: 盟市 is marked at its first use in the body instead.
    assert [len(p.find_all("abbr")) for p in soup.find_all(["h2", "p", "li"])] == [0, 1, 1, 0]


def test_titles_and_headings_of_every_level_are_left_for_the_body():
    headings = "".join(f"<h{n}>公安部</h{n}>" for n in range(1, 7))
    html = f"{headings}<table><caption>盟市</caption><tr><th>盟市</th></tr></table><p>先是盟市，后是公安部。</p>"
    soup = BeautifulSoup(annotate(html, TERMS, "zh", ["zh", "en"]), "html.parser")
    assert soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "caption", "th"])
    assert [abbr.parent.name for abbr in soup.find_all("abbr")] == ["p", "p"]
    assert [abbr.get_text() for abbr in soup.find_all("abbr")] == ["盟市", "公安部"]


def test_the_built_site_marks_no_title_heading_contents_or_navigation(built_site):
    """Every built page: no glossary mark in <title>, a heading, the table of contents or the navigation."""
    pages = sorted(built_site.site.rglob("index.html"))
    assert len(pages) > 20
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        outside = soup.select(
            "title abbr, h1 abbr, h2 abbr, h3 abbr, h4 abbr, h5 abbr, h6 abbr, nav abbr, .md-nav abbr, .md-header abbr"
        )
        assert outside == [], f"{path}: {outside[0]}"
    overview = BeautifulSoup(
        (built_site.site / "en" / "overview" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    headline = overview.find(id="ov-headline")
    assert "Autonomous Region Public Security Department" in headline.get_text() and not headline.find("abbr")
    first = overview.find("abbr", string="Autonomous Region Public Security Department")
    assert first is not None and first.find_parent("p")["id"] == "ov-lead"  # its first use in the body


def test_a_side_by_side_page_marks_the_first_use_in_each_language():
    html = '<div lang="zh"><p>公安部</p></div><div lang="en"><p>Ministry of Public Security</p></div>' * 2
    assert [text for text, _ in marked(html, "en")] == ["公安部", "Ministry of Public Security"]


def test_marked_terms_are_keyboard_focusable():
    soup = BeautifulSoup(annotate("<p>盟市公安局</p>", TERMS, "zh", ["zh", "en"]), "html.parser")
    assert soup.abbr["tabindex"] == "0" and soup.abbr.get_text() == "盟市"


def test_links_the_page_title_code_and_footnotes_are_left_alone():
    html = '<h1>公安部</h1><p><a href="#x">公安部</a> <code>公安部</code></p><div class="footnote"><p>公安部</p></div>'
    assert marked(html, "zh") == []


def test_quoted_text_uses_the_finder_of_its_own_language():
    html = '<div lang="zh"><p>公安部</p></div><div lang="en"><p>Ministry of Public Security</p></div>'
    assert marked(html, "en") == [
        ("公安部", "Ministry of Public Security — The ministry."),
        ("Ministry of Public Security", "公安部 — The ministry."),
    ]
