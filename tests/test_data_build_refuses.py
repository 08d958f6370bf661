"""End to end: a broken figure, measure, glossary term or placeholder fails `mkdocs build --strict`, naming the file.

On the tiny project (tests/fixtures/tiny/: the overview's figures, measures and a few glossary terms).
"""

from __future__ import annotations

from building import refused, replace_in


def test_a_figure_changed_in_the_english_only_fails_naming_the_page(tiny_project):
    replace_in(tiny_project / "docs" / "overview.en.md", "a completion rate of 89.5%", "a completion rate of 89.6%")
    output = refused(tiny_project)
    assert "[figures] docs/overview.en.md:" in output
    assert "no longer contains «a completion rate of 89.5%»" in output
    assert "docs/data/figures.yml:" in output


def test_a_figure_changed_in_the_data_only_fails_naming_the_data_file(tiny_project):
    replace_in(tiny_project / "docs" / "data" / "figures.yml", "value: 95", "value: 59")
    output = refused(tiny_project)
    assert "[figures] docs/data/figures.yml:" in output and "value 59" in output


def test_a_figure_dropped_from_the_data_fails_naming_the_chinese_page(tiny_project):
    path = tiny_project / "docs" / "data" / "figures.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: reform-tasks-completed\n")
    path.write_text(text[:start] + text[text.index("  - id: completion-rate\n") :], encoding="utf-8")
    replace_in(path, "figures: [reform-tasks, reform-tasks-completed]", "figures: [reform-tasks]")
    output = refused(tiny_project)
    assert "[figures] docs/overview.zh.md:" in output and "has the figure 85" in output


def test_an_unknown_placeholder_fails_naming_the_page(tiny_project):
    replace_in(tiny_project / "docs" / "index.en.md", "<!-- figures: key -->", "<!-- figures: keys -->")
    output = refused(tiny_project)
    assert "[placeholders] docs/index.en.md:" in output and "«<!-- figures: keys -->» is unknown" in output


def test_a_term_rendered_otherwise_in_the_english_only_fails_naming_the_page(tiny_project):
    replace_in(tiny_project / "docs" / "overview.en.md", "sense of gain", "feeling of benefit")
    output = refused(tiny_project)
    assert "[glossary] docs/overview.en.md:" in output
    assert "'#ov-3' does not render 获得感" in output and "docs/data/glossary.yml:" in output


def test_a_term_changed_in_the_glossary_only_fails_naming_the_pages(tiny_project):
    replace_in(
        tiny_project / "docs" / "data" / "glossary.yml",
        "en: Ministry of Public Security",
        "en: Public Security Ministry",
    )
    output = refused(tiny_project)
    assert "[glossary] docs/overview.en.md:" in output and "'Public Security Ministry'" in output


def test_a_measure_reworded_in_the_english_only_fails_naming_the_page(tiny_project):
    replace_in(tiny_project / "docs" / "overview.en.md", "letting them book their own tests", "self-booked tests")
    output = refused(tiny_project)
    assert "[measures] docs/overview.en.md:" in output and "measure 'self-booked-driving-tests'" in output
