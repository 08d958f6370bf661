"""End to end: what an outside pull request could add fails `mkdocs build --strict`, naming the file,
and a refused build changes no file of the project (it loses nothing).

On the tiny project (tests/fixtures/tiny/ with the real mkdocs.yml's settings and checks), built in
this process; `refused` also checks that no file of the project changed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

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
    replace_in(tiny_project / "mkdocs.yml", "extra_css:\n", "extra_css:\n  - https://cdn.example.com/theme.css\n")
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


# Issue 21's classes, new cases written for this list (not the issue's own examples): each breaks the
# tiny project as a pull request could; the build must refuse, naming the file and line, with a fix.
def _symlink(project: Path, rel: str, target: str) -> None:
    (project / rel).symlink_to(target)


def _write(project: Path, rel: str, text: str) -> None:
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_text(text, encoding="utf-8")


def _replace(rel: str, old: str, new: str):
    return lambda project: replace_in(project / rel, old, new)


# case: (the change, the file and a text on the line the message names (None: line 1), what it says)
ATTACKS = {
    # the trust boundary: configuration
    "a snippet include of /etc/passwd": (
        lambda p: append(p / "mkdocs.yml", "\nmarkdown_extensions:\n  - pymdownx.snippets:\n      base_path: ['/']\n"),
        ("mkdocs.yml", "pymdownx.snippets:"),
        "[trust]",
        "'pymdownx.snippets' is refused",
    ),
    "the site's address from a secret": (
        _replace("mkdocs.yml", "!ENV [SITE_URL,", "!ENV [GITHUB_TOKEN,"),
        ("mkdocs.yml", "site_url:"),
        "[trust]",
        "reads the environment variable GITHUB_TOKEN",
    ),
    "templates from outside the repository": (
        _replace("mkdocs.yml", "custom_dir: overrides", "custom_dir: /usr/share"),
        ("mkdocs.yml", "custom_dir:"),
        "[trust]",
        "is not the project's overrides/",
    ),
    # the trust boundary: files
    "a template linked to the host's files": (
        lambda p: _symlink(p, "overrides/host", "/etc"),
        ("overrides/host", None),
        "[file-boundary]",
        "this is a symbolic link (to '/etc')",
    ),
    "a data file linked to the configuration": (
        lambda p: (p / "docs/data/glossary.yml").unlink() or _symlink(p, "docs/data/glossary.yml", "../../mkdocs.yml"),
        ("docs/data/glossary.yml", None),
        "[file-boundary]",
        "this is a symbolic link",
    ),
    "an XML feed with a stylesheet that runs script": (
        lambda p: _write(p, "docs/assets/feed.xml", '<?xml-stylesheet href="x.xsl"?>\n<feed/>\n'),
        ("docs/assets/feed.xml", None),
        "[file-boundary]",
        "xml-stylesheet",
    ),
    "a server configuration file": (
        lambda p: _write(p, "docs/.htaccess", "Redirect 301 / https://evil.example/\n"),
        ("docs/.htaccess", None),
        "[file-boundary]",
        "the file type '.htaccess'",
    ),
    # what is shown is what is checked
    "a zero-width space inside a glossary term": (
        _replace("docs/data/glossary.yml", "en: Ministry of Public Security", "en: Ministry of Public\u200b Security"),
        ("docs/data/glossary.yml", "en: Ministry of Public"),
        "[visible-text]",
        "U+200B ZERO WIDTH SPACE",
    ),
    "a full-width digit in a figure's phrase": (
        _replace("docs/data/figures.yml", "全区95项", "全区９5项"),
        ("docs/data/figures.yml", "全区"),
        "[visible-text]",
        "U+FF19 FULLWIDTH DIGIT NINE",
    ),
    "a Kangxi radical in the Chinese text": (
        _replace("docs/overview.zh.md", "全面深化公安改革以来", "全面深化公安改⾰以来"),
        ("docs/overview.zh.md", "全面深化公安改"),
        "[visible-text]",
        "U+2FB0 KANGXI RADICAL LEATHER",
    ),
    "a pop-directional isolate in an interface string": (
        _replace("docs/data/strings.zh.yml", "  cite: ", "  cite: \u2069"),
        ("docs/data/strings.zh.yml", "  cite: "),
        "[visible-text]",
        "U+2069 POP DIRECTIONAL ISOLATE",
    ),
    # every published word is in the release record
    "a heading of the home page reworded": (
        _replace("docs/index.en.md", "## The reform at a glance", "## The reform in brief"),
        ("docs/index.en.md", "## The reform in brief"),
        "[errata]",
        "the published text 'index:text' (English) differs from its text in version 1.0.0",
    ),
    "a glossary note changed": (
        _replace("docs/data/glossary.yml", "China's national police ministry", "China's national police force"),
        ("docs/data/glossary.yml", "id: ministry-of-public-security"),
        "[errata]",
        "'data:glossary.yml:terms.ministry-of-public-security' (English) differs",
    ),
    "a figure's label changed": (
        _replace("docs/data/figures.yml", "label: {zh: 改革任务完成率,", "label: {zh: 改革任务完成比例,"),
        ("docs/data/figures.yml", "id: completion-rate"),
        "[errata]",
        "'data:figures.yml:figures.completion-rate' (Chinese) differs",
    ),
    # qualifiers across the two languages
    "'about' added to an English figure": (
        _replace("docs/overview.en.md", "a completion rate of 89.5%", "a completion rate of about 89.5%"),
        ("docs/overview.en.md", "{#ov-2}"),
        "[qualifiers]",
        "the Chinese has 89.5% (no qualifier), the English about 89.5% ('about')",
    ),
    "a qualifier in figures.yml its phrases do not have": (
        _replace("docs/data/figures.yml", "    value: 95\n", "    value: 95\n    qualifier: more than\n"),
        ("docs/data/figures.yml", "id: reform-tasks"),
        "[qualifiers]",
        "figure 'reform-tasks' says 'more than', but its phrases",
    ),
    # facts inside interface strings
    "the original's date moved in its document's file": (
        _replace("docs/data/documents/press-release-2017-09-28.yml", "\ndate: 2017-09-28", "\ndate: 2017-09-27"),
        ("mkdocs.yml", "site_description: The Inner Mongolia"),
        "[interface-facts]",
        "the date '28 September 2017' is not the press conference's (2017-09-27",
    ),
}


@pytest.mark.parametrize("case", ATTACKS, ids=list(ATTACKS))
def test_issue_21_attacks_fail_the_build_naming_file_line_and_fix(tiny_project, case):
    change, (rel, marker), check, phrase = ATTACKS[case]
    change(tiny_project)
    output = refused(tiny_project)
    line = line_of(tiny_project / rel, marker) if marker else 1
    found = [row for row in output.splitlines() if f"{check} {rel}:{line}: " in row and phrase in row]
    assert found, f"no «{check} {rel}:{line}: … {phrase}» in:\n{output}"
    assert all(" Fix: " in row for row in found)
