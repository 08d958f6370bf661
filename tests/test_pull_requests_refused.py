"""End to end: what an outside pull request could add fails `mkdocs build --strict`, naming the file,
and a refused build changes no file of the project (it loses nothing)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from conftest import run_build
from test_build_refuses import replace_in


def snapshot(project: Path) -> dict[str, str]:
    """Every file of the project copy except the build output, with a hash of its bytes."""
    return {
        path.relative_to(project).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(project.rglob("*"))
        if path.is_file() and "site" not in path.relative_to(project).parts[:1] and "__pycache__" not in path.parts
    }


def refused_unchanged(project: Path) -> str:
    """Build the broken copy: it must fail, and leave every source file as it was."""
    before = snapshot(project)
    build = run_build(project, project / "site")
    assert build.returncode != 0, "the build should have failed:\n" + build.output
    assert "Aborted with" in build.output
    assert snapshot(project) == before, "a refused build changed files of the project"
    return build.output


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


CONTENT = {
    "a script": ("<script>alert(document.cookie)</script>", "<script> is not allowed"),
    "an inline handler": ('The map <img src="map.png" onerror="alert(1)"> shows it.', "inline event handler onerror="),
    "a remote image": ("![photo](https://images.example.com/photo.jpg)", "loads from outside this site"),
    "a javascript: link": ("[the original](javascript:alert(1))", "is a script URL"),
    "an iframe": ('<iframe src="https://video.example.com/embed/1"></iframe>', "<iframe> is not allowed"),
}


@pytest.mark.parametrize("case", CONTENT, ids=list(CONTENT))
def test_unsafe_content_in_a_page_fails_naming_file_and_line(project_copy, case):
    text, phrase = CONTENT[case]
    target = project_copy / "docs" / "about.en.md"
    append(target, f"\n{text}\n")
    output = refused_unchanged(project_copy)
    assert f"[content-safety] docs/about.en.md:{line_of(target, text)}: " in output
    assert phrase in output


def test_unsafe_published_files_fail_naming_file_and_line(project_copy):
    assets = project_copy / "docs" / "assets"
    assets.mkdir(exist_ok=True)
    (assets / "seal.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n')
    (assets / "extra.css").write_text('body {\n  font-family: x;\n}\n@import url("https://fonts.example.com/css");\n')
    output = refused_unchanged(project_copy)
    assert "[content-safety] docs/assets/seal.svg:2: <script> is not allowed" in output
    assert "[content-safety] docs/assets/extra.css:4: this stylesheet loads 'https://fonts.example.com/css'" in output


def test_a_remote_stylesheet_in_mkdocs_yml_fails(project_copy):
    append(project_copy / "mkdocs.yml", "\nextra_css:\n  - https://cdn.example.com/theme.css\n")
    output = refused_unchanged(project_copy)
    assert "[content-safety] mkdocs.yml:" in output and "https://cdn.example.com/theme.css" in output


def test_a_code_example_of_a_script_is_fine(project_copy):
    """Fenced code is text, not markup: the check must not refuse a page that shows HTML."""
    append(
        project_copy / "docs" / "about.en.md", '\n```html\n<script src="https://cdn.example.com/x.js"></script>\n```\n'
    )
    append(project_copy / "docs" / "about.zh.md", "\n`<img onerror=x>`\n")
    build = run_build(project_copy, project_copy / "site")
    assert build.returncode == 0, build.output


def test_a_broken_internal_link_fails_naming_the_file(project_copy):
    replace_in(project_copy / "docs" / "index.en.md", "[Overview](overview.md)", "[Overview](overveiw.md)")
    output = refused_unchanged(project_copy)
    assert "Doc file 'index.en.md' contains a link 'overveiw.md', but the target is not found" in output


def test_a_broken_anchor_fails_naming_the_file(project_copy):
    append(project_copy / "docs" / "about.zh.md", "\n另见[总体情况](overview.md#ov-22)。\n")
    output = refused_unchanged(project_copy)
    assert "Doc file 'about.zh.md' contains a link 'overview.md#ov-22'" in output
    assert "does not contain an anchor '#ov-22'" in output


def test_an_unknown_page_in_the_navigation_fails_naming_it(project_copy):
    replace_in(project_copy / "mkdocs.yml", "  - 关于本版: about.md\n", "  - 关于本版: about.md\n  - 边境: border.md\n")
    output = refused_unchanged(project_copy)
    assert "A reference to 'border.md' is included in the 'nav' configuration, which is not found" in output


def test_broken_yaml_data_fails_naming_file_and_line(project_copy):
    data = project_copy / "docs" / "data"
    data.mkdir(exist_ok=True)  # overwrite the real figures.yml with broken YAML
    (data / "figures.yml").write_text("figures:\n  - key: stations\n    value: 849\n  - key: cases\n   value: 97%\n")
    output = refused_unchanged(project_copy)
    assert "[data-files] docs/data/figures.yml:5: YAML data does not parse" in output
    # One cause, one message: no check of paragraphs against data it could not read, no "unknown" placeholder.
    assert "[placeholders]" not in output and "neither lists" not in output
    assert output.count("ERROR   -  [") == 2, output  # the file's parse error, and that its data cannot be used


def test_a_new_page_without_its_translation_fails_naming_it(project_copy):
    (project_copy / "docs" / "border.zh.md").write_text("---\ntitle: 边境\ndescription: 边境警务。\n---\n\n# 边境\n")
    replace_in(project_copy / "mkdocs.yml", "  - 关于本版: about.md\n", "  - 关于本版: about.md\n  - 边境: border.md\n")
    output = refused_unchanged(project_copy)
    assert "[twins] docs/border.zh.md:1: this page has no 'en' twin: docs/border.en.md does not exist" in output


def test_a_duplicate_paragraph_id_fails_naming_file_and_lines(project_copy):
    target = project_copy / "docs" / "policing.en.md"
    second = line_of(target, "{#a2-1-2}")
    replace_in(target, "{#a2-1-2}", "{#a2-1-1}")
    output = refused_unchanged(project_copy)
    assert f"[paragraph-ids] docs/policing.en.md:{second}: paragraph id '#a2-1-1' is used 2 times" in output
    # One cause, one message: the pairwise checks do not compare paragraphs mismatched by the duplicate.
    for follow_on in ("[numbers]", "[glossary]", "is missing here", "out of order"):
        assert follow_on not in output
