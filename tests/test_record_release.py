"""`make release` (scripts/record_release.py) in a copy of the project: what it refuses, and the
release recorded again while it is not published (not on the branch the site is deployed from: the
clone's origin, else git's HEAD), each refusal naming its command."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import log_correction
import record_release
from building import change_a_published_paragraph
from edition.checks.registry import CHECKS
from edition.from_mkdocs import load_project
from edition.model.release import next_version

RECORD, EDITION_YML = "docs/data/releases.json", "docs/data/edition.yml"
WHAT = ["--what-zh", "英文加了一个词。", "--what-en", "The English gained a word."]


def git(project: Path, *args: str) -> None:
    identity = ["-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", *identity, *args], cwd=project, check=True, capture_output=True)


def commit_record(project: Path) -> None:
    """The record as the last commit holds it: what is published once merged."""
    if not (project / ".git").exists():
        git(project, "init", "-q")
    git(project, "add", RECORD)
    git(project, "commit", "-q", "-m", "the record")


def releases(project: Path) -> list[dict]:
    return json.loads((project / RECORD).read_text(encoding="utf-8"))["releases"]


def correct_and_record(project: Path, paragraph: str | None = None) -> tuple[str, str, str]:
    """A correction logged and recorded, as CONTRIBUTING's recipe makes it: (version, page, paragraph)."""
    page, paragraph = change_a_published_paragraph(project, paragraph=paragraph)
    _, edition = load_project(project)
    version = log_correction.pending_version(edition)
    assert log_correction.main([paragraph, *WHAT, "--root", str(project)]) == 0
    assert record_release.main([version, "--root", str(project)]) == 0
    return version, page, paragraph


def run_checks(project: Path, *names: str) -> list:
    _, edition = load_project(project)
    return [problem for check in CHECKS if check.name in names for problem in check.run(edition)]


def test_a_release_when_nothing_changed_is_refused_naming_the_last_version(project_copy, capsys):
    last = releases(project_copy)[-1]["version"]
    before = (project_copy / RECORD).read_bytes(), (project_copy / EDITION_YML).read_bytes()
    assert record_release.main(["--root", str(project_copy)]) == 2
    said = capsys.readouterr().err
    assert f"nothing changed since version {last}" in said
    assert "make correction PARAGRAPH=<id> WHAT_ZH='…' WHAT_EN='…'" in said and "then make release" in said
    assert ((project_copy / RECORD).read_bytes(), (project_copy / EDITION_YML).read_bytes()) == before


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_same_version_is_recorded_again_in_place_while_it_is_not_published(project_copy, capsys):
    commit_record(project_copy)  # the releases published so far
    count = len(releases(project_copy))
    version, page, paragraph = correct_and_record(project_copy)
    first = releases(project_copy)[-1]
    change_a_published_paragraph(project_copy, paragraph=paragraph)  # another change before the merge
    assert record_release.main([version, "--root", str(project_copy)]) == 0
    assert f"recording {version} again" in capsys.readouterr().out
    found = releases(project_copy)
    assert len(found) == count + 1 and [r["version"] for r in found].count(version) == 1
    lang = "en" if page.endswith(".en.md") else "zh"
    again = found[-1]["paragraphs"][lang][paragraph]
    assert again != first["paragraphs"][lang][paragraph] and again.count("indeed") == 2  # the text as it now stands
    assert f"version: {version}\n" in (project_copy / EDITION_YML).read_text(encoding="utf-8")
    assert run_checks(project_copy, "release", "errata") == []


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_correction_after_an_unpublished_release_joins_it_by_default(project_copy, capsys):
    """CONTRIBUTING's commands as written, no VERSION=: a second correction made after `make release`
    and before the commit is logged for that release, and `make release` records it again."""
    commit_record(project_copy)
    version, _, paragraph = correct_and_record(project_copy)
    _, edition = load_project(project_copy)
    other = next(b.id for p, b in edition.blocks_in("en") if b.tag == "p" and b.id != paragraph and p.kind == "source")
    change_a_published_paragraph(project_copy, paragraph=other)
    assert log_correction.main([other, *WHAT, "--root", str(project_copy)]) == 0
    assert f"logged the change of #{other} for {version}" in capsys.readouterr().out  # it joins the release
    # The first paragraph changed again: its entry for this release is the one to extend.
    change_a_published_paragraph(project_copy, paragraph=paragraph)
    assert log_correction.main([paragraph, *WHAT, "--root", str(project_copy)]) == 2
    assert f"#{paragraph} already has its entry for {version} (docs/data/errata.yml:" in capsys.readouterr().err
    # A new version would record the changes apart from the release their entries name: refused.
    assert record_release.main([next_version(version), "--root", str(project_copy)]) == 2
    refusal = capsys.readouterr().err
    assert f"logs the change of {other} for {version}" in refusal  # logged after the release was recorded
    assert "`make release` (no VERSION)" in refusal and releases(project_copy)[-1]["version"] == version
    assert record_release.main(["--root", str(project_copy)]) == 0
    assert f"recording {version} again" in capsys.readouterr().out
    assert [r["version"] for r in releases(project_copy)].count(version) == 1
    assert run_checks(project_copy, "release", "errata") == []


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_contributors_own_commits_are_not_published_until_the_deployed_branch_holds_them(
    project_copy, tmp_path, capsys
):
    """A pull request's branch: the release committed there is recorded again after another change,
    while the clone's origin (the deployed branch) does not hold it."""
    git(project_copy, "init", "-q", "-b", "main")
    git(project_copy, "add", "-A")
    git(project_copy, "commit", "-q", "-m", "the project as published")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(project_copy), str(clone)], check=True, capture_output=True)
    version, _, paragraph = correct_and_record(clone)
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "-m", "a correction, released")  # committed on the contributor's branch
    change_a_published_paragraph(clone, paragraph=paragraph)
    assert record_release.main([version, "--root", str(clone)]) == 0
    assert f"recording {version} again" in capsys.readouterr().out
    assert [r["version"] for r in releases(clone)].count(version) == 1


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_a_published_version_is_refused_naming_the_next(project_copy, capsys):
    commit_record(project_copy)
    version, _, paragraph = correct_and_record(project_copy)
    commit_record(project_copy)  # recorded and committed: published once merged
    change_a_published_paragraph(project_copy, paragraph=paragraph)
    before = (project_copy / RECORD).read_bytes()
    assert record_release.main([version, "--root", str(project_copy)]) == 2
    said = capsys.readouterr().err
    major, minor, _ = version.split(".")
    assert f"version {version} is published" in said and f"make release VERSION={major}.{int(minor) + 1}.0" in said
    assert (project_copy / RECORD).read_bytes() == before


