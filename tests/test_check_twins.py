"""The twins check refuses a page that lacks its other-language twin."""

from edition.checks.twins import check_twins
from helpers import edition_from, page


def test_pair_passes(tmp_path):
    edition = edition_from(tmp_path, {"a.zh.md": page("甲", "# 甲"), "a.en.md": page("A", "# A")})
    assert check_twins(edition) == []


def test_missing_english_twin_is_refused_naming_both_files(tmp_path):
    edition = edition_from(tmp_path, {"a.zh.md": page("甲", "# 甲")})
    [problem] = check_twins(edition)
    assert problem.path == "docs/a.zh.md"
    assert "docs/a.en.md" in problem.message
    assert "'en'" in problem.message


def test_missing_chinese_twin_is_refused(tmp_path):
    edition = edition_from(tmp_path, {"sub/b.en.md": page("B", "# B")})
    [problem] = check_twins(edition)
    assert problem.path == "docs/sub/b.en.md"
    assert "docs/sub/b.zh.md" in problem.message


def test_page_without_language_suffix_is_refused(tmp_path):
    files = {"c.md": page("C", "# C"), "a.zh.md": page("甲", "# 甲"), "a.en.md": page("A", "# A")}
    problems = check_twins(edition_from(tmp_path, files))
    assert [p.path for p in problems] == ["docs/c.md"]
    assert ".zh.md" in problems[0].fix
