"""The front matter check refuses YAML that does not parse, with the parser's message and line."""

import pytest

from edition.checks.front_matter import check, check_front_matter
from helpers import edition_from, page


def test_good_front_matter_passes(tmp_path):
    assert check_front_matter(edition_from(tmp_path, {"a.en.md": page("A", "# A", kind="editorial")})) == []


def test_a_page_without_a_kind_is_refused_naming_the_kinds(tmp_path):
    [problem] = check_front_matter(edition_from(tmp_path, {"a.en.md": page("A", "# A")}))
    assert "'kind'" in problem.message and "editorial" in problem.fix and "generated" in problem.fix


@pytest.mark.parametrize("value", ["translation", "[source]", "Source"])
def test_an_unknown_kind_is_refused(tmp_path, value):
    text = f"---\nkind: {value}\ntitle: A\ndescription: B\n---\n# A\n"
    problems = check_front_matter(edition_from(tmp_path, {"a.en.md": text}))
    assert any(p.line == 2 and "'kind' must be one of source, editorial, generated" in p.message for p in problems)


def test_twins_of_different_kinds_are_refused_in_the_translation(tmp_path):
    files = {"a.zh.md": page("甲", "# 甲", kind="source"), "a.en.md": page("A", "# A", kind="editorial")}
    [problem] = check(edition_from(tmp_path, files, ["a.md"]))
    assert problem.path == "docs/a.en.md" and problem.line == 2
    assert "its twin docs/a.zh.md is 'kind: source'" in problem.message


def test_only_a_source_page_names_a_source_document(tmp_path):
    text = "---\nkind: editorial\ndocument: another-document\ntitle: A\ndescription: B\n---\n# A\n"
    [problem] = check(edition_from(tmp_path, {"a.en.md": text}))
    assert problem.line == 3 and "only a 'kind: source' page" in problem.message


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
    [problem] = check_front_matter(edition_from(tmp_path, {"a.en.md": "---\nkind: generated\ntitle: A\n---\n# A\n"}))
    assert "'description'" in problem.message


@pytest.mark.parametrize(
    ("lines", "phrase"),
    [
        ("template: redirect.html\nlocation: https://evil.example/", "'template' is not allowed"),
        ("location: https://evil.example/", "'location' is not allowed"),
        ('status: new" onmouseover="alert(1)', "'status' is not allowed"),
        ("author: someone", "'author' is not a key the edition uses"),
        ("hide:\n  - navigation\n  - everything", "'hide' must be a list of"),
        ("search:\n  boost: high", "'search' may only hold"),
        ("tooltips: true", "'tooltips' may only be false"),
        ("title:\n  - a list", "'title' must be text"),
    ],
)
def test_front_matter_outside_the_allowlist_is_refused_with_the_allowed_keys(tmp_path, lines, phrase):
    text = f"---\nkind: editorial\ntitle: A\ndescription: B\n{lines}\n---\n\n# A\n"
    if lines.startswith("title:"):
        text = f"---\nkind: editorial\ndescription: B\n{lines}\n---\n\n# A\n"
    problems = check_front_matter(edition_from(tmp_path, {"a.en.md": text}))
    assert any(phrase in p.message for p in problems), [str(p) for p in problems]
    refused = next(p for p in problems if phrase in p.message)
    assert refused.line >= 2
    assert "the allowed keys are: kind" in refused.fix and "title" in refused.fix and "tooltips" in refused.fix


def test_every_key_the_edition_uses_is_allowed(tmp_path):
    text = "---\nkind: source\ndocument: a-document\ntitle: A\ndescription: B\nhide:\n  - toc\nsearch:\n  boost: 0.5\n  exclude: true\ntooltips: false\n---\n# A\n"
    assert check_front_matter(edition_from(tmp_path, {"a.en.md": text})) == []
