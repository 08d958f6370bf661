"""The glossary check refuses an English paragraph that renders a term otherwise than the glossary."""

from __future__ import annotations

from edition.checks.glossary import NavLabel, check_glossary, nav_labels_in
from edition.model.data import GLOSSARY_FILE, Data, read_glossary
from edition.model.terms import TermFinder, term_uses
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
    assert any(line == 10 and "'kind': 'region' is not one of" in m for line, m in messages)
    assert any(line == 11 and "term 'autonomous-region', 'note' has no 'en'" in m for line, m in messages)
    assert any(line == 28 and "公安部 is listed twice" in m for line, m in messages)


def test_uses_are_the_paragraphs_where_the_finder_sees_the_term(tmp_path):
    edition = edition_from(tmp_path, {"p.zh.md": page("甲", ZH), "p.en.md": page("A", EN)}, ["p.md"])
    uses = term_uses(edition, data_from(GLOSSARY).terms)
    assert uses["autonomous-region"] == [("p", "a1-2")]
    assert uses["regional-department"] == [("p", "a1-1")]
    assert uses["league"] == []


# Titles, descriptions, the home page and the navigation: what a reader meets before the paragraphs.

TREATMENT = """\
  - id: preferential-treatment
    zh: 从优待警
    en: preferential treatment of police officers
    avoid: [care for officers]
    kind: slogan
    note: {zh: 政策。, en: A policy.}
"""


MINISTRY_AND_TREATMENT = "terms:\n" + GLOSSARY[GLOSSARY.index("  - id: ministry") :] + TREATMENT


def check_pages(tmp_path, files: dict[str, str], nav_labels=(), glossary: str = MINISTRY_AND_TREATMENT):
    edition = edition_from(tmp_path, files, list(dict.fromkeys(name.split(".")[0] + ".md" for name in files)))
    return check_glossary(edition, data_from(glossary), "docs/data/glossary.yml", nav_labels)


ZH_TREATMENT = "公安部出台从优待警措施。\n{#a5-5-1}"
EN_TREATMENT = (
    "The Ministry of Public Security issued measures for the preferential treatment of police officers.\n{#a5-5-1}"
)


def test_a_description_with_the_disallowed_rendering_is_refused_naming_file_and_line(tmp_path):
    problems = check_pages(
        tmp_path,
        {
            "p.zh.md": page("五、人民警察管理", ZH_TREATMENT, description="队伍管理、从优待警。"),
            "p.en.md": page("5. Police", EN_TREATMENT, description="Force management and care for officers."),
        },
    )
    assert {(p.path, p.line) for p in problems} == {("docs/p.en.md", 3)}
    messages = " ".join(p.message for p in problems)
    assert "the front-matter description does not render 从优待警 (docs/p.zh.md:3)" in messages
    assert "'care for officers' is a wrong rendering of 从优待警" in messages


def test_a_title_that_drops_the_rendering_is_refused(tmp_path):
    [problem] = check_pages(
        tmp_path,
        {"p.zh.md": page("公安部", ZH_TREATMENT), "p.en.md": page("The Police Ministry", EN_TREATMENT)},
    )
    assert (problem.path, problem.line) == ("docs/p.en.md", 2)
    assert "the front-matter title does not render 公安部" in problem.message


def test_titles_and_descriptions_that_use_the_renderings_pass(tmp_path):
    files = {
        "p.zh.md": page("公安部", ZH_TREATMENT, description="从优待警。"),
        "p.en.md": page(
            "Ministry of Public Security", EN_TREATMENT, description="Preferential treatment of police officers."
        ),
    }
    assert check_pages(tmp_path, files) == []


