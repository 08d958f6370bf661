"""Facts in the interface strings (edition/checks/interface_facts.py): typed once, in the document's file (docs/data/documents/) and edition.yml, and
checked against the source's own record (source/README.md and the captured text)."""

from __future__ import annotations

import pytest

from building import ROOT, line_of, refused, replace_in
from edition.checks.interface_facts import check, readme_fields
from edition.from_mkdocs import load_project
from edition.outputs.citations import fill_work

_, _EDITION = load_project(ROOT)
DOCUMENT = f"docs/data/documents/{_EDITION.versions.info.work.id}.yml"  # the main document's file


def test_the_real_project_passes_and_its_strings_are_filled():
    _, edition = load_project(ROOT)
    assert check(edition) == []
    info = edition.versions.info
    citation = edition.strings["en"].get("page.citation")  # the edition's facts filled in by the catalogue
    assert info.name["en"] in citation and "{edition_name}" not in citation
    filled = fill_work(citation, info.work, "en")  # the page's document's, per page
    assert "{work_" not in filled and info.work.title["en"] in filled
    source_line = fill_work(edition.strings["zh"].get("page.source_line"), info.work, "zh")
    assert f"{info.work.date.year}年{info.work.date.month}月{info.work.date.day}日" in source_line


def test_the_readme_table_is_read():
    fields = readme_fields((ROOT / "source" / "README.md").read_text(encoding="utf-8"))
    assert fields["title"][0] == "自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会"
    assert fields["date and place"][0].startswith("2017-09-28")
    # A second document described the same way further down is not read as the first one's record
    # (a newcomer's table for a notice was, and the fix then said to overwrite the first document).
    text = (ROOT / "source" / "README.md").read_text(encoding="utf-8")
    second = "\n\nThe notice:\n\n| field | value |\n| --- | --- |\n| title | 某通知 |\n| date and place | 2019-02-25, 某地 |\n"
    assert readme_fields(text + second) == fields


# (file, old, new, the message's file, what it says)
TYPED = {
    "the date typed into a citation template": (
        "docs/data/strings.en.yml",
        '\\"{work_title}\\", {work_date}, para.',
        '\\"{work_title}\\", 29 September 2017, para.',
        "docs/data/strings.en.yml",
        "types the date '29 September 2017'",
    ),
    "the right date typed is still typed twice": (
        "docs/data/strings.zh.yml",
        "原文：{work_publisher}，{work_date}，{url}",
        "原文：{work_publisher}，2017年9月28日，{url}",
        "docs/data/strings.zh.yml",
        "types the fact(s) '2017年9月28日'",
    ),
    "the title typed into a label": (
        "docs/data/strings.en.yml",
        "  all: All\n",
        "  all: All of Autonomous Region Public Security Department holds press conference on deepening reform in Inner Mongolia's public security organs\n",
        "docs/data/strings.en.yml",
        "types the fact(s)",
    ),
    "a date in the site's description that is not the original's": (
        "mkdocs.yml",
        "press conference of 28 September 2017",
        "press conference of 27 September 2017",
        "mkdocs.yml",
        "the date '27 September 2017' is not the press conference's (2017-09-28",
    ),
    "the original's date changed in its document's file": (
        DOCUMENT,
        "\ndate: 2017-09-28",
        "\ndate: 2017-09-29",
        DOCUMENT,
        "the original's date is '2017-09-29' here, but source/README.md has '2017-09-28'",
    ),
    "the original's title changed in its document's file": (
        DOCUMENT,
        "  zh: 自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会",
        "  zh: 自治区公安厅召开内蒙古公安机关改革工作新闻发布会",
        DOCUMENT,
        "the original's title is",
    ),
    "the original's place changed in its document's file": (
        DOCUMENT,
        "  zh: 呼和浩特\n",
        "  zh: 包头\n",
        DOCUMENT,
        "the original's place is '包头' here",
    ),
}


@pytest.mark.parametrize("case", TYPED, ids=list(TYPED))
def test_a_fact_typed_twice_or_against_the_source_is_refused(project_copy, case):
    path, old, new, rel, phrase = TYPED[case]
    replace_in(project_copy / path, old, new)
    _, edition = load_project(project_copy)
    found = [str(p) for p in check(edition)]
    assert any(p.startswith(f"{rel}:") and phrase in p for p in found), found


def test_a_typed_date_fails_the_build_naming_file_and_line(tiny_project):
    strings = tiny_project / "docs" / "data" / "strings.en.yml"
    replace_in(
        strings,
        "'Source: {work_publisher}, {work_date}, {url}'",
        "'Source: {work_publisher}, 29 September 2017, {url}'",
    )
    output = refused(tiny_project)
    line = line_of(strings, "source_line:")
    assert (
        f"[interface-facts] docs/data/strings.en.yml:{line}: the interface string 'page.source_line' types the date"
        in output
    )
    assert "[strings] docs/data/strings.en.yml:" in output  # and the placeholder it lost
