"""The figures check refuses data and pages that part ways: changed wording, wrong values, unlisted figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from edition.checks.figures import check_charts, check_figure_data
from edition.model.data import FIGURES_FILE, Data, read_figures
from edition.model.figure_text import display, with_unit
from helpers import edition_from, page

ZH = "截至目前，办证点849个，累计异地办理身份证28万多张，完成率89.5%，公开比例达97%。2016年5月，“草原110”。\n{#a3-1-2}"
EN = "To date, there are 849 offices, more than 280,000 cards have been issued and the rate is 89.5% and the share 97%. In May 2016, Grassland 110.\n{#a3-1-2}"

FIGURES = """\
figures:
  - id: offices
    value: 849
    unit: {zh: 个, en: offices}
    label: {zh: 办证点, en: Offices}
    area: a3
    paragraph: a3-1-2
    zh: 办证点849个
    en: there are 849 offices
    key: true
  - id: cards
    value: 280000
    qualifier: more than
    unit: {zh: 张, en: cards}
    label: {zh: 身份证, en: Cards}
    area: a3
    paragraph: a3-1-2
    zh: 累计异地办理身份证28万多张
    en: more than 280,000 cards have been issued
  - id: rate
    value: 89.5
    unit: {zh: "%", en: "%"}
    label: {zh: 完成率, en: Rate}
    area: a3
    paragraph: a3-1-2
    zh: 完成率89.5%
    en: the rate is 89.5%
  - id: share
    value: 97
    unit: {zh: "%", en: "%"}
    label: {zh: 公开比例, en: Share}
    area: a3
    paragraph: a3-1-2
    zh: 公开比例达97%
    en: the share 97%
not_figures:
  - {reason: date, area: a3, paragraph: a3-1-2, zh: 2016年5月}
  - {reason: name, area: a3, paragraph: a3-1-2, zh: "“草原110”"}
charts:
  - id: both
    title: {zh: 图, en: Chart}
    figures: [rate, share]
