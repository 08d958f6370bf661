"""The glossary check refuses an English paragraph that renders a term otherwise than the glossary."""

from __future__ import annotations

from edition.data import GLOSSARY_FILE, Data, read_glossary
from edition.glossary import TermFinder, check_glossary, term_uses
from helpers import edition_from, page

GLOSSARY = """\
terms:
  - id: regional-department
    zh: 自治区公安厅
    en: Autonomous Region Public Security Department
    kind: institution
    note: {zh: 公安厅。, en: The department.}
  - id: autonomous-region
    zh: 自治区
    en: Autonomous Region
    kind: unit
    note: {zh: 省级。, en: Province-level.}
  - id: leagues-and-cities
    zh: 盟市
    en: leagues and cities
    also: [league and city]
    kind: unit
    note: {zh: 地级。, en: Prefecture-level.}
  - id: league
    zh: 盟
    en: league
    kind: unit
    note: {zh: 地级。, en: Prefecture-level.}
  - id: ministry
    zh: 公安部
    en: Ministry of Public Security
    kind: institution
    note: {zh: 部。, en: The ministry.}
"""

ZH = "自治区公安厅与盟市公安局签订责任状，经验被公安部刊发。\n{#a1-1}\n\n自治区人民政府印发办法。\n{#a1-2}"
EN = "The Autonomous Region Public Security Department signed pledges with the league and city bureaus; the Ministry of Public Security published it.\n{#a1-1}\n\nThe Autonomous Region Government issued measures.\n{#a1-2}"


def data_from(text: str) -> Data:
    terms, problems = read_glossary(text, "docs/data/glossary.yml")
    return Data(terms=terms, problems={GLOSSARY_FILE: problems})


def check(tmp_path, zh: str = ZH, en: str = EN, glossary: str = GLOSSARY):
    edition = edition_from(tmp_path, {"p.zh.md": page("甲", zh), "p.en.md": page("A", en)}, ["p.md"])
    return check_glossary(edition, data_from(glossary), "docs/data/glossary.yml")


def test_chinese_terms_are_found_without_word_boundaries_longest_first():
    finder = TermFinder(data_from(GLOSSARY).terms, "zh")
    assert [t.zh for t in finder.terms_in("经验被中央深改办、公安部刊发；自治区公安厅与盟市")] == [
        "公安部",
        "自治区公安厅",
        "盟市",
    ]


def test_english_forms_are_found_as_whole_words_ignoring_case():
    finder = TermFinder(data_from(GLOSSARY).terms, "en")
    found = [
        t.id
        for t in finder.terms_in(
            "League and city bureaus of the autonomous region; leagues-and-cities; Ministry of Public Security"
        )
    ]
    assert found == ["leagues-and-cities", "autonomous-region", "ministry"]


def test_consistent_renderings_pass_including_listed_forms(tmp_path):
    assert check(tmp_path) == []


def test_a_term_rendered_otherwise_in_the_english_is_refused_naming_the_page_and_glossary_line(tmp_path):
    [problem] = check(tmp_path, en=EN.replace("the Ministry of Public Security", "the Public Security Ministry"))
    assert problem.path == "docs/p.en.md" and problem.line == 7
    assert "does not render 公安部 (docs/p.zh.md:7)" in problem.message
    assert "'Ministry of Public Security' (docs/data/glossary.yml:23)" in problem.message


def test_a_rendering_changed_in_the_glossary_only_is_refused(tmp_path):
    [problem] = check(
        tmp_path, glossary=GLOSSARY.replace("en: Ministry of Public Security", "en: Public Security Ministry")
    )
    assert problem.path == "docs/p.en.md" and "'Public Security Ministry'" in problem.message


def test_a_shorter_term_inside_a_longer_one_is_not_a_use_of_its_own(tmp_path):
    # 盟市 contains 盟 and 自治区公安厅 contains 自治区: only the longer terms need their rendering.
    assert check(tmp_path, en=EN.replace("league and city", "leagues and cities")) == []


def test_a_paragraph_dropping_the_rendering_is_refused(tmp_path):
    [problem] = check(tmp_path, en=EN.replace("The Autonomous Region Government", "Its government"))
    assert "#a1-2" in problem.message and "自治区" in problem.message


def test_a_term_the_text_does_not_use_is_refused(tmp_path):
    glossary = GLOSSARY + "  - {id: hohhot, zh: 呼和浩特, en: Hohhot, kind: place, note: {zh: 首府。, en: Capital.}}\n"
    [problem] = check(tmp_path, glossary=glossary)
    assert problem.path == "docs/data/glossary.yml" and problem.line == 28 and "not used" in problem.message


def test_malformed_entries_are_refused_with_their_lines(tmp_path):
    broken = GLOSSARY.replace(
        "kind: unit\n    note: {zh: 省级。, en: Province-level.}", "kind: region\n    note: {zh: 省级。}"
    )
    broken += "  - {id: ministry-again, zh: 公安部, en: MPS, kind: institution, note: {zh: 部。, en: Ministry.}}\n"
    messages = [(p.line, p.message) for p in check(tmp_path, glossary=broken)]
    assert any(line == 7 and "kind 'region'" in m for line, m in messages)
    assert any(line == 7 and "'note' in both languages" in m for line, m in messages)
    assert any(line == 28 and "公安部 is listed twice" in m for line, m in messages)


def test_uses_are_the_paragraphs_where_the_finder_sees_the_term(tmp_path):
    edition = edition_from(tmp_path, {"p.zh.md": page("甲", ZH), "p.en.md": page("A", EN)}, ["p.md"])
    uses = term_uses(edition, data_from(GLOSSARY).terms)
    assert uses["autonomous-region"] == [("p", "a1-2")]
    assert uses["regional-department"] == [("p", "a1-1")]
    assert uses["league"] == []
