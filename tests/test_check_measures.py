"""The measures check refuses a measure whose Chinese or English name no longer stands in its paragraph."""

from __future__ import annotations

from edition.checks.measures import check_measures
from edition.model.data import MEASURES_FILE, Data, read_measures
from helpers import edition_from, page

MEASURES = """\
measures:
  - {id: grassland-110, area: a2, paragraph: a2-3-2, zh: “草原110”, en: '"Grassland 110"'}
  - {id: yurt-posts, area: a2, paragraph: a2-3-2, zh: “蒙古包哨所”, en: '"yurt police posts"'}
"""
ZH = "打造了“草原110”“蒙古包哨所”等特色亮点。\n{#a2-3-2}"
EN = 'Highlights such as "Grassland 110" and "yurt police posts" have been created.\n{#a2-3-2}'


def check(tmp_path, zh: str = ZH, en: str = EN, measures: str = MEASURES):
    measures_list, problems = read_measures(measures, "docs/data/measures.yml")
    edition = edition_from(tmp_path, {"policing.zh.md": page("二", zh), "policing.en.md": page("2", en)})
    return check_measures(
        edition, Data(measures=measures_list, problems={MEASURES_FILE: problems}), "docs/data/measures.yml"
    )


def test_faithful_measures_pass(tmp_path):
    assert check(tmp_path) == []


def test_a_measure_reworded_in_the_english_is_refused_naming_the_page(tmp_path):
    [problem] = check(tmp_path, en=EN.replace("yurt police posts", "police yurts"))
    assert (problem.path, problem.line) == ("docs/policing.en.md", 7)
    assert (
        "no longer contains «\"yurt police posts\"», the en of measure 'yurt-posts' (docs/data/measures.yml:3)"
        in problem.message
    )


def test_a_measure_misquoted_in_the_data_is_refused(tmp_path):
    [problem] = check(tmp_path, measures=MEASURES.replace("zh: “草原110”", "zh: “草原112”"))
    assert problem.path == "docs/policing.zh.md" and "«“草原112”»" in problem.message


def test_a_measure_citing_another_area_is_refused_on_the_data_line(tmp_path):
    [problem] = check(
        tmp_path,
        measures=MEASURES.replace(
            "area: a2, paragraph: a2-3-2, zh: “蒙古包", "area: a3, paragraph: a2-3-2, zh: “蒙古包"
        ),
    )
    assert (problem.path, problem.line) == ("docs/data/measures.yml", 3) and "area 'a3'" in problem.message


def test_malformed_measures_are_refused(tmp_path):
    problems = check(
        tmp_path,
        measures=MEASURES.replace(", en: '\"Grassland 110\"'", "").replace("id: yurt-posts", "id: grassland-110"),
    )
    assert any("measure 'grassland-110' has no 'en'" in p.message for p in problems)
    assert any("used twice" in p.message for p in problems)


def test_a_schema_refusal_names_the_key_line_and_the_fix_and_leaves_the_entry_out():
    """measures.yml is validated against a JSON Schema by the one YAML reader (edition/model/yaml_data.py)."""
    broken = MEASURES + "  - id: patrols\n    area: a2\n    paragraph: a2-3-2\n    zh: ''\n    en: patrols\nextra: []\n"
    measures, problems = read_measures(broken, "docs/data/measures.yml")
    lines = broken.splitlines()
    assert [(p.path, p.line, p.message, p.fix) for p in problems] == [
        (
            "docs/data/measures.yml",
            lines.index("    zh: ''") + 1,
            "measure 'patrols', 'zh' has no text.",
            "write 'zh: ' and the Chinese phrase, word for word as it stands in the paragraph.",
        ),
        (
            "docs/data/measures.yml",
            lines.index("extra: []") + 1,
            "the file has unknown key(s): extra.",
            "use only measures.",
        ),
    ]
    assert [measure.id for measure in measures] == ["grassland-110", "yurt-posts"]
