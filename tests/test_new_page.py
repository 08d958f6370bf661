"""scripts/new_page.py scaffolds a page pair and its navigation entry, and refuses, changing nothing.

The first test runs the script as a maintainer does (`python scripts/new_page.py` in a copy of the
project); the others call its ``main`` in this process on a copy (real pages for the refusals, the
tiny project for the builds, each built in this process).
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import new_page as script
from building import build, snapshot

ARGS = [
    "--kind", "source",
    "--zh-title", "六、边境警务",
    "--en-title", "6. Border policing",
    "--zh-description", "边境地区警务：测试页面。",
    "--en-description", 'Border policing: the "four -isations" (a test page).',
]  # fmt: skip


def run_script(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the project's copy of the script as a maintainer would, from the project folder."""
    return subprocess.run(
        [sys.executable, "scripts/new_page.py", *args],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def new_page(monkeypatch, capsys):
    """``new_page(project, *args)``: the script's ``main`` in this process, on ``project``."""

    def run(project: Path, *args: str) -> Result:
        monkeypatch.setattr(script, "ROOT", project)
        capsys.readouterr()
        try:
            returncode = script.main(list(args))
        except SystemExit as stop:  # argparse's usage errors
            returncode = stop.code
        out, err = capsys.readouterr()
        return Result(returncode, out, err)

    return run


def test_scaffolds_both_pages_and_the_navigation(project_copy):
    config_before = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    result = run_script(project_copy, "border-policing", *ARGS, "--id-prefix", "a6", "--after", "personnel")
    assert result.returncode == 0, result.stderr
    assert "created docs/border-policing.zh.md" in result.stdout

    zh = (project_copy / "docs" / "border-policing.zh.md").read_text(encoding="utf-8")
    en = (project_copy / "docs" / "border-policing.en.md").read_text(encoding="utf-8")
    assert zh.startswith(
        "---\nkind: source\ndocument: press-release-2017-09-28\ntitle: 六、边境警务\ndescription: 边境地区警务：测试页面。\n---\n"
    )
    assert "# 六、边境警务 {#a6}" in zh and "\n{#a6-1}\n" in zh
    assert "# 6. Border policing {#a6}" in en and "\n{#a6-1}\n" in en
    assert yaml.safe_load(en.split("---\n")[1])["description"] == 'Border policing: the "four -isations" (a test page).'

    config = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    added = [line for line in config.splitlines() if line not in config_before.splitlines()]
    assert added == [
        "            六、边境警务: 6. Border policing",
        "      - 六、边境警务: border-policing.md",
        "      - 六、边境警务: parallel/border-policing.md",
    ]
    # The entry sits after area 5, inside the five areas; comments and !ENV tags are untouched.
    assert "      - 五、人民警察管理: personnel.md\n      - 六、边境警务: border-policing.md\n" in config
    # A source page comes with its side-by-side view, shaped as the others, last in their section.
    last_view = [line for line in config_before.splitlines() if ": parallel/" in line][-1]  # as the project has it
    assert f"{last_view}\n      - 六、边境警务: parallel/border-policing.md\n" in config
    views = {
        lang: (project_copy / "docs" / "parallel" / f"border-policing.{lang}.md").read_text("utf-8")
        for lang in ("zh", "en")
    }
    fronts = {lang: yaml.safe_load(text.split("---\n")[1]) for lang, text in views.items()}
    assert (
        fronts["zh"]["title"] == "中英对照：六、边境警务"
        and fronts["en"]["title"] == "Side by side: 6. Border policing"
    )
    assert fronts["en"]["kind"] == "generated" and fronts["en"]["search"] == {"exclude": True}
    assert all(text.endswith("\n<!-- parallel: border-policing -->\n") for text in views.values())
    assert 'site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]' in config
    assert config.count("#") >= config_before.count("#")


def test_the_scaffold_builds_except_for_its_placeholders(new_page, tiny_project):
    assert new_page(tiny_project, "border-policing", *ARGS, "--id-prefix", "a6").returncode == 0
    built = build(tiny_project)
    lines = [line for line in built.output.splitlines() if line.startswith(("WARNING", "ERROR   -  ["))]
    # Twins, ids, front matter, navigation and links are all in order; only the placeholder
    # standing where the source text must go is refused, and the sentence alignment of the new
    # paragraphs is asked for, so a scaffold cannot be published as is. The new paragraphs are in
    # no release yet (a citation could not name a version holding them): recording one is asked for.
    refusals = [line for line in lines if "[errata]" not in line]
    unreleased = [line for line in lines if "[errata]" in line]
    assert built.returncode != 0
    assert unreleased and all("is in no release yet" in line for line in unreleased), built.output
    assert len(refusals) == 5, built.output
    assert "[source-text] docs/border-policing.zh.md:8:" in built.output
    assert "[scaffold] docs/border-policing.zh.md:10:" in built.output  # the placeholder, above its {#a6-1}
    assert "[scaffold] docs/border-policing.en.md:10:" in built.output
    assert sum("[alignment] docs/border-policing.en.md:" in line for line in refusals) == 2
    assert "add 'a6-1: 1-1' under 'border-policing:'" in built.output


def test_without_an_id_prefix_the_pages_build(new_page, tiny_project):
    result = new_page(tiny_project, "reading-list", *ARGS[2:], "--kind", "editorial")
    assert result.returncode == 0, result.stderr
    assert "{#" not in (tiny_project / "docs" / "reading-list.en.md").read_text(encoding="utf-8")
    built = build(tiny_project)
    # Its title, description and words are published words in no release yet; recorded, it builds.
    errors = [line for line in built.output.splitlines() if line.startswith("ERROR   -  [")]
    assert errors and all("[errata]" in line and "is in no release yet" in line for line in errors), built.output
    import record_release

    assert record_release.main(["1.1.0", "--date", "2026-12-01", "--root", str(tiny_project)]) == 0
    built = build(tiny_project)
    assert built.returncode == 0, built.output


REFUSALS = {
    "existing page": (["overview", *ARGS], "the page 'overview' already exists"),
    "existing in one language": (["about", *ARGS], "already exists (docs/about.zh.md, docs/about.en.md)"),
    "upper case": (["Border", *ARGS], "'Border' is not a page name"),
    "underscore": (["border_policing", *ARGS], "is not a page name"),
    "path": (["../border", *ARGS], "is not a page name"),
    "reserved": (["search", *ARGS], "'search' is reserved"),
    "id prefix in use": (["border", *ARGS, "--id-prefix", "a2"], "the id prefix 'a2' is already used"),
    "bad id prefix": (["border", *ARGS, "--id-prefix", "A 6"], "is not an id prefix"),
    "unknown --after": (["border", *ARGS, "--after", "nowhere"], "no entry for 'nowhere.md' in the navigation"),
    "document of an editorial page": (
        ["border", *ARGS[2:], "--kind", "editorial", "--document", "press-release-2017-09-28"],
        "use it with KIND=source",
    ),
    "document not described": (["border", *ARGS, "--document", "../etc/passwd"], "make document ID="),
    "ids on a generated page": (["border", *ARGS[2:], "--kind", "generated", "--id-prefix", "g"], "no paragraphs"),
    "markup in a title": (
        [
            "border",
            "--kind",
            "editorial",
            "--zh-title",
            "<b>边境</b>",
            "--en-title",
            "B",
            "--zh-description",
            "x",
            "--en-description",
            "y",
        ],
        "the zh title contains '<' or '>'",
    ),
    "label translated otherwise": (
        [
            "border",
            "--kind",
            "editorial",
            "--zh-title",
            "首页",
            "--en-title",
            "Border",
            "--zh-description",
            "x",
            "--en-description",
            "y",
        ],
        "already translated as 'Home'",
    ),
}


@pytest.mark.parametrize("case", REFUSALS, ids=list(REFUSALS))
def test_refuses_with_a_clear_message_and_changes_nothing(new_page, project_copy, case):
    args, phrase = REFUSALS[case]
    before = snapshot(project_copy)
    result = new_page(project_copy, *args)
    assert result.returncode == 2
    assert result.stderr.startswith("new_page.py: refused: "), result.stderr
    assert phrase in result.stderr
    assert snapshot(project_copy) == before


def test_a_page_file_left_behind_is_never_overwritten(new_page, project_copy):
    """Only the English file exists (e.g. from an earlier attempt): it is kept as it is."""
    stray = project_copy / "docs" / "border.en.md"
    stray.write_text("my draft\n", encoding="utf-8")
    result = new_page(project_copy, "border", *ARGS)
    assert result.returncode == 2
    assert "already exists (docs/border.en.md)" in result.stderr
    assert stray.read_text(encoding="utf-8") == "my draft\n"
    assert not (project_copy / "docs" / "border.zh.md").exists()


def test_a_side_by_side_page_left_behind_is_never_overwritten(new_page, project_copy):
    stray = project_copy / "docs" / "parallel" / "border.zh.md"
    stray.write_text("my draft\n", encoding="utf-8")
    before = snapshot(project_copy)
    result = new_page(project_copy, "border", *ARGS)
    assert result.returncode == 2 and "docs/parallel/border.zh.md already exist" in result.stderr
    assert snapshot(project_copy) == before


def test_missing_arguments_are_a_usage_error(new_page, project_copy):
    result = new_page(project_copy, "border")
    assert result.returncode == 2
    assert "the following arguments are required: --kind, --zh-description, --en-description" in result.stderr


def fill(path: Path, placeholder_to_text: dict[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in placeholder_to_text.items():
        assert old in text
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def align_sentences(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "scripts/align_sentences.py"], cwd=project, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def record_release(project: Path) -> None:
    """CONTRIBUTING: a new page's paragraphs are published by recording a release (in-process)."""
    import record_release as script

    assert script.main(["1.1.0", "--date", "2026-12-01", "--root", str(project)]) == 0


def test_an_editorial_page_with_ids_builds_as_contributing_says(new_page, tiny_project):
    """CONTRIBUTING, "An editorial page": scaffold, write both languages, align sentences and record a release, build."""
    args = ["--kind", "editorial", "--zh-title", "编者访谈", "--en-title", "An interview with the editors"]
    args += ["--zh-description", "编者谈本版的编辑。", "--en-description", "The editors on how the edition was made."]
    assert new_page(tiny_project, "interview", *args, "--id-prefix", "iv", "--after", "about").returncode == 0
    docs = tiny_project / "docs"
    fill(
        docs / "interview.zh.md",
        {"（此处写本段内容；构建会拒绝这段占位文字，直到它被替换。）": "本版逐句对照原文，译文由编者完成。"},
    )
    fill(
        docs / "interview.en.md",
        {
            "(Write this paragraph here; the build refuses this placeholder until it is replaced.)": "The edition follows the source sentence by sentence; the editors made the translation."
        },
    )
    align_sentences(tiny_project)
    record_release(tiny_project)
    built = build(tiny_project)
    assert built.returncode == 0, built.output
    page = (tiny_project / "site" / "en" / "interview" / "index.html").read_text(encoding="utf-8")
    assert 'id="iv-1"' in page and "edition-tools" in page  # its paragraph has its id, permalink and Cite
    strings = json.loads(page.split('<script id="__edition" type="application/json">')[1].split("</script>")[0])
    # Cited as the edition's own words, under the page's title, not as the department's press release.
    assert "An interview with the editors" in strings["citation"] and "the editors’ own text" in strings["citation"]
    assert "Public Security Department" not in strings["citation"]
    cite = json.loads(page.split('<script id="__edition_cite" type="application/json">')[1].split("</script>")[0])
    assert "An interview with the editors" in cite["paragraph"]["text"] and "version 1.1.0" in cite["paragraph"]["text"]
    assert "An interview with the editors" in cite["page"]["text"]


def test_a_second_source_document_builds_as_contributing_says(new_page, tiny_project):
    """CONTRIBUTING, "A second source document": described by data, its text in source/, pages that name it, no code."""
    import new_document

    (tiny_project / "source" / "notice-2018.zh.txt").write_text(
        "边境警务通知\n各地要加强边境管控。\n", encoding="utf-8"
    )
    assert new_document.main(["notice-2018", "--root", str(tiny_project)]) == 0
    described = tiny_project / "docs" / "data" / "documents" / "notice-2018.yml"
    fields = {"title": ("边境警务通知", "Notice on border policing"), "author": ("某局", "A bureau")}
    fields |= {"publisher": ("某网站", "A website"), "place": ("某地", "A place"), "genre": ("通知", "Notice")}
    text = described.read_text(encoding="utf-8")
    for key, (zh, en) in fields.items():
        text = text.replace(f"{key}:\n  zh: ''\n  en: ''", f"{key}:\n  zh: {zh}\n  en: {en}")
    text = text.replace("date:  # YYYY-MM-DD", "date: 2018-03-01").replace("url: ''", "url: https://example.org/notice")
    described.write_text(text.replace("source/notice-2018.zh.txt", "source/notice-2018.zh.txt"), encoding="utf-8")
    args = ["--kind", "source", "--document", "notice-2018", "--zh-title", "边境警务通知"]
    args += [
        "--en-title",
        "Notice on border policing",
        "--zh-description",
        "一份测试通知。",
        "--en-description",
        "A test notice.",
    ]
    assert new_page(tiny_project, "notice-2018", *args, "--id-prefix", "n1").returncode == 0
    docs = tiny_project / "docs"
    fill(
        docs / "notice-2018.zh.md",
        {
            "# 边境警务通知 {#n1}": "# 编者标题\n\n## 边境警务通知 {#n1}",
            "（此处写本段内容；构建会拒绝这段占位文字，直到它被替换。）": "各地要加强边境管控。",
        },
    )
    fill(
        docs / "notice-2018.en.md",
        {
            "# Notice on border policing {#n1}": "# Editor's title\n\n## Notice on border policing {#n1}",
            "(Write this paragraph here; the build refuses this placeholder until it is replaced.)": "All localities are to tighten border control.",
        },
    )
    align_sentences(tiny_project)
    record_release(tiny_project)
    built = build(tiny_project)
    assert built.returncode == 0, built.output
    # It is cited as itself: the Cite panel, the citation_* tags and the source line name the notice.
    page = (built.site / "en" / "notice-2018" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="citation_title" content="Notice on border policing">' in page
    assert 'A bureau, \\"Notice on border policing\\", 1 March 2018' in page, "the plain citation names the notice"
    assert "Source: A website, 1 March 2018, https://example.org/notice" in page
    assert "Press release" not in page.split("</head>")[0]
    # The footer names the notice's publisher; the first document's pages keep theirs.
    assert "Original text © A website; editing" in page
    first = (built.site / "en" / "overview" / "index.html").read_text(encoding="utf-8")
    assert "Original text © Inner Mongolia Autonomous Region government portal; editing" in first
    # The new document is held to its own text: a dropped sentence is refused, naming that source.
    fill(docs / "notice-2018.zh.md", {"各地要加强边境管控。": "各地要加强管控。"})
    built = build(tiny_project)
    assert built.returncode != 0
    assert "[source-text] docs/notice-2018.zh.md" in built.output and "source/notice-2018.zh.txt" in built.output


def test_a_source_page_without_titles_takes_its_documents_and_another_page_needs_them(new_page, tiny_project):
    """A source page's heading is compared with its document's text: its titles default to the document's."""
    docs = tiny_project / "docs"
    [described] = sorted((docs / "data" / "documents").glob("*.yml"))
    titles = yaml.safe_load(described.read_text(encoding="utf-8"))["title"]
    args = ["--kind", "source", "--zh-description", "另一部分。", "--en-description", "Another part."]
    assert new_page(tiny_project, "part-two", *args).returncode == 0
    for lang in ("zh", "en"):
        front = yaml.safe_load((docs / f"part-two.{lang}.md").read_text(encoding="utf-8").split("---\n")[1])
        assert front["title"] == titles[lang]
    editorial = ["--kind", "editorial", "--zh-description", "说明。", "--en-description", "A note."]
    refused = new_page(tiny_project, "note-two", *editorial)
    assert refused.returncode == 2 and "give ZH_TITLE='…'" in refused.stderr
