"""How search reads text (edition/outputs/search_text.py): the promises recall rests on."""

from __future__ import annotations

from edition.outputs.script_variants import simplify_map
from edition.outputs.search_text import bigrams, compact, han_runs, normalise, readings, terms, tokens


def texts(text: str) -> list[str]:
    return [token.text for token in tokens(normalise(text))]


def test_every_run_of_two_han_characters_is_a_token_across_punctuation():
    found = texts("推进“大部门、大警种”制度改革")
    for pair in ("大部", "部门", "门大", "大警", "警种", "种制"):
        assert pair in found, pair
    assert [run for _, run in han_runs("大部门、大警种")] == ["大部门大警种"]


def test_a_run_ends_with_its_last_character_so_one_character_finds_it():
    assert bigrams("公安局") == ["公安", "安局", "局$"]


def test_digits_and_latin_break_a_han_run():
    assert texts("草原110报警") == ["草原", "原$", "110", "110报", "报警", "警$"]


def test_figures_with_units_and_percent_signs():
    found = texts("办证点849个，累计28万多张，3.3亿元，公开率97％")
    for token in ("849", "849个", "28万", "3.3", "3.3亿", "97", "97%"):
        assert token in found, token


def test_thousands_separators_and_full_width_forms_are_normalised():
    assert normalise("11,380 people") == "11380 people"
    assert normalise("１１３８０ＡＢＣ") == "11380abc"
    assert normalise("2,5") == "2,5"  # not a thousands separator


def test_english_words_are_lower_case_tokens():
    assert texts("Community policing, 97% of cases") == ["community", "policing", "97", "97%", "of", "cases"]


def test_traditional_characters_map_to_the_simplified_ones_of_the_text():
    mapping = simplify_map(["居民身份证异地办理户籍警务辅助呼伦贝尔"])
    assert normalise("身份證戶籍警務輔助呼倫貝爾", mapping) == "身份证户籍警务辅助呼伦贝尔"
    assert "证" not in mapping and "身" not in mapping  # simplified characters stay


def test_a_simplified_character_of_the_text_is_never_rewritten():
    # 乾 is traditional for 干 but also a character of its own (乾隆): if the text has it, it stays.
    mapping = simplify_map(["干部", "乾隆"])
    assert "乾" not in mapping


def test_compact_drops_punctuation_and_spaces_for_exact_phrase_comparison():
    assert compact(normalise("“大部门、大警种”")) == "大部门大警种"
    assert compact(normalise("Community policing")) == "communitypolicing"


def test_corrections_are_read_as_printed_as_the_source_has_them_and_as_corrected():
    assert readings("截止〔截至〕目前，函待〔亟待〕解决") == [
        "截止〔截至〕目前，函待〔亟待〕解决",
        "截止目前，函待解决",
        "截至目前，亟待解决",
    ]
    assert readings("增强〔，〕满意率") == ["增强〔，〕满意率", "增强满意率", "增强，满意率"]
    assert readings("没有更正") == ["没有更正"]


def test_the_index_counts_the_same_terms_as_the_tokens():
    """search_text.terms (unordered, for the index) against tokens: the same terms, and the twin's
    share is the Han bigrams and the numbers with units."""
    for text in (
        "截至目前，全区城镇化率达到59.5%，办证点849个，累计28万多张；共为11,380个",
        "Police 3.3 billion yuan, 97% of 2017",
        "",
    ):
        normal = normalise(text)
        every, lent = terms(normal)
        found = tokens(normal)
        assert sorted(every) == sorted(token.text for token in found)
        assert sorted(lent) == sorted(token.text for token in found if token.kind in ("han", "unit"))
