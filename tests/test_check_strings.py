"""The interface string catalogues: one per language, every key the edition reads, nothing else."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from edition.checks.strings import check, placeholders, required_keys
from edition.model.edition import load_edition

ROOT = Path(__file__).resolve().parents[1]


def project(tmp_path: Path, edit: dict[str, tuple[str, str]] | None = None) -> Path:
    """A docs folder holding the project's two catalogues, each optionally edited (old → new)."""
    data = tmp_path / "docs" / "data"
    data.mkdir(parents=True)
    for lang in ("zh", "en"):
        shutil.copy(ROOT / "docs" / "data" / f"strings.{lang}.yml", data)
    for lang, (old, new) in (edit or {}).items():
        path = data / f"strings.{lang}.yml"
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return tmp_path


def problems_of(root: Path) -> list:
    return check(load_edition(root, root / "docs", ["zh", "en"]))


def test_the_projects_catalogues_are_complete_and_agree(tmp_path):
    assert problems_of(project(tmp_path)) == []


def test_a_missing_key_is_refused_naming_the_key_and_the_language(tmp_path):
    root = project(tmp_path, {"en": ("  search_twin: Found in the Chinese original\n", "")})
    [problem] = problems_of(root)
    assert problem.path == "docs/data/strings.en.yml"
    assert "'page.search_twin' is missing" in problem.message and "en" in problem.fix


def test_an_extra_or_misspelt_key_is_refused_with_its_line(tmp_path):
    root = project(tmp_path, {"zh": ("  cite: 引用\n", "  cite: 引用\n  citee: 引用\n")})
    problems = problems_of(root)
    [extra] = [p for p in problems if "'page.citee'" in p.message]
    text = (root / "docs/data/strings.zh.yml").read_text(encoding="utf-8").splitlines()
    assert text[extra.line - 1].strip().startswith("citee:")
    assert "not used by the edition" in extra.message


def test_a_lost_placeholder_is_refused(tmp_path):
    root = project(tmp_path, {"en": ("Cite paragraph {id}", "Cite this paragraph")})
    [problem] = problems_of(root)
    assert "'page.cite_label'" in problem.message and "{id}" in problem.fix


def test_a_missing_catalogue_is_refused_naming_the_language(tmp_path):
    root = project(tmp_path)
    (root / "docs/data/strings.en.yml").unlink()
    [problem] = problems_of(root)
    assert problem.path == "docs/data/strings.en.yml" and "'en'" in problem.message


def test_a_catalogue_that_does_not_parse_is_refused_with_its_line(tmp_path):
    root = project(tmp_path, {"zh": ("  cite: 引用\n", "  cite: [引用\n")})
    problems = problems_of(root)
    assert any(p.path == "docs/data/strings.zh.yml" and "does not parse" in p.message for p in problems)


def test_a_string_of_the_wrong_shape_is_refused_with_its_line_and_fix(tmp_path):
    """The catalogue's shape is a schema (model/strings.py): every value is some text or a section of strings."""
    root = project(tmp_path, {"en": ("  cite: Cite\n", "  cite:\n")})
    text = (root / "docs/data/strings.en.yml").read_text(encoding="utf-8")
    [problem] = problems_of(root)
    assert (problem.path, problem.line) == ("docs/data/strings.en.yml", text.splitlines().index("  cite:") + 1)
    assert problem.message == "'page', 'cite': None is not a string (some text) or a section of strings."
    assert problem.fix == "give the string's text, or the section's strings as indented 'key: text' lines under it."


@pytest.mark.parametrize("text", ["{id}", "第 {id} 段，{url}", "no placeholder"])
def test_placeholders_are_read_as_str_format_reads_them(text):
    assert placeholders(text) == {name for name in ("id", "url") if "{" + name + "}" in text}


def test_every_label_the_generated_pages_use_is_required():
    keys = required_keys(["zh", "en"])
    assert {"labels.language_text.zh", "labels.language_text.en", "term_kinds.slogan", "columns.figures.value"} <= set(
        keys
    )
    facts = {"work_author", "work_title", "work_date", "edition_name"}  # filled from edition.yml (interface_facts)
    assert keys["page.citation"] == {"id", "url", "version", "date", "accessed"} | facts


SCRIPTS = Path(__file__).resolve().parents[1] / "scripts" / "edition"
SCRIPT_JS = Path(__file__).resolve().parents[1] / "overrides" / "assets" / "javascripts"
# Added to the page strings by overrides/main.html, and (report_url, the correction form) by the plugin.
BUILD_VALUES = {"root", "search_script", "search_style", "sentences_script", "sentences", "report_url"}
SECTIONS = "page|labels|errata|pdf|citation|term_kinds|columns"


def test_every_string_the_code_reads_is_required():
    """A key read by Python (``.get("section.key")``) or by the browser (``strings.key``, the page section)
    is declared in ``required_keys``: a string the code needs cannot go missing from a catalogue unrefused."""
    keys = set(required_keys(["zh", "en"]))
    read = {
        key
        for path in SCRIPTS.rglob("*.py")
        for key in re.findall(rf'\.get\("((?:{SECTIONS})\.[\w.-]+)"', path.read_text(encoding="utf-8"))
    }
    read |= {
        f"page.{key}"
        for path in SCRIPT_JS.glob("edition*.js")
        for key in re.findall(r"\bstrings\.(\w+)", path.read_text(encoding="utf-8"))
        if key not in BUILD_VALUES
    }
    assert len(read) > 20  # the scan finds the code's reads
    assert read - keys == set()
