"""The data-files check refuses YAML under docs/ that does not parse or repeats a key, naming file and line."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator, SchemaError

from edition.checks.yaml_files import check_data_files
from edition.model.yaml_data import SCHEMAS, read_yaml


def write(tmp_path, name: str, text: str) -> None:
    path = tmp_path / "docs" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_good_data_passes(tmp_path):
    write(tmp_path, "data/figures.yml", "figures:\n  - key: stations\n    zh: 849个\n    en: 849\n")
    write(tmp_path, "data/glossary.yaml", "公安机关: public security organs\n盟: league\n")
    assert check_data_files(tmp_path, tmp_path / "docs") == []


@pytest.mark.parametrize(
    ("text", "line", "phrase"),
    [
        ("figures:\n  - key: a\n    value: 1\n  - key: b\n   value: 2\n", 5, "expected <block end>"),
        ("terms: [a, b\n", 2, "expected ',' or ']'"),
        ("title: 2. Police: personnel\n", 1, "mapping values are not allowed here"),
        ("a:\n\t- b\n", 2, "found character '\\t' that cannot start any token"),
        (
            "公安机关: police\n盟: league\n公安机关: public security organs\n",
            3,
            "found the key '公安机关' a second time (first on line 1)",
        ),
        ("figures:\n  - key: a\n    en: 1\n    en: 2\n", 4, "found the key 'en' a second time (first on line 3)"),
        ("key: !!python/object:os.system echo\n", 1, "could not determine a constructor"),
    ],
    ids=[
        "bad indentation",
        "unclosed list",
        "unquoted colon",
        "tab",
        "duplicate key",
        "nested duplicate",
        "python tag",
    ],
)
def test_broken_data_is_refused_with_file_line_and_parser_message(tmp_path, text, line, phrase):
    write(tmp_path, "data/figures.yml", text)
    [problem] = check_data_files(tmp_path, tmp_path / "docs")
    assert problem.path == "docs/data/figures.yml"
    assert problem.line == line, str(problem)
    assert phrase in problem.message, str(problem)
    assert problem.fix


def test_non_utf8_data_is_refused(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.yml").write_bytes("名: 甲\n".encode("gb18030"))
    [problem] = check_data_files(tmp_path, tmp_path / "docs")
    assert "not UTF-8" in problem.message


def test_loader_keeps_safe_loading_and_unique_keys():
    assert read_yaml("a: 1\nb: [x, y]\n") == {"a": 1, "b": ["x", "y"]}
    with pytest.raises(Exception, match="second time"):
        read_yaml("a: 1\na: 2\n")


def test_every_schema_is_a_draft_2020_12_schema() -> None:
    """The data files' schemas meet JSON Schema's own metaschema (checked here, not in every build)."""
    import edition.plugin  # noqa: F401  (imports every module that makes a schema)

    assert len(SCHEMAS) >= 12
    for schema in SCHEMAS:
        Draft202012Validator.check_schema(schema.schema)
    with pytest.raises(SchemaError):  # the check this test relies on does refuse a broken schema
        Draft202012Validator.check_schema({"type": "an object"})
