"""The search index (edition/outputs/search_index.py): entries, sharded postings, twins, one per language."""

from __future__ import annotations

import json
from pathlib import Path

import snowballstemmer

from edition.outputs.search_index import Entry, Labels, add_twins, build_index, page_entries, shard_of
from edition.outputs.search_text import normalise, tokens

PAGE = """
<h1 id="a3">三、大力推进公安行政管理机制改革</h1>
<h2 id="a3-1">一是不断出台便民利民措施 <span class="edition-tools"><a href="#a3-1">a3-1</a></span></h2>
<p id="a3-1-2">在全国率先开展了居民身份证异地办理，办证点849个<sup id="fnref:x"><a href="#fn:x">1</a></sup>。</p>
<p>没有编号的一段。</p>
<div class="footnote"><ol><li id="fn:x"><p>注释文字。<a class="footnote-backref" href="#fnref:x">↩</a></p></li></ol></div>
"""


def entries() -> list[Entry]:
    return page_entries(
        PAGE, "administration/", "三、公安行政管理", "描述。", ["a3", "a3-1", "a3-1-2"], Labels(note="注 {n}")
    )


def load(files: dict[str, bytes]) -> tuple[dict, list[dict]]:
    meta = json.loads(files["meta.json"])
    shards = [json.loads(files[f"shards/{n}.json"]) for n in range(meta["shards"])]
    return meta, shards


def postings(files: dict[str, bytes], term: str) -> list[int]:
    meta, shards = load(files)
    return shards[shard_of(term, meta["shards"])]["t"].get(term, [])


def test_every_paragraph_with_an_id_is_its_own_entry_linking_to_it():
    by_location = {entry.location: entry for entry in entries()}
    assert list(by_location) == [
        "administration/",
        "administration/#a3",
        "administration/#a3-1",
        "administration/#a3-1-2",
        "administration/#fn:x",
    ]
    assert by_location["administration/#a3-1-2"].kind == "paragraph"
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


def test_every_token_of_every_entry_is_in_the_shard_its_key_names():
    found = entries()
    files = build_index(found, {})
    for number, entry in enumerate(found):
        title = entry.title if entry.kind != "paragraph" else ""  # "¶ a3-1-2" is a label, not text
        for token in [*tokens(normalise(title)), *tokens(normalise(entry.text))]:
            assert number in postings(files, token.text)[::2], (token, entry.location)


def test_the_paragraph_of_a_figure_is_found_by_the_figure_with_its_unit():
    files = build_index(entries(), {})
    paragraph = [e.location for e in entries()].index("administration/#a3-1-2")
    assert postings(files, "849个")[::2] == [paragraph]
    assert postings(files, "身份")[::2] == [paragraph]


def test_pages_files_hold_the_text_a_result_shows():
    files = build_index(entries(), {})
    meta, _ = load(files)
    assert meta["pages"] == [["administration/", "三、公安行政管理"]]
    docs = json.loads(files["pages/0.json"])
    assert [doc[1] for doc in docs] == ["", "a3", "a3-1", "a3-1-2", "fn:x"]
    assert docs[3][3] == "在全国率先开展了居民身份证异地办理，办证点849个。"
    assert meta["version"] and len(meta["entries"]) == 5


def test_title_tokens_weigh_more_than_body_tokens():
    page = [Entry("a/", "户籍", ["别的"], "page"), Entry("b/", "别的", ["户籍"], "page")]
    weights = postings(build_index(page, {}), "户籍")
    assert weights[0] == 0 and weights[1] > weights[3]


def test_boost_below_one_weighs_a_page_down():
    plain = Entry("a/#x", "¶ x", ["户籍制度"], "paragraph")
    listed = Entry("glossary/#y", "¶ y", ["户籍制度"], "paragraph", boost=0.25)
    weights = postings(build_index([plain, listed], {}), "户籍")
    assert weights[1] > 3 * weights[3]


def test_english_entries_are_found_by_the_chinese_of_their_twins():
    english = [Entry("a/#a3-1-2", "¶ a3-1-2", ["Cross-region identity cards."], "paragraph")]
    add_twins(english, [Entry("a/#a3-1-2", "¶ a3-1-2", ["身份证异地办理"], "paragraph")])
    files = build_index(english, {})
    assert postings(files, "异地")[::2] == [0]
    assert json.loads(files["pages/0.json"])[0][3] == "Cross-region identity cards."  # shown in English


def test_english_words_carry_their_stem():
    files = build_index([Entry("a/", "Registered residents", [], "page")], {})
    meta, shards = load(files)
    shard = shards[shard_of("registered", meta["shards"])]
    assert shard["s"]["registered"] == "regist"


def test_the_stems_are_snowball_english_from_its_c_implementation(built_site):
    """The index stems with PyStemmer (Snowball in C, through snowballstemmer); every stem of the
    built English index is the one the pure-Python Snowball stemmer gives."""
    import Stemmer  # PyStemmer: requirements.txt
    from snowballstemmer.english_stemmer import EnglishStemmer

    assert snowballstemmer.stemmer is Stemmer.Stemmer
    python = EnglishStemmer()
    stems, words = {}, []
    for shard in (built_site.site / "en" / "search" / "shards").glob("*.json"):
        data = json.loads(shard.read_text(encoding="utf-8"))
        stems.update(data["s"])
        words += [term for term in data["t"] if term[0].isalpha() and term.isascii()]
    expected = {word: python.stemWord(word) for word in words}
    assert len(stems) > 300
    assert stems == {word: stem for word, stem in expected.items() if stem != word}


def test_the_simplify_map_ships_in_meta():
    files = build_index(entries(), {"證": "证"})
    assert json.loads(files["meta.json"])["simplify"] == "證证"


def index_files(site: Path, prefix: str) -> dict:
    meta = json.loads((site / prefix / "search" / "meta.json").read_text(encoding="utf-8"))
    return meta


def test_built_site_has_one_index_per_language(built_site):
    zh = index_files(built_site.site, "")
    en = index_files(built_site.site, "en")
    for meta in (zh, en):
        assert meta["shards"] >= 8
        assert not [page for page, _ in meta["pages"] if page.startswith(("en/", "parallel/"))]
        assert ["administration/", "三、公安行政管理"] in zh["pages"]
    assert all(not ("\u4e00" <= ch <= "\u9fff") for _, title in en["pages"] for ch in title)
    assert "證" in zh["simplify"] and "證" in en["simplify"]  # Chinese queries on both sites
    assert not (built_site.site / "search" / "search_index.json").exists()  # Material's index is gone


def test_a_corrected_slip_is_found_by_the_source_words_and_by_the_correction():
    files = build_index([Entry("ov/#ov-2", "¶ ov-2", ["截止〔截至〕目前，函待〔亟待〕解决"], "paragraph")], {})
    for pair in ("止目", "至目", "函待", "亟待", "待解"):
        assert postings(files, pair)[::2] == [0], pair
