"""Every published word is in the release record (edition/model/published_words.py): a footnote, a title,
a description, a heading, an editorial page's words, a label made from data, a note on a correction
and a citation template change only with a logged, released correction, which the Corrections page
and its feed then show."""

from __future__ import annotations

import re

import pytest

from building import build, line_of, refused, replace_in
from edition.from_mkdocs import load_project
from edition.outputs.generated import Context, errata_block

# (file, old, new, the unit's key, a text on the line the message names)
CHANGES = {
    "a fact in a translator's footnote": (
        "docs/overview.en.md",
        "*fang*, delegating power to lower levels",
        "*fang*, delegating power to the provinces",
        "overview:note:fgf",
        "[^fgf]:",
    ),
    "a page's title": (
        "docs/about.en.md",
        "title: About this edition",
        "title: About this site",
        "about:title",
        "title:",
    ),
    "a page's description": (
        "docs/overview.en.md",
        "with 85 of 95 reform tasks",
        "with 85 of the 95 reform tasks",
        "overview:description",
        "description:",
    ),
    "a heading without an id": ("docs/index.en.md", "## Read by section", "## Read by chapter", "index:text", None),
    "the words of an editorial page": (
        "docs/about.en.md",
        "its slips are kept",
        "its slips are mostly kept",
        "about:text",
        None,
    ),
    "a label made from figures.yml": (
        "docs/data/figures.yml",
        "en: Public security reform tasks}",
        "en: Police reform tasks}",
        "data:figures.yml:figures.reform-tasks",
        "id: reform-tasks",
    ),
    "a note on a correction of the source": (
        "docs/data/corrections.yml",
        "what_en: a missing comma",
        "what_en: a missing comma, supplied",
        "data:corrections.yml:corrections.comma",
        "note: comma",
    ),
    "the date in the citation template": (
        "docs/data/strings.en.yml",
        '\\"{work_title}\\", {work_date}, para.',
        '\\"{work_title}\\", 29 September 2017, para.',
        "strings:page.citation",
        "  citation:",
    ),
}


@pytest.mark.parametrize("case", CHANGES, ids=list(CHANGES))
def test_a_change_to_published_words_without_a_logged_release_is_refused(tiny_project, case):
    rel, old, new, key, marker = CHANGES[case]
    replace_in(tiny_project / rel, old, new)
    output = refused(tiny_project)
    line = line_of(tiny_project / rel, marker) if marker else r"\d+"
    pattern = rf"\[errata\] {re.escape(rel)}:{line}: the published text '{re.escape(key)}' \(English\) differs from its text in version 1\.0\.0"
    assert re.search(pattern, output), f"no «{pattern}» in:\n{output}"
    assert f"make correction PARAGRAPH={key} " in output  # the fix says how to log it


def test_unchanged_words_pass_and_a_new_page_s_words_need_a_release(tiny_project):
    result = build(tiny_project)
    assert result.ok, result.output


def test_a_logged_and_released_change_of_a_footnote_is_on_the_corrections_page_and_feed(tiny_project):
    import record_release

    replace_in(
        tiny_project / "docs/overview.en.md", "delegating power to lower levels", "delegating powers to lower levels"
    )
    replace_in(
        tiny_project / "docs/data/errata.yml",
        "errata: []",
        "errata:\n  - paragraph: overview:note:fgf\n    version: 1.1.0\n    date: 2026-12-01\n"
        "    what_zh: 译注“power”改为复数。\n    what_en: The translator's note says “powers”.",
    )
    assert record_release.main(["1.1.0", "--date", "2026-12-01", "--root", str(tiny_project)]) == 0
    result = build(tiny_project)
    assert result.ok, result.output
    feed = (result.site / "en" / "errata.atom").read_text(encoding="utf-8")
    assert "delegating power to lower levels" in feed and "delegating powers to lower levels" in feed
    assert re.search(r'<link rel="alternate" type="text/html" href="[^"]*/en/overview/" />', feed), feed
    # The Corrections page's list (the tiny project has no Corrections page: its generator, as the page runs it)
    _, edition = load_project(tiny_project)
    page = errata_block(Context(edition, edition.data, "en", "errata.en.md", "en/errata/"), "")
    assert "delegating power to lower levels" in page and "delegating powers to lower levels" in page
    assert "[Overview](overview.md) · `overview:note:fgf`" in page  # linked to the page the note stands on
    # Named as published words, not as a paragraph, on the page and in the feed.
    assert "Version 1.1.0 (1 December 2026): published words, overview:note:fgf</h2>" in page
    assert "<title>Version 1.1.0 (1 December 2026): published words, overview:note:fgf</title>" in feed
