"""The per-language search index: paragraph entries, Chinese segmented so readers' queries match."""

from __future__ import annotations

import json
import re

from edition.search_index import Labels, index_json, page_entries, segment_chinese

PAGE = """
<h1 id="a3">三、大力推进公安行政管理机制改革</h1>
<h2 id="a3-1">一是不断出台便民利民措施 <span class="edition-tools"><a href="#a3-1">a3-1</a></span></h2>
<p id="a3-1-2">在全国率先开展了居民身份证异地办理，办证点849个<sup id="fnref:x"><a href="#fn:x">1</a></sup>。</p>
<p>没有编号的一段。</p>
<div class="footnote"><ol><li id="fn:x"><p>注释文字。<a class="footnote-backref" href="#fnref:x">↩</a></p></li></ol></div>
"""


def entries():
    return page_entries(
        PAGE, "administration/", "三、公安行政管理", "描述。", ["a3", "a3-1", "a3-1-2"], Labels(note="注 {n}")
    )


def test_every_paragraph_with_an_id_is_its_own_entry_linking_to_it():
    by_location = {entry.location: entry for entry in entries()}
    assert list(by_location) == [
        "administration/",
        "administration/#a3",
        "administration/#a3-1",
        "administration/#a3-1-2",
        "administration/#fn:x",
    ]
    assert by_location["administration/#a3-1-2"].title == "¶ a3-1-2"
    assert by_location["administration/#a3-1-2"].blocks == ["在全国率先开展了居民身份证异地办理，办证点849个。"]
    assert by_location["administration/#fn:x"].title == "注 1"


def test_tools_footnote_markers_and_backlinks_are_not_text():
    by_location = {entry.location: entry for entry in entries()}
    assert by_location["administration/#a3-1"].title == "一是不断出台便民利民措施"
    assert by_location["administration/#fn:x"].blocks == ["注释文字。"]


def test_text_without_an_id_belongs_to_the_heading_above():
    by_location = {entry.location: entry for entry in entries()}
    assert by_location["administration/#a3-1"].blocks == ["没有编号的一段。"]
    assert by_location["administration/"].blocks == ["描述。"]


def test_chinese_words_inside_longer_words_and_figures_with_units_are_searchable():
    text, extra = segment_chinese("在全国率先开展了居民身份证异地办理，办证点849个，异地办证28万多张")
    assert "居民身份证" in text.split("\u200b")  # what the result shows, segmented invisibly
    assert text.replace("\u200b", "") == "在全国率先开展了居民身份证异地办理，办证点849个，异地办证28万多张"
    for word in ("身份证", "身份", "居民", "849个", "28万多张"):
        assert word in extra, word


def test_each_language_has_its_own_index_settings():
    zh = json.loads(index_json(entries(), "zh"))
    en = json.loads(index_json(entries(), "en"))
    assert zh["config"]["lang"] == en["config"]["lang"] == ["en"]
    assert "trimmer" not in zh["config"]["pipeline"]  # lunr's trimmer would strip Han characters
    assert en["config"]["pipeline"] == ["trimmer", "stopWordFilter", "stemmer"]
    assert re.split(zh["config"]["separator"], "居民\u200b身份证，849") == ["居民", "身份证", "849"]
    paragraph = next(doc for doc in zh["docs"] if doc["location"] == "administration/#a3-1-2")
    assert "身份证" in paragraph["terms"].split("\u200b")
    assert paragraph["text"].startswith("<p>")
    assert "terms" not in next(doc for doc in en["docs"] if doc["location"] == "administration/#a3-1-2")


def test_built_site_has_one_index_per_language(built_site):
    zh = json.loads((built_site.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    en = json.loads((built_site.site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert zh["docs"] and en["docs"]
    assert not [doc for doc in zh["docs"] if doc["location"].startswith("en/")]
    assert all(ch < "\u4e00" or ch > "\u9fff" for doc in en["docs"] for ch in doc["title"])
    assert any(doc["location"] == "administration/#a3-1-2" for doc in en["docs"])
    assert any(doc["location"] == "administration/#a3-1-2" for doc in zh["docs"])


def test_page_entry_holds_title_and_description_only_and_boost_weighs_every_entry():
    content = '<h1 id="_1">术语表</h1><p>正文说明。</p><table><tr><td>一长四必</td></tr></table>'
    entries = page_entries(content, "glossary/", "术语表", "描述。", [], Labels(), boost=0.25)
    assert [(e.location, e.blocks) for e in entries] == [
        ("glossary/", ["描述。"]),
        ("glossary/#_1", ["正文说明。", "一长四必"]),
    ]
    assert {json.loads(index_json(entries, "zh"))["docs"][i]["boost"] for i in range(2)} == {0.25}
