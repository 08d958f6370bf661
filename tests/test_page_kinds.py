"""Page kinds: source pages are compared with their own source document; editorial pages with none."""

from __future__ import annotations

from pathlib import Path

from edition.checks.source_text import check
from edition.model.project import Project
from helpers import edition_from

SOURCE_A = "标题甲\n第一句。第二句。\n"
SOURCE_B = "标题乙\n另一份文件的一句。\n"


def front(kind: str, title: str, source: str | None = None) -> str:
    named = f"source: {source}\n" if source else ""
    return f"---\nkind: {kind}\n{named}title: {title}\ndescription: D\n---\n\n"


def setup(tmp_path: Path, files: dict[str, str], nav: list[str], default: str | None = "source/a.zh.txt"):
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "a.zh.txt").write_text(SOURCE_A, encoding="utf-8")
    (tmp_path / "source" / "b.zh.txt").write_text(SOURCE_B, encoding="utf-8")
    edition = edition_from(tmp_path, files, nav)
    edition.project = Project(source=default)
    return edition


def test_an_editorial_page_with_ids_is_not_compared_with_the_source(tmp_path):
    files = {
        "a.zh.md": front("source", "甲") + "## 标题甲 {#h}\n\n第一句。第二句。\n{#p}\n",
        "notes.zh.md": front("editorial", "说明") + "编者自己的话，带有编号。\n{#n-1}\n",
    }
    assert check(setup(tmp_path, files, ["a.md", "notes.md"])) == []


def test_the_same_page_as_a_source_page_is_refused(tmp_path):
    files = {
        "a.zh.md": front("source", "甲") + "## 标题甲 {#h}\n\n第一句。第二句。\n{#p}\n",
        "notes.zh.md": front("source", "说明") + "编者自己的话，带有编号。\n{#n-1}\n",
    }
    problems = check(setup(tmp_path, files, ["a.md", "notes.md"]))
    assert any(p.path == "docs/notes.zh.md" and "not in the source" in p.message for p in problems)


def test_a_second_source_document_is_compared_with_its_own_pages(tmp_path):
    files = {
        "a.zh.md": front("source", "甲") + "## 标题甲 {#h}\n\n第一句。第二句。\n{#p}\n",
        "b.zh.md": front("source", "乙", "source/b.zh.txt") + "## 标题乙 {#bh}\n\n另一份文件的一句。\n{#bp}\n",
    }
    assert check(setup(tmp_path, files, ["a.md", "b.md"])) == []


def test_a_sentence_dropped_from_the_second_document_is_refused_naming_it(tmp_path):
    files = {
        "a.zh.md": front("source", "甲") + "## 标题甲 {#h}\n\n第一句。第二句。\n{#p}\n",
        "b.zh.md": front("source", "乙", "source/b.zh.txt") + "## 标题乙 {#bh}\n",
    }
    [problem] = check(setup(tmp_path, files, ["a.md", "b.md"]))
    assert problem.path == "docs/b.zh.md" and "另一份文件的一句" in problem.message
    assert "source/b.zh.txt" in problem.fix


def test_a_source_page_without_any_source_document_is_refused(tmp_path):
    files = {"a.zh.md": front("source", "甲") + "第一句。\n{#p}\n"}
    [problem] = check(setup(tmp_path, files, ["a.md"], default=None))
    assert "no source document is named" in problem.message and "kind: editorial" in problem.fix


def test_a_source_document_outside_the_project_or_missing_is_refused_at_its_line(tmp_path):
    for named in ("../../etc/passwd", "source/missing.zh.txt", "/etc/hostname"):
        files = {"a.zh.md": front("source", "甲", named) + "第一句。\n{#p}\n"}
        folder = tmp_path / named.replace("/", "_").replace(".", "_")
        folder.mkdir()
        [problem] = check(setup(folder, files, ["a.md"]))
        assert problem.path == "docs/a.zh.md" and problem.line == 3, problem
        assert named in problem.message
