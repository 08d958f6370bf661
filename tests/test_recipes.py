"""Each recipe of CONTRIBUTING.md, performed in a copy of the project with CONTRIBUTING's own commands.

The commands of each recipe's shell block are run as written (``make …`` in the copy, on this
environment: ``VENV`` is the running one, its install stamp taken as done); the steps a
maintainer does by hand (the ``#`` lines: write the pages, edit a paragraph, fill in a document's
file) are done here as CONTRIBUTING says. The recipes are performed one after another in one copy,
as a maintainer's pull requests would follow each other; each ``make test`` runs the checks of the
model (every check of the pages and data), and the last one is the whole build with every check
(in this process, as tests/building.py builds): it must pass, with no edit to any test.
CONTRIBUTING.zh.md must give the same commands.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

import log_correction
from building import build, change_a_published_paragraph, copy_project
from conftest import ROOT
from edition.checks.registry import checks
from edition.from_mkdocs import load_project
from edition.model.pages import EXPLICIT_ID

VENV = Path(sys.executable).parent.parent
RECIPE = re.compile(r"<!-- recipe: (\w+) -->\n(.*?)(?=<!-- recipe: |\n## )", re.S)
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def recipes(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Recipe name -> its code blocks (language, text), as the file gives them."""
    return {name: BLOCK.findall(body) for name, body in RECIPE.findall(path.read_text(encoding="utf-8"))}


RECIPES = recipes(ROOT / "CONTRIBUTING.md")


def test_both_languages_give_the_same_recipes_and_commands():
    assert set(RECIPES) == {"page", "correction", "glossary", "release", "document"}
    commands = {name: [(lang, commands_of(text)) for lang, text in blocks] for name, blocks in RECIPES.items()}
    chinese = recipes(ROOT / "CONTRIBUTING.zh.md")
    assert {name: [(lang, commands_of(text)) for lang, text in blocks] for name, blocks in chinese.items()} == commands


def commands_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


# The values of a recipe's commands that name something new: a page, a document, an id prefix.
NEW_NAMES = re.compile(r"\b(NAME|ID|DOCUMENT|ID_PREFIX)=(\S+)")


def taken(project: Path, value: str) -> bool:
    """Whether the project already has ``value`` as a page, a document, a source text or an id prefix."""
    docs = project / "docs"
    ids = (block_id for page in docs.rglob("*.md") for block_id in EXPLICIT_ID.findall(page.read_text("utf-8")))
    return (
        (docs / f"{value}.zh.md").exists()
        or (docs / "data" / "documents" / f"{value}.yml").exists()
        or (project / "source" / f"{value}.zh.txt").exists()
        or any(block_id == value or block_id.startswith(f"{value}-") for block_id in ids)
    )


def fresh(project: Path, line: str, names: dict[str, str]) -> str:
    """``line`` with each new name the project already has (a maintainer followed the example as
    written: a page 'interview', a document 'notice-2018') replaced by one it has not; ``names``
    keeps each choice, so the recipe's later commands and steps use it too."""

    def unused(match: re.Match[str]) -> str:
        value = match.group(2)
        if value not in names:
            names[value] = next(
                candidate
                for candidate in (value, *(f"{value}{n}" for n in range(2, 100)))
                if not taken(project, candidate)
            )
        return f"{match.group(1)}={names[value]}"

    return NEW_NAMES.sub(unused, line)


def run(project: Path, recipe: str, by_hand: dict[str, object], names: dict[str, str] | None = None) -> None:
    """Run the recipe's shell lines in ``project``; a ``#`` line runs ``by_hand[its first words]``;
    ``names``: the new names chosen so far (see ``fresh``)."""
    [script] = [text for lang, text in RECIPES[recipe] if lang == "sh"]
    names = {} if names is None else names
    for line in script.splitlines():
        line = fresh(project, line, names) if line.startswith("make ") else line
        if line.startswith("#"):
            [step] = [step for words, step in by_hand.items() if line.startswith(f"# {words}")]
            step()
        elif line == "make test":
            _, edition = load_project(project)
            problems = [problem for check in checks("model") for problem in check.run(edition)]
            assert problems == [], f"{recipe}: " + "\n".join(map(str, problems))
        else:
            words = shlex.split(line)
            assert words[0] == "make", line
            stamp = VENV / ".site-deps"
            command = ["make", "--no-print-directory", f"VENV={VENV}", "-o", str(stamp), *words[1:]]
            done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
            assert done.returncode == 0, f"{line}\n{done.stdout}\n{done.stderr}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the repository as a newcomer clones it: the project and the Makefile."""
    return copy_project(tmp_path / "project", ["mkdocs.yml", "docs", "overrides", "scripts", "source", "Makefile"])


def write_pages(project: Path, name: str, zh: list[str], en: list[str]) -> None:
    """Replace a new page's placeholder paragraphs (make page wrote them), in each language, in order."""
    for lang, paragraphs in (("zh", zh), ("en", en)):
        path = project / "docs" / f"{name}.{lang}.md"
        text = path.read_text(encoding="utf-8")
        placeholder = re.compile(r"^[（(].*[)）]$", re.M)
        assert len(placeholder.findall(text)) == len(paragraphs), text
        for paragraph in paragraphs:
            text = placeholder.sub(paragraph, text, count=1)
        path.write_text(text, encoding="utf-8")


