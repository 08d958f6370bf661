"""End to end: a broken figure, measure, glossary term or placeholder fails `mkdocs build --strict`, naming the file."""

from __future__ import annotations

from conftest import run_build
from test_build_refuses import refused, replace_in


def test_a_figure_changed_in_the_english_only_fails_naming_the_page(project_copy):
    replace_in(
        project_copy / "docs" / "policing.en.md", "3,851 community police offices", "3,815 community police offices"
    )
    output = refused(project_copy)
    assert "[figures] docs/policing.en.md:" in output
    assert "no longer contains «3,851 community police offices built»" in output
    assert "docs/data/figures.yml:" in output


def test_a_figure_changed_in_the_data_only_fails_naming_the_data_file(project_copy):
    replace_in(project_copy / "docs" / "data" / "figures.yml", "value: 3851", "value: 3581")
    output = refused(project_copy)
    assert "[figures] docs/data/figures.yml:" in output and "value 3581" in output


def test_a_figure_dropped_from_the_data_fails_naming_the_chinese_page(project_copy):
    path = project_copy / "docs" / "data" / "figures.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: checkpoints\n")
    path.write_text(text[:start] + text[text.index("  - id: community-police-offices\n") :], encoding="utf-8")
    output = refused(project_copy)
    assert "[figures] docs/policing.zh.md:" in output and "has the figure 66" in output


def test_an_unknown_placeholder_fails_naming_the_page(project_copy):
    replace_in(project_copy / "docs" / "index.en.md", "<!-- figures: key -->", "<!-- figures: keys -->")
    output = refused(project_copy)
    assert "[placeholders] docs/index.en.md:" in output and "«<!-- figures: keys -->» is unknown" in output


def test_the_unbroken_project_copy_builds(project_copy):
    build = run_build(project_copy, project_copy / "site")
    assert build.returncode == 0, build.output


def test_a_term_rendered_otherwise_in_the_english_only_fails_naming_the_page(project_copy):
    replace_in(project_copy / "docs" / "personnel.en.md", "Hulunbuir and other places", "Hulun Buir and other places")
    output = refused(project_copy)
    assert "[glossary] docs/personnel.en.md:" in output
    assert "'#a5-1-2' does not render 呼伦贝尔" in output and "docs/data/glossary.yml:" in output


def test_a_term_changed_in_the_glossary_only_fails_naming_the_pages(project_copy):
    replace_in(
        project_copy / "docs" / "data" / "glossary.yml",
        "en: Ministry of Public Security",
        "en: Public Security Ministry",
    )
    output = refused(project_copy)
    assert "[glossary] docs/overview.en.md:" in output and "'Public Security Ministry'" in output


def test_a_measure_reworded_in_the_english_only_fails_naming_the_page(project_copy):
    replace_in(project_copy / "docs" / "policing.en.md", '"yurt police posts"', '"police yurts"')
    output = refused(project_copy)
    assert "[measures] docs/policing.en.md:" in output and "measure 'yurt-police-posts'" in output
