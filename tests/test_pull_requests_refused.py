"""End to end: what an outside pull request could add fails `mkdocs build --strict`, naming the file,
and a refused build changes no file of the project (it loses nothing).

On the tiny project (tests/fixtures/tiny/ with the real mkdocs.yml's settings and checks), built in
this process; `refused` also checks that no file of the project changed.
"""

from __future__ import annotations

from building import append, as_released, build, line_of, refused, replace_in

CONTENT = {
    "a script": ("<script>alert(document.cookie)</script>", "<script> is not allowed"),
    "an inline handler": ('The map <img src="map.png" onerror="alert(1)"> shows it.', "inline event handler onerror="),
    "a remote image": ("![photo](https://images.example.com/photo.jpg)", "loads from outside this site"),
    "a javascript: link": ("[the original](javascript:alert(1))", "is a script URL"),
    "an iframe": ('<iframe src="https://video.example.com/embed/1"></iframe>', "<iframe> is not allowed"),
}


def test_unsafe_content_in_pages_published_files_and_settings_fails_naming_file_and_line(tiny_project):
    """Every kind at once (one build; test_check_content_safety.py has each case on its own)."""
    target = tiny_project / "docs" / "about.en.md"
    for text, _ in CONTENT.values():
        append(target, f"\n{text}\n")
    assets = tiny_project / "docs" / "assets"
    (assets / "seal.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n')
    (assets / "extra.css").write_text('body {\n  font-family: x;\n}\n@import url("https://fonts.example.com/css");\n')
    append(tiny_project / "mkdocs.yml", "\nextra_css:\n  - https://cdn.example.com/theme.css\n")
    output = refused(tiny_project)
    lines = output.splitlines()
    for case, (text, phrase) in CONTENT.items():
        where = f"[content-safety] docs/about.en.md:{line_of(target, text)}: "
        assert any(where in line and phrase in line for line in lines), f"{case}: no «{where}… {phrase}» in:\n{output}"
    assert "[content-safety] docs/assets/seal.svg:2: <script> is not allowed" in output
    assert "[content-safety] docs/assets/extra.css:4: this stylesheet loads 'https://fonts.example.com/css'" in output
    assert "[content-safety] mkdocs.yml:" in output and "https://cdn.example.com/theme.css" in output


def test_a_code_example_of_a_script_is_fine(tiny_project):
    """Fenced code is text, not markup: the check must not refuse a page that shows HTML."""
    append(
        tiny_project / "docs" / "about.en.md", '\n```html\n<script src="https://cdn.example.com/x.js"></script>\n```\n'
    )
    append(tiny_project / "docs" / "about.zh.md", "\n`<img onerror=x>`\n")
    as_released(tiny_project)
    result = build(tiny_project)
    assert result.returncode == 0, result.output


def test_a_broken_link_anchor_or_navigation_entry_fails_naming_the_file(tiny_project):
    """MkDocs' own validation (`validation:` in mkdocs.yml), each kind at once."""
    replace_in(tiny_project / "docs" / "index.en.md", "[Overview](overview.md)", "[Overview](overveiw.md)")
    append(tiny_project / "docs" / "about.zh.md", "\n另见[总体情况](overview.md#ov-22)。\n")
    replace_in(tiny_project / "mkdocs.yml", "  - 关于本版: about.md\n", "  - 关于本版: about.md\n  - 边境: border.md\n")
    as_released(tiny_project)  # the words as released: only the links are wrong
    output = refused(tiny_project)
    assert "Doc file 'index.en.md' contains a link 'overveiw.md', but the target is not found" in output
    assert "Doc file 'about.zh.md' contains a link 'overview.md#ov-22'" in output
    assert "does not contain an anchor '#ov-22'" in output
    assert "A reference to 'border.md' is included in the 'nav' configuration, which is not found" in output


def test_broken_yaml_data_fails_naming_file_and_line(tiny_project):
    # the real figures.yml of the copy, replaced by broken YAML
    (tiny_project / "docs" / "data" / "figures.yml").write_text(
        "figures:\n  - key: stations\n    value: 849\n  - key: cases\n   value: 97%\n"
    )
    output = refused(tiny_project)
    assert "[data-files] docs/data/figures.yml:5: YAML data does not parse" in output
    # One cause, one message: no check of paragraphs against data it could not read, no "unknown" placeholder.
    assert "[placeholders]" not in output and "neither lists" not in output
    assert output.count("ERROR   -  [") == 2, output  # the file's parse error, and that its data cannot be used


def test_a_new_page_without_its_translation_fails_naming_it(tiny_project):
    (tiny_project / "docs" / "border.zh.md").write_text("---\ntitle: 边境\ndescription: 边境警务。\n---\n\n# 边境\n")
    replace_in(tiny_project / "mkdocs.yml", "  - 关于本版: about.md\n", "  - 关于本版: about.md\n  - 边境: border.md\n")
    output = refused(tiny_project)
    assert "[twins] docs/border.zh.md:1: this page has no 'en' twin: docs/border.en.md does not exist" in output


def test_a_duplicate_paragraph_id_fails_naming_file_and_lines(tiny_project):
    target = tiny_project / "docs" / "overview.en.md"
    second = line_of(target, "{#ov-2}")
    replace_in(target, "{#ov-2}", "{#ov-1}")
    output = refused(tiny_project)
    assert f"[paragraph-ids] docs/overview.en.md:{second}: paragraph id '#ov-1' is used 2 times" in output
    # One cause, one message: the pairwise checks do not compare paragraphs mismatched by the duplicate.
    for follow_on in ("[numbers]", "[glossary]", "is missing here", "out of order"):
        assert follow_on not in output