@pytest.mark.heavy  # one build of the whole site at the end
def test_every_recipe_in_turn(project):
    names: dict[str, str] = {}  # the recipes' new names, as run (a name the project has is replaced: ``fresh``)
    # A page: the edition's own words, with ids.
    interview = (["编者介绍本版的编辑方法。"], ["The editors describe how the edition was made."])
    write = {"write both pages": lambda: write_pages(project, names["interview"], *interview)}
    run(project, "page", write, names)

    # A correction of the paragraph the recipe names.
    [paragraph] = re.findall(r"PARAGRAPH=(\S+)", " ".join(text for _, text in RECIPES["correction"]))
    run(
        project,
        "correction",
        {"edit the paragraph": lambda: change_a_published_paragraph(project, paragraph=paragraph)},
    )
    assert f"paragraph: {paragraph}" in (project / "docs" / "data" / "errata.yml").read_text(encoding="utf-8")

    # A glossary term: the example is a real term; taken out, then added as the recipe says.
    [(_, entry)] = RECIPES["glossary"]
    glossary = project / "docs" / "data" / "glossary.yml"
    text = glossary.read_text(encoding="utf-8")
    assert entry in text
    glossary.write_text(text.replace(entry, "").rstrip("\n") + "\n\n" + entry, encoding="utf-8")
    _, edition = load_project(project)
    assert [check.run(edition) for check in checks("model") if check.name == "glossary"] == [[]]

    # A release on its own (a release with nothing changed since the last is refused: tests/test_record_release.py),
    # after a correction logged without one.
    _, corrected = change_a_published_paragraph(project)
    what = ["--what-zh", "英文加了一个词。", "--what-en", "The English gained a word."]
    assert log_correction.main([corrected, *what, "--root", str(project)]) == 0
    run(project, "release", {})

    # A second document, described by data, with its own pages.
    def fill_in() -> None:
        document = names["notice-2018"]
        path = project / "docs" / "data" / "documents" / f"{document}.yml"
        text = path.read_text(encoding="utf-8")
        fields = {"title": ("边境警务通知", "Notice on border policing"), "author": ("某局", "A bureau")}
        fields |= {"publisher": ("某网站", "A website"), "place": ("某地", "A place"), "genre": ("通知", "Notice")}
        for key, (zh, en) in fields.items():
            text = text.replace(f"{key}:\n  zh: ''\n  en: ''", f"{key}:\n  zh: {zh}\n  en: {en}")
        text = text.replace("date:  # YYYY-MM-DD", "date: 2018-03-01").replace("url: ''", "url: https://example.org/n")
        path.write_text(text, encoding="utf-8")
        (project / "source" / f"{document}.zh.txt").write_text("边境警务通知\n各地要加强边境管控。\n", encoding="utf-8")

    def write() -> None:
        lines = (["各地要加强边境管控。"], ["All localities are to tighten border control."])
        write_pages(project, names["notice-2018"], *lines)

    run(project, "document", {"fill in every field": fill_in, "write both pages": write}, names)

    # The whole build, every check, as make test builds.
    built = build(project)
    assert built.returncode == 0, built.output
    assert (built.site / "en" / names["interview"] / "index.html").is_file()
    page = (built.site / "en" / names["notice-2018"] / "index.html").read_text(encoding="utf-8")
    head = page.split("</head>")[0]
    assert '<meta name="citation_title" content="Notice on border policing">' in head  # cited as itself
    assert "Press release" not in head and "Source: A website, 1 March 2018, https://example.org/n" in page
    # Its side-by-side view came with it (make page), shaped and listed as the others.
    both = (built.site / "en" / "parallel" / names["notice-2018"] / "index.html").read_text(encoding="utf-8")
    assert "<title>Side by side: Notice on border policing" in both
    assert "All localities are to tighten border control." in both and "各地要加强边境管控。" in both
    # … and it is cited as the notice too: its citations, metadata, footer and source line.
    assert "Press release" not in both.split("</head>")[0] and "Original text © A website" in both
    assert "Source: A website, 1 March 2018, https://example.org/n" in both


def test_a_name_the_project_already_has_is_replaced_in_every_later_command(tmp_path):
    """A maintainer who followed the example as written has a page 'interview' and a document
    'notice-2018': the recipes then run with names the project has not, the same in every command."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "interview.zh.md").write_text("---\nkind: editorial\n---\n# 访谈 {#iv}\n", encoding="utf-8")
    names: dict[str, str] = {}
    line = fresh(project, "make page NAME=interview KIND=editorial ID_PREFIX=iv ZH_TITLE='x'", names)
    assert line == "make page NAME=interview2 KIND=editorial ID_PREFIX=iv2 ZH_TITLE='x'"
    assert fresh(project, "make page NAME=notice-2018 DOCUMENT=notice-2018", names) == (
        "make page NAME=notice-2018 DOCUMENT=notice-2018"  # not taken: kept
    )
