"""End to end: the pull requests the edition must refuse fail `mkdocs build --strict`, naming the file."""

from __future__ import annotations

from pathlib import Path

from conftest import run_build


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def refused(project: Path) -> str:
    build = run_build(project, project / "site")
    assert build.returncode != 0, "the build should have failed:\n" + build.output
    assert "Aborted with" in build.output
    return build.output


def test_deleting_an_english_page_fails_naming_it(project_copy):
    (project_copy / "docs" / "policing.en.md").unlink()
    output = refused(project_copy)
    assert "[twins] docs/policing.zh.md:1:" in output
    assert "docs/policing.en.md does not exist" in output


def test_changing_a_figure_in_the_english_fails_naming_the_file(project_copy):
    replace_in(
        project_copy / "docs" / "administration.en.md",
        "849 offices now accept applications",
        "894 offices now accept applications",
    )
    output = refused(project_copy)
    assert "[numbers] docs/administration.en.md:" in output
    assert "lacks the figure 849" in output and "has the figure 894" in output


def test_dropping_a_source_sentence_fails_naming_the_file(project_copy):
    replace_in(project_copy / "docs" / "law-enforcement.zh.md", "为一线民警配备现场执法记录仪。", "")
    output = refused(project_copy)
    assert "[source-text] docs/law-enforcement.zh.md:" in output
    assert "为一线民警配备现场执法记录仪" in output


def test_rewording_the_chinese_fails_naming_the_file(project_copy):
    replace_in(project_copy / "docs" / "next-steps.zh.md", "函待〔亟待〕解决", "亟待解决")
    output = refused(project_copy)
    assert "[source-text] docs/next-steps.zh.md:" in output


def test_broken_front_matter_fails_naming_file_and_line(project_copy):
    replace_in(
        project_copy / "docs" / "personnel.en.md",
        "title: 5. Management of the people's police",
        "title: 5. Police: personnel: 2017",
    )
    output = refused(project_copy)
    assert "[front-matter] docs/personnel.en.md:3: front matter does not parse" in output


def test_a_paragraph_id_missing_from_one_language_fails(project_copy):
    replace_in(project_copy / "docs" / "overview.en.md", "{#ov-3}", "")
    output = refused(project_copy)
    assert "[paragraph-ids] docs/overview.en.md:" in output and "'#ov-3'" in output
