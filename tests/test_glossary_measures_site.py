"""The built Glossary and Measures pages, and the tooltips on the terms of the text pages."""

from __future__ import annotations

import pytest

from edition.model.terms import term_uses
from edition.outputs.tooltips import HEADINGS
from project import AREAS, DATA, EDITION, LANGS, built_file, built_page
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


def test_every_term_used_on_a_page_has_one_tooltip_in_each_language(built_site):
    uses = term_uses(EDITION, DATA.terms)
    for name in dict.fromkeys(AREAS.values()):
        tags = {b.id: b.tag for b in EDITION.page(name, "zh").blocks}
        # Terms of the running text only: titles and headings carry no tooltips (edition/outputs/tooltips.py).
        used = [t for t in DATA.terms if any(n == name and tags[p] not in HEADINGS for n, p in uses[t.id])]
        zh = built_page(built_site.site, "zh", name).find("article")
        en = built_page(built_site.site, "en", name).find("article")
        zh_marked = [(a.get_text(), a["title"]) for a in zh.find_all("abbr")]
        en_marked = [(a.get_text(), a["title"]) for a in en.find_all("abbr")]
        for term in used:
            # Chinese: the first use of the term on the page is marked, and no other.
            assert [title for text, title in zh_marked if text == term.zh] == [
                next(title for text, title in zh_marked if text == term.zh)
            ], (name, term.id)
            assert next(title for text, title in zh_marked if text == term.zh).startswith(term.en + " — ")
            # English: the words may be part of a longer term's tooltip (大部门 within 大部门、大警种).
            forms = [form.casefold() for form in term.english_forms]
            tips = [title for text, title in en_marked if any(f in text.casefold() for f in forms)]
            assert any(term.zh in title for title in tips), (name, term.id)
        # Once per page: no tooltip is repeated (the dotted underline under the same term again and again).
        assert len({title for _, title in zh_marked}) == len(zh_marked), name
        assert len({title for _, title in en_marked}) == len(en_marked), name
        assert all(a["tabindex"] == "0" for a in en.find_all("abbr") + zh.find_all("abbr"))


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