def test_the_home_page_is_compared_block_by_block(tmp_path):
    zh = "# 发布会\n\n本站收录公安部的文件。\n\n- [五](p.md)：从优待警。\n- [一](p.md)：组织领导。"
    en = "# Press conference\n\nThis site has a document of the Ministry of Public Security.\n\n- [5](p.md): care for officers.\n- [1](p.md): leadership."
    text = {"p.zh.md": page("甲", ZH_TREATMENT), "p.en.md": page("A", EN_TREATMENT)}
    problems = check_pages(tmp_path, {"index.zh.md": page("首页", zh), "index.en.md": page("Home", en), **text})
    assert {(p.path, p.line) for p in problems} == {("docs/index.en.md", 10)}
    assert any("block 3 of the page does not render 从优待警 (docs/index.zh.md:10)" in p.message for p in problems)
    fixed = en.replace("care for officers", "preferential treatment of police officers")
    assert check_pages(tmp_path, {"index.zh.md": page("首页", zh), "index.en.md": page("Home", fixed), **text}) == []


def test_a_disallowed_rendering_is_refused_anywhere_in_the_english(tmp_path):
    en = EN_TREATMENT + "\n\n[^note]: Not to be confused with Care for Officers week."
    [problem] = check_pages(tmp_path, {"p.zh.md": page("甲", ZH_TREATMENT), "p.en.md": page("A", en)})
    assert (problem.path, problem.line) == ("docs/p.en.md", 9)
    assert "'Care for Officers' is a wrong rendering of 从优待警" in problem.message


def test_navigation_labels_are_checked_and_located_in_mkdocs_yml():
    config = "plugins:\n  - i18n:\n      languages:\n        - locale: en\n          nav_translations:\n            首页: Home\n            公安部: The Police Ministry\n            从优待警: Care for officers\n"
    labels = nav_labels_in(
        config, "mkdocs.yml", [{"首页": "Home", "公安部": "The Police Ministry", "从优待警": "Care for officers"}]
    )
    assert [(label.zh, label.line) for label in labels] == [("首页", 6), ("公安部", 7), ("从优待警", 8)]


def test_a_navigation_label_with_a_wrong_rendering_is_refused(tmp_path):
    labels = [
        NavLabel("公安部", "The Police Ministry", "mkdocs.yml", 7),
        NavLabel("从优待警", "Care for officers", "mkdocs.yml", 8),
    ]
    files = {"p.zh.md": page("甲", ZH_TREATMENT), "p.en.md": page("A", EN_TREATMENT)}
    problems = check_pages(tmp_path, files, labels)
    located = sorted((p.path, p.line) for p in problems)
    assert located == [("mkdocs.yml", 7), ("mkdocs.yml", 8), ("mkdocs.yml", 8)]
    assert any("the navigation label 'The Police Ministry' does not render 公安部" in p.message for p in problems)


def test_an_avoid_list_that_is_not_a_list_of_wordings_is_refused(tmp_path):
    [problem] = check_pages(
        tmp_path,
        {"p.zh.md": page("甲", ZH_TREATMENT), "p.en.md": page("A", EN_TREATMENT)},
        glossary=MINISTRY_AND_TREATMENT.replace("avoid: [care for officers]", "avoid: care for officers"),
    )
    assert problem.path == "docs/data/glossary.yml" and "'avoid' is not a list of English wordings" in problem.message


def test_a_schema_refusal_names_the_key_line_and_the_fix_and_leaves_the_entry_out():
    """glossary.yml is validated against a JSON Schema by the one YAML reader (edition/model/yaml_data.py)."""
    broken = GLOSSARY.replace("    also: [league and city]\n", "    also: league and city\n")
    terms, problems = read_glossary(broken, "docs/data/glossary.yml")
    [problem] = problems
    assert (problem.path, problem.line, problem.message, problem.fix) == (
        "docs/data/glossary.yml",
        broken.splitlines().index("    also: league and city") + 1,
        "term 'leagues-and-cities', 'also' is not a list of English forms.",
        "write 'also: [plural form, other form]' or leave it out.",
    )
    assert "leagues-and-cities" not in [term.id for term in terms] and len(terms) == 4