"""


def data_from(text: str) -> Data:
    figures, not_figures, charts, problems = read_figures(text, "docs/data/figures.yml")
    return Data(figures=figures, not_figures=not_figures, charts=charts, problems={FIGURES_FILE: problems})


def check(tmp_path, zh: str = ZH, en: str = EN, figures: str = FIGURES):
    edition = edition_from(tmp_path, {"administration.zh.md": page("三", zh), "administration.en.md": page("3", en)})
    return check_figure_data(edition, data_from(figures), "docs/data/figures.yml")


def test_faithful_data_passes(tmp_path):
    assert check(tmp_path) == []


def test_a_figure_changed_in_the_english_is_refused_naming_the_page(tmp_path):
    [problem] = check(tmp_path, en=EN.replace("849 offices", "894 offices"))
    assert problem.path == "docs/administration.en.md"
    assert problem.line == 7  # the {#a3-1-2} line of the English page
    assert "no longer contains «there are 849 offices»" in problem.message
    assert "figure 'offices' (docs/data/figures.yml:2)" in problem.message


def test_a_reworded_english_phrase_is_refused(tmp_path):
    [problem] = check(
        tmp_path, en=EN.replace("more than 280,000 cards have been issued", "over 280,000 cards were issued")
    )
    assert (
        problem.path == "docs/administration.en.md" and "«more than 280,000 cards have been issued»" in problem.message
    )


def test_a_mistyped_value_is_refused_naming_the_data_file_and_line(tmp_path):
    [problem] = check(tmp_path, figures=FIGURES.replace("value: 849", "value: 848"))
    assert (problem.path, problem.line) == ("docs/data/figures.yml", 2)
    assert "value 848" in problem.message and "gives 849" in problem.message


def test_a_value_without_its_multiplier_is_refused(tmp_path):
    [problem] = check(tmp_path, figures=FIGURES.replace("value: 280000", "value: 28"))
    assert "value 28" in problem.message and "28万多" in problem.message


def test_an_approximate_figure_needs_its_qualifier(tmp_path):
    [problem] = check(tmp_path, figures=FIGURES.replace("    qualifier: more than\n", ""))
    assert "qualifier: more than" in problem.message and "28万多" in problem.message


def test_a_numeral_neither_listed_nor_excluded_is_refused_naming_the_chinese_page(tmp_path):
    figures = FIGURES.replace('  - {reason: name, area: a3, paragraph: a3-1-2, zh: "“草原110”"}\n', "")
    [problem] = check(tmp_path, figures=figures)
    assert problem.path == "docs/administration.zh.md" and problem.line == 7
    assert "has the figure 110" in problem.message and "not_figures" in problem.fix


def test_a_figure_dropped_from_the_data_is_refused(tmp_path):
    figures = FIGURES.replace(FIGURES[FIGURES.index("  - id: offices") : FIGURES.index("  - id: cards")], "")
    [problem] = check(tmp_path, figures=figures)
    assert "has the figure 849" in problem.message


def test_a_figure_listed_twice_is_refused(tmp_path):
    block = FIGURES[FIGURES.index("  - id: share") : FIGURES.index("not_figures:")]
    problems = check(tmp_path, figures=FIGURES.replace(block, block + block.replace("id: share", "id: share-again")))
    assert any("more often than" in p.message and p.path == "docs/data/figures.yml" for p in problems)


def test_a_paragraph_not_on_the_area_page_is_refused(tmp_path):
    problems = check(
        tmp_path,
        figures=FIGURES.replace(
            "area: a3\n    paragraph: a3-1-2\n    zh: 完成率", "area: a2\n    paragraph: a3-1-2\n    zh: 完成率"
        ),
    )
    assert any(p.path == "docs/data/figures.yml" and "not on the zh page of area 'a2'" in p.message for p in problems)


@pytest.mark.parametrize(
    ("broken", "expected"),
    [
        ("figures:\n  - id: x\n    zh: 'unclosed\n", "does not parse"),
        ("figures: []\nnot_figures: []\n", "the file has no 'charts'"),
        (FIGURES.replace("id: cards", "id: offices"), "used twice"),
        (FIGURES.replace("id: cards", "id: Cards Two"), "lowercase words"),
        (FIGURES.replace("id: offices", "id: [offices, desks]"), "'id' is not lowercase words joined by hyphens"),
        (
            FIGURES.replace(
                "area: a3\n    paragraph: a3-1-2\n    zh: 办证点", "area: a9\n    paragraph: a3-1-2\n    zh: 办证点"
            ),
            "area 'a9'",
        ),
        (FIGURES.replace("    label: {zh: 办证点, en: Offices}\n", ""), "figure 'offices' has no 'label'"),
        (
            FIGURES.replace("label: {zh: 办证点, en: Offices}", "label: {zh: 办证点, en: Offices, counters and desks}"),
            "'label' has unknown key(s): counters and desks",
        ),
        (FIGURES.replace("value: 849", "value: 八百"), "not a number"),
        (FIGURES.replace("qualifier: more than", "qualifier: about"), "'qualifier': 'about' is not one of"),
        (FIGURES.replace("figures: [rate, share]", "figures: [rate, nowhere]"), "do not exist: nowhere"),
        (FIGURES.replace("figures: [rate, share]", "figures: [offices, rate]"), "mixes units"),
    ],
)
def test_malformed_data_is_refused_with_its_line(tmp_path, broken, expected):
    problems = check(tmp_path, figures=broken)
    assert any(expected in p.message and p.path == "docs/data/figures.yml" for p in problems), problems


def test_a_chart_label_too_long_for_its_line_is_refused():
    data = data_from(FIGURES.replace("label: {zh: 完成率, en: Rate}", "label: {zh: 完成率, en: " + "Rate " * 12 + "}"))
    [problem] = check_charts(data, "docs/data/figures.yml")
    assert problem.line == 20 and "too long for chart 'both'" in problem.message


def test_values_are_shown_as_each_language_writes_them():
    data = data_from(FIGURES)
    offices, cards, rate, _ = data.figures
    assert cards.value == Decimal(280000)
    assert (display(cards, "zh"), display(cards, "en")) == ("28万多", "more than 280,000")
    assert (with_unit(cards, "zh"), with_unit(cards, "en")) == ("28万多张", "more than 280,000 cards")
    assert (with_unit(rate, "zh"), with_unit(rate, "en")) == ("89.5%", "89.5%")
    assert display(offices, "en") == "849"


def test_a_schema_refusal_names_the_key_line_and_the_fix_and_leaves_the_entry_out():
    """figures.yml is validated against a JSON Schema by the one YAML reader (edition/model/yaml_data.py)."""
    broken = FIGURES.replace("label: {zh: 办证点, en: Offices}", "label: {zh: 办证点}").replace(
        "qualifier: more than", "qualifier: about"
    )
    figures, _, charts, problems = read_figures(broken, "docs/data/figures.yml")
    lines = broken.splitlines()
    assert [(p.path, p.line, p.message, p.fix) for p in problems] == [
        (
            "docs/data/figures.yml",
            lines.index("    label: {zh: 办证点}") + 1,
            "figure 'offices', 'label' has no 'en'.",
            "write 'label: {zh: ..., en: ...}'.",
        ),
        (
            "docs/data/figures.yml",
            lines.index("    qualifier: about") + 1,
            "figure 'cards', 'qualifier': 'about' is not one of ['more than'].",
            "use one of more than, or leave it out.",
        ),
    ]
    assert [figure.id for figure in figures] == ["rate", "share"] and [chart.id for chart in charts] == ["both"]


def test_a_file_that_is_not_a_mapping_of_lists_cannot_be_used():
    data = data_from("- figures\n")
    [problem] = data.unusable(FIGURES_FILE)
    assert problem.line == 1 and "it must be a mapping with the lists figures, not_figures, charts" in problem.message
