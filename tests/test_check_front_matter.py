"""The front matter check refuses YAML that does not parse, with the parser's message and line."""

from edition.front_matter import check_front_matter
from helpers import edition_from, page


def test_good_front_matter_passes(tmp_path):
    assert check_front_matter(edition_from(tmp_path, {"a.en.md": page("A", "# A")})) == []


def test_broken_yaml_is_refused_with_parser_message_and_line(tmp_path):
    text = "---\ntitle: Fine\ndescription: Next steps: the four hards: more\n---\n\n# A\n"
    [problem] = check_front_matter(edition_from(tmp_path, {"a.en.md": text}))
    assert problem.path == "docs/a.en.md"
    assert problem.line == 3
    assert "mapping values are not allowed" in problem.message


def test_unclosed_front_matter_is_refused(tmp_path):
    [problem] = check_front_matter(edition_from(tmp_path, {"a.en.md": "---\ntitle: A\n\n# A\n"}))
    assert "never closed" in problem.message


def test_front_matter_that_is_not_a_mapping_is_refused(tmp_path):
    [problem] = check_front_matter(edition_from(tmp_path, {"a.en.md": "---\n- title\n---\n# A\n"}))
    assert "mapping" in problem.message


def test_missing_description_is_refused(tmp_path):
    [problem] = check_front_matter(edition_from(tmp_path, {"a.en.md": "---\ntitle: A\n---\n# A\n"}))
    assert "'description'" in problem.message
