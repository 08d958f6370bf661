"""Other names indexed with the words (edition/search_aliases.py): spellings, hyphens, glossary names.

The facts come from the libraries and the glossary, not from lists written here: a variant is
whatever breame's list pairs, a pinyin whatever pypinyin reads, a name whatever glossary.yml holds.
"""

from __future__ import annotations

import json
from pathlib import Path

from breame.data.spelling_constants import AMERICAN_ENGLISH_SPELLINGS, BRITISH_ENGLISH_SPELLINGS
from pypinyin import Style, lazy_pinyin

from edition.model.data import GLOSSARY_FILE, Term, read_glossary
from edition.outputs.search_aliases import Aliases, joined_forms, pinyin, spelling_variants
from edition.outputs.search_index import Entry, build_index, shard_of

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "docs" / "data" / GLOSSARY_FILE
TERMS, _ = read_glossary(GLOSSARY.read_text(encoding="utf-8"), str(GLOSSARY))


def test_each_british_and_american_pair_of_the_list_maps_both_ways():
    pairs = [(b, a) for b, a in BRITISH_ENGLISH_SPELLINGS.items() if " " not in a and a != b]
    assert len(pairs) > 1000
    wrong = [(b, a) for b, a in pairs if a not in spelling_variants(b)]
    back = [(a, b) for b, a in pairs if AMERICAN_ENGLISH_SPELLINGS.get(a) == b and b not in spelling_variants(a)]
    assert wrong == [] and back == []


def test_a_nominal_suffix_the_list_lacks_is_changed_as_its_pairs_change_it():
    assert "modernisation" not in BRITISH_ENGLISH_SPELLINGS  # the gap the rule fills
    assert spelling_variants("modernisation") == ("modernization",)
    assert spelling_variants("modernization") == ("modernisation",)


def test_words_without_another_spelling_get_none():
    for word in ("police", "promise", "exercise", "reform", "for", "nation"):
        assert spelling_variants(word) == (), word


def test_hyphenated_compounds_are_also_joined():
    assert joined_forms("body-worn cameras and e-government, a well-known multi-layer-ed x") == [
        "bodyworn",
        "egovernment",
        "wellknown",
        "multilayered",
    ]
    assert joined_forms("no compounds - here") == []


def test_pinyin_is_toneless_joined_and_gives_u_umlaut_both_ways():
    assert pinyin("乌兰察布") == ["".join(lazy_pinyin("乌兰察布", style=Style.NORMAL))]
    assert pinyin("绿色") == ["lvse", "luse"]
    assert pinyin("ABC") == []  # nothing Chinese, nothing to read


def glossary_term(zh: str) -> Term:
    term = next((term for term in TERMS if term.zh == zh), None)
    assert term is not None, f"{zh} is not in {GLOSSARY_FILE}"
    return term


def test_where_a_term_stands_its_other_names_come_with_it_in_either_language():
    aliases = Aliases(TERMS)
    term = next(term for term in TERMS if term.kind == "place" and term.also == ())
    chinese = aliases.of(f"设在{term.zh}的中心", [])
    english = aliases.of(f"a centre in {term.en}", ["a", "centre", "in"])
    for found in (chinese, english):
        assert pinyin(term.zh)[0] in found
        assert all(word in found for word in term.en.lower().split())
    assert "center" in english  # and the spelling of the sentence's own word


def test_text_without_a_term_or_a_variant_has_no_other_names():
    assert Aliases(TERMS).of("这里没有术语 nothing here", ["nothing", "here"]) == {}


def test_the_index_finds_an_entry_by_its_other_names_and_says_which_words_a_slip_may_mean():
    term = glossary_term("户口")
    entry = Entry("administration/#a3-1-1", "¶ a3-1-1", ["Registering a newborn's 户口 was made easier."], "paragraph")
    files = build_index([Entry("x/", "X", ["other"], "page"), entry], {}, aliases=Aliases(TERMS))
    meta = json.loads(files["meta.json"])
    for name in (pinyin(term.zh)[0], *term.en.lower().split()):
        shard = json.loads(files[f"shards/{shard_of(name, meta['shards'])}.json"])
        assert shard["t"].get(name, [None])[0] == 1, name
    words = json.loads(files["words.json"])
    assert {"registering", "hukou", "other"} <= set(words) and "was" not in words
    assert all(len(word) >= 4 and word.isalpha() for word in words)
