"""The built Glossary and Measures pages, and the tooltips on the terms of the text pages."""

from __future__ import annotations

import pytest

from edition.data import AREAS
from edition.glossary import term_uses
from project import DATA, EDITION, LANGS, built_file, built_page
from site_links import broken_links


def test_the_glossary_has_at_least_sixty_terms_of_every_kind():
    assert len(DATA.terms) >= 60
    assert {t.kind for t in DATA.terms} == {
        "institution",
        "post",
        "unit",
        "person",
        "place",
        "slogan",
        "term",
        "publication",
    }


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_page_lists_every_term_with_working_links(built_site, lang):
    glossary = built_page(built_site.site, lang, "glossary")
    rows = glossary.select(".edition-table tbody tr")
    assert len(rows) == len(DATA.terms)
    for row, term in zip(rows, DATA.terms, strict=True):
        first, second = row.find_all("td")[:2]
        shown, other = (term.zh, term.en) if lang == "zh" else (term.en, term.zh)
        assert (first.get_text(), second.get_text()) == (shown, other)
        assert term.note[lang] in row.get_text()
    assert not glossary.select("article abbr"), "the glossary itself carries no tooltips"
    assert broken_links(built_site.site, built_file(built_site.site, lang, "glossary")) == []


@pytest.mark.parametrize("lang", LANGS)
def test_measures_page_lists_every_measure_by_area_with_working_links(built_site, lang):
    measures = built_page(built_site.site, lang, "measures")
    rows = measures.select(".edition-table tbody tr")
    assert len(rows) == len(DATA.measures) >= 60
    for row, measure in zip(rows, DATA.measures, strict=True):
        text = row.get_text()
        assert measure.zh in text and measure.en in text
        assert row.find_all("td")[-1].a["href"].endswith(f"{AREAS[measure.area]}/#{measure.paragraph}")
    wrapper = measures.select_one(".edition-table")
    assert wrapper["data-filter-column"] == "2"
    assert broken_links(built_site.site, built_file(built_site.site, lang, "measures")) == []


def test_every_term_used_in_the_text_has_a_tooltip_in_both_languages(built_site):
    uses = term_uses(EDITION, DATA.terms)
    for term in DATA.terms:
        tags = {(n, b.id): b.tag for n in AREAS.values() for b in EDITION.page(n, "zh").blocks}
        in_text = [
            (name, paragraph) for name, paragraph in uses[term.id] if tags[name, paragraph] != "h1"
        ]  # titles: none
        for name, paragraph in in_text[:1]:
            zh = built_page(built_site.site, "zh", name).find(id=paragraph)
            en = built_page(built_site.site, "en", name).find(id=paragraph)
            zh_titles = {a.get_text(): a["title"] for a in zh.find_all("abbr")}
            assert zh_titles.get(term.zh, "").startswith(term.en + " — "), (term.id, paragraph)
            # The English words may be part of a longer term's tooltip (大部门 within 大部门、大警种).
            forms = [form.casefold() for form in term.english_forms]
            en_marked = [a for a in en.find_all("abbr") if any(form in a.get_text().casefold() for form in forms)]
            assert any(term.zh in a["title"] for a in en_marked), (term.id, paragraph)
            assert all(a["tabindex"] == "0" for a in en_marked)


def test_tooltips_do_not_change_the_words(built_site):
    for name in AREAS.values():
        for lang in LANGS:
            built = built_page(built_site.site, lang, name)
            source = EDITION.page(name, lang)
            for block in source.blocks:
                element = built.find(id=block.id)
                for marker in element.select("sup[id^='fnref'], .edition-tools"):  # not the text: see reader_text
                    marker.decompose()
                assert element.get_text().strip() == block.text, (name, lang, block.id)
