"""The figures check refuses an English paragraph whose figures differ from its Chinese twin's."""

from decimal import Decimal

import pytest

from edition.checks.numbers import check_figures
from edition.model.figure_text import chinese_figures, english_figures, english_form
from helpers import edition_from, page


@pytest.mark.parametrize(
    ("chinese", "keys"),
    [
        ("整合200个业务系统、276类900多亿条数据", ["200", "276", "90000000000"]),
        ("累计异地办理身份证28万多张", ["280000"]),
        ("投入3.3亿元，投资8000多万元", ["330000000", "80000000"]),
        ("分别为4.5万余人、 2.5万余人、1900余人", ["45000", "25000", "1900"]),
        ("完成率89.5%，高于全国平均水平3.4个百分点", ["89.5%", "3.4"]),
        ("2016年5月，今年4月，时间：2017年09月28日", ["2016", "month 5", "month 4", "2017", "month 9", "28"]),
        ("全面落实了“3个100%”措施，“1+N”", ["3", "100%", "1"]),
    ],
)
def test_chinese_figures_are_converted(chinese, keys):
    assert [f.key for f in chinese_figures(chinese)] == keys


def test_english_figures_and_what_is_not_compared():
    text = "(1) More than 90 billion records, 280,000 cards, 330 million yuan, 89.5% and 3.4 percentage points in May 2016, before the 19th Congress."
    keys = sorted(f.key for f in english_figures(text))
    assert keys == sorted(["90000000000", "280000", "330000000", "89.5%", "3.4", "month 5", "2016"])


def test_english_form_suggests_the_house_style():
    assert english_form("90000000000") == "90 billion"
    assert english_form("330000000") == "330 million"
    assert english_form("11380") == "11,380"
    assert english_form(format(Decimal("3.4"), "f")) == "3.4"


def pair(english_paragraph: str):
    return {
        "p.zh.md": page("甲", "办证点849个，累计召开会议6次，异地办理身份证28万多张。\n{#p-1}"),
        "p.en.md": page("A", english_paragraph + "\n{#p-1}"),
    }


def test_faithful_figures_pass_and_small_numbers_may_be_spelled_out(tmp_path):
    english = "There are 849 offices, six meetings and more than 280,000 cards."
    assert check_figures(edition_from(tmp_path, pair(english))) == []


def test_changed_figure_in_english_is_refused_both_ways(tmp_path):
    english = "There are 894 offices, six meetings and more than 280,000 cards."
    problems = check_figures(edition_from(tmp_path, pair(english)))
    assert {p.path for p in problems} == {"docs/p.en.md"}
    assert any("lacks the figure 849" in p.message for p in problems)
    assert any("has the figure 894" in p.message for p in problems)


def test_unconverted_multiplier_is_refused_with_the_right_form(tmp_path):
    english = "There are 849 offices, six meetings and more than 28 cards."
    problems = check_figures(edition_from(tmp_path, pair(english)))
    assert any("lacks the figure 28万多" in p.message and "280,000" in p.fix for p in problems)


def description_pair(tmp_path, zh: str, en: str, zh_body: str = "全区95项任务已完成85项。\n{#ov-1}"):
    return edition_from(
        tmp_path,
        {
            "overview.zh.md": page("总体情况", zh_body, description=zh),
            "overview.en.md": page("Overview", "Of 95 tasks, 85 are complete.\n{#ov-1}", description=en),
        },
    )


def test_descriptions_with_the_same_figures_pass(tmp_path):
    assert check_figures(description_pair(tmp_path, "95项任务完成85项。", "85 of 95 tasks complete.")) == []


def test_a_figure_changed_in_the_english_description_is_refused(tmp_path):
    problems = check_figures(description_pair(tmp_path, "95项任务完成85项。", "86 of 95 tasks complete."))
    assert {(p.path, p.line) for p in problems} == {("docs/overview.en.md", 3)}
    assert any("lacks the figure 85" in p.message for p in problems)
    assert any("has the figure 86" in p.message for p in problems)


def test_a_figure_changed_in_both_descriptions_is_refused_against_the_text(tmp_path):
    [problem] = check_figures(description_pair(tmp_path, "95项任务完成86项。", "86 of 95 tasks complete."))
    assert problem.path == "docs/overview.zh.md" and problem.line == 3
    assert "the description has the figure 86, which the page's text does not have" in problem.message
