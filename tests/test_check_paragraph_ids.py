"""The paragraph id check refuses twins whose ids are missing, extra, reordered or duplicated."""

from edition.checks.paragraph_ids import check_paragraph_ids
from helpers import edition_from, page

ZH = page("甲", "# 甲 {#a}\n\n第一段。\n{#a-1}\n\n第二段。\n{#a-2}\n\n## 小标题\n\n第三段。\n{#a-3}")


def english(body: str) -> dict[str, str]:
    return {"p.zh.md": ZH, "p.en.md": page("A", body)}


def test_aligned_twins_pass_and_automatic_heading_ids_do_not_count(tmp_path):
    en = "# A {#a}\n\nOne.\n{#a-1}\n\nTwo.\n{#a-2}\n\n## A heading\n\nThree.\n{#a-3}"
    assert check_paragraph_ids(edition_from(tmp_path, english(en))) == []


def test_missing_id_is_refused_in_the_twin_with_the_line_where_it_belongs(tmp_path):
    en = "# A {#a}\n\nOne.\n{#a-1}\n\nThree.\n{#a-3}"
    [problem] = check_paragraph_ids(edition_from(tmp_path, english(en)))
    assert problem.path == "docs/p.en.md"
    assert "'#a-2'" in problem.message and "missing" in problem.message
    assert problem.line == 10  # just after {#a-1}, written on line 9


def test_extra_id_is_refused(tmp_path):
    en = "# A {#a}\n\nOne.\n{#a-1}\n\nTwo.\n{#a-2}\n\nSurplus.\n{#a-9}\n\nThree.\n{#a-3}"
    [problem] = check_paragraph_ids(edition_from(tmp_path, english(en)))
    assert problem.path == "docs/p.en.md" and "'#a-9'" in problem.message
    assert "not in its twin docs/p.zh.md" in problem.message


def test_reordered_ids_are_refused(tmp_path):
    en = "# A {#a}\n\nTwo.\n{#a-2}\n\nOne.\n{#a-1}\n\nThree.\n{#a-3}"
    problems = check_paragraph_ids(edition_from(tmp_path, english(en)))
    assert problems and all(p.path == "docs/p.en.md" for p in problems)
    assert any("out of order" in p.message for p in problems)


def test_duplicate_id_is_refused_once_without_follow_on_problems(tmp_path):
    en = "# A {#a}\n\nOne.\n{#a-1}\n\nTwo.\n{#a-1}\n\nThree.\n{#a-3}"
    edition = edition_from(tmp_path, english(en))
    [problem] = check_paragraph_ids(edition)
    assert problem.path == "docs/p.en.md" and "used 2 times (lines 9, 12)" in problem.message
    # Paragraphs cannot be matched by id while one id names two: no pairwise check compares them.
    assert list(edition.pairs()) == []
