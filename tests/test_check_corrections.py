"""A 〔〕 correction of the source needs its entry in docs/data/corrections.yml and its footnote."""

from __future__ import annotations

import yaml

from edition.checks.source_slips import check, check_corrections
from edition.outputs.generated import corrections_list
from helpers import edition_from, page
from project import EDITION

ZH = "# 总体情况\n\n截止〔截至〕目前，全区完成改革任务。[^jiezhi]\n{#ov-2}\n\n[^jiezhi]: 原文作“截止目前”。"
DATA = """corrections:
  - page: overview
    paragraph: ov-2
    zh: 截止〔截至〕目前
    note: jiezhi
    what_zh: ""
    what_en: where 截至 is meant
"""


def edition(tmp_path, zh: str = ZH, data: str = DATA):
    built = edition_from(
        tmp_path, {"overview.zh.md": page("总体情况", zh), "data/corrections.yml": data}, ["overview.md"]
    )
    return built, built.corrections


def test_the_edition_passes():
    assert check_corrections(EDITION, EDITION.corrections) == []


def test_a_listed_correction_with_its_note_passes(tmp_path):
    assert check_corrections(*edition(tmp_path)) == []


def test_an_unlisted_correction_that_changes_a_name_is_refused(tmp_path):
    zh = ZH.replace("全区完成", "刘国明〔王某〕完成")
    [problem] = check_corrections(*edition(tmp_path, zh))
    assert problem.path == "docs/overview.zh.md" and problem.line == 9  # the paragraph's {#id} line
    assert "'〔王某〕' in paragraph '#ov-2'" in problem.message and "does not list" in problem.message


def test_a_correction_without_its_footnote_is_refused(tmp_path):
    zh = ZH.replace("[^jiezhi]\n{#", "\n{#").replace("\n\n[^jiezhi]: 原文作“截止目前”。", "")
    [problem] = check_corrections(*edition(tmp_path, zh))
    assert "has no footnote [^jiezhi]" in problem.message


def test_an_entry_whose_phrase_is_not_in_its_paragraph_is_refused(tmp_path):
    problems = check_corrections(*edition(tmp_path, data=DATA.replace("截止〔截至〕目前", "截止〔截止〕目前")))
    assert any(
        p.path == "docs/data/corrections.yml" and p.line == 3 and "does not stand" in p.message for p in problems
    )


def test_an_entry_of_the_wrong_shape_is_refused_at_its_line_with_the_fix(tmp_path):
    """The file's shape is a schema (model/source_slips.py): a missing field or a misspelt one is named."""
    data = DATA.replace("    note: jiezhi\n", "").replace("what_en:", "what_english:")
    built, corrections = edition(tmp_path, data=data)
    assert corrections == []  # the entry cannot be used: the check names why, then its 〔〕 as unlisted
    problems = check(built)
    assert [(p.path, p.line, p.message, p.fix) for p in problems[:3]] == [
        (
            "docs/data/corrections.yml",
            2,
            "entry 1 of 'corrections' has no 'note'.",
            "name the footnote's key ([^key] on that page).",
        ),
        (
            "docs/data/corrections.yml",
            2,
            "entry 1 of 'corrections' has no 'what_en'.",
            "say what was corrected, in English.",
        ),
        (
            "docs/data/corrections.yml",
            6,
            "entry 1 of 'corrections' has unknown key(s): what_english.",
            "use only page, paragraph, zh, note, what_zh, what_en.",
        ),
    ]
    assert "does not list" in problems[3].message


def test_the_about_list_comes_from_the_data(tmp_path):
    built, corrections = edition(tmp_path)
    listed = corrections_list(corrections, built, "zh", lambda name, anchor: f"{name}.md#{anchor}")
    assert listed == "    - 总体情况 [ov-2](overview.md#ov-2)：“截止〔截至〕目前”。"
    english = corrections_list(EDITION.corrections, EDITION, "en", lambda n, a: f"{n}.md#{a}")
    assert english.count("\n    - ") == len(EDITION.corrections) - 1
    title = yaml.safe_load((EDITION.docs_dir / "reform-work.en.md").read_text(encoding="utf-8").split("---")[1])[
        "title"
    ]
    escaped = title.replace(".", "\\.", 1)  # "1\\. Running …": not a Markdown list number
    assert escaped + " [a1-3-2](reform-work.md#a1-3-2)" in english