def test_without_git_the_last_version_is_taken_as_published(project_copy, capsys):
    """The copy is no git repository: whether the release is published cannot be told, so it is kept."""
    version, _, paragraph = correct_and_record(project_copy)
    change_a_published_paragraph(project_copy, paragraph=paragraph)
    assert record_release.main([version, "--root", str(project_copy)]) == 2
    said = capsys.readouterr().err
    assert "taken as published" in said and "make release VERSION=" in said
    assert [r["version"] for r in releases(project_copy)].count(version) == 1


def test_an_earlier_version_is_refused_naming_the_next(project_copy, capsys):
    last = releases(project_copy)[-1]["version"]
    change_a_published_paragraph(project_copy)
    assert record_release.main(["0.0.1", "--root", str(project_copy)]) == 2
    major, minor, _ = last.split(".")
    assert f"must come after the last release, {last}: make release VERSION={major}.{int(minor) + 1}.0" in (
        capsys.readouterr().err
    )


def test_a_correction_takes_the_key_of_any_published_word_the_build_names(project_copy, capsys):
    """The build names a data phrase, About's text or an interface string by its key (data:…, about:…,
    strings:…) and gives `make correction PARAGRAPH=<key>`: the command takes it; an unknown key is refused."""
    from edition.checks.errata import current_texts

    _, edition = load_project(project_copy)
    keys = {key for found in current_texts(edition).values() for key in found}
    data_key = min(key for key in keys if key.startswith("data:"))
    assert log_correction.main([data_key, *WHAT, "--root", str(project_copy)]) == 0
    assert f"paragraph: {data_key}" in (project_copy / "docs" / "data" / "errata.yml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert log_correction.main(["data:no-such.yml:x", *WHAT, "--root", str(project_copy)]) == 2
    assert "no published word has that key" in capsys.readouterr().err


def test_a_release_says_what_else_the_build_will_refuse(project_copy, capsys):
    """A paragraph reworded around a figure, logged and released as the recipe says: `make release`
    records it and says at once that the figure's phrase no longer stands (a newcomer found out
    only at `make test`)."""
    _, edition = load_project(project_copy)
    figure = next(f for f in edition.data.figures if " " in f.en)
    page = next(p for p, b in edition.blocks_in("en") if b.id == figure.paragraph)
    text = page.path.read_text(encoding="utf-8")
    page.path.write_text(text.replace(figure.en, figure.en.replace(" ", "  ", 1).replace("  ", " so ", 1), 1), "utf-8")
    assert log_correction.main([figure.paragraph, *WHAT, "--root", str(project_copy)]) == 0
    capsys.readouterr()
    assert record_release.main(["--root", str(project_copy)]) == 0
    said = capsys.readouterr().out
    assert "still to do:" in said and f"the en of figure '{figure.id}'" in said
