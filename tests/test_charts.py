"""Charts are accessible SVG images that carry their numbers as text, in the reader's language."""

from __future__ import annotations

from bs4 import BeautifulSoup

from edition.outputs.charts import WIDTH, bar_lengths, chart_svg
from test_check_figures import FIGURES, data_from

EXAMS = """\
figures:
  - {id: basic, value: 45000, qualifier: more than, unit: {zh: 人, en: officers}, label: {zh: 基本级, en: Basic}, area: a4, paragraph: a4-4-1, zh: 4.5万余人, en: "more than 45,000"}
  - {id: advanced, value: 1900, qualifier: more than, unit: {zh: 人, en: officers}, label: {zh: 高级, en: Advanced}, area: a4, paragraph: a4-4-1, zh: 1900余人, en: "more than 1,900"}
not_figures: []
charts:
  - {id: exams, title: {zh: 执法资格, en: Qualifications}, figures: [basic, advanced]}
"""


def svg(text: str, lang: str) -> BeautifulSoup:
    data = data_from(text)
    [chart] = data.charts
    return BeautifulSoup(chart_svg(chart, [data.figure(i) for i in chart.figures], lang), "html.parser")


def test_a_chart_is_an_image_with_a_title_and_a_description_giving_every_value():
    image = svg(EXAMS, "en").svg
    assert image["role"] == "img"
    assert image["aria-labelledby"] == "chart-exams-title chart-exams-desc"
    assert image.title.get_text() == "Qualifications"
    assert image.desc.get_text() == "Basic: more than 45,000 officers; Advanced: more than 1,900 officers"


def test_the_numbers_are_text_in_each_language():
    values = [t.get_text() for t in svg(EXAMS, "en").select("text.edition-chart__value")]
    assert values == ["more than 45,000", "more than 1,900"]
    chinese = svg(EXAMS, "zh")
    assert [t.get_text() for t in chinese.select("text.edition-chart__value")] == ["4.5万余", "1900余"]
    assert [t.get_text() for t in chinese.select("text.edition-chart__label")] == ["基本级", "高级"]
    assert chinese.desc.get_text() == "基本级：4.5万余人；高级：1900余人"


def test_bars_are_proportional_and_percentages_use_a_full_scale():
    data = data_from(EXAMS)
    basic, advanced = data.figures
    long, short = bar_lengths([basic, advanced])
    assert abs(short / long - 1900 / 45000) < 0.001
    rate, share = (data_from(FIGURES).figure(i) for i in ("rate", "share"))
    rate_bar, share_bar = bar_lengths([rate, share])
    assert abs(share_bar / rate_bar - 97 / 89.5) < 0.001 and share_bar < WIDTH


def test_colours_come_from_the_theme_through_classes():
    image = svg(EXAMS, "en")
    assert all("edition-chart__bar" in rect["class"] for rect in image.select("rect"))
    assert all(text["fill"] == "currentColor" for text in image.select("text"))
