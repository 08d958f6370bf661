"""Page kinds: source pages are compared with their own document's text; editorial pages with none.

Every source document is described by data (docs/data/documents/<id>.yml), and a source page that
names no described document is refused (checks/documents.py)."""

from __future__ import annotations

from pathlib import Path

from edition.checks import documents
from edition.checks.source_text import check
from edition.model.documents import read_document
from helpers import edition_from

SOURCE_A = "标题甲\n第一句。第二句。\n"
SOURCE_B = "标题乙\n另一份文件的一句。\n"


def described(text: str) -> str:
    """A document's file (docs/data/documents/<id>.yml) whose captured text is ``text``."""
    fields = "".join(f"{key}:\n  zh: 甲\n  en: A\n" for key in ("title", "author", "publisher", "place", "genre"))
    return f"{fields}date: 2018-03-01\nlanguage: zh\nurl: https://example.org/a\ntext: {text}\n"


def front(kind: str, title: str, document: str | None = "doc-a") -> str:
    named = f"document: {document}\n" if document and kind == "source" else ""
    return f"---\nkind: {kind}\n{named}title: {title}\ndescription: D\n---\n\n"


def setup(tmp_path: Path, files: dict[str, str], nav: list[str]):
    (tmp_path / "source").mkdir(exist_ok=True)
    (tmp_path / "source" / "a.zh.txt").write_text(SOURCE_A, encoding="utf-8")
    (tmp_path / "source" / "b.zh.txt").write_text(SOURCE_B, encoding="utf-8")
    docs = {
        "data/documents/doc-a.yml": described("source/a.zh.txt"),
        "data/documents/doc-b.yml": described("source/b.zh.txt"),
    }
    return edition_from(tmp_path, {**docs, **files}, nav)


def test_an_editorial_page_with_ids_is_not_compared_with_the_source(tmp_path):
    files = {
        "a.zh.md": front("source", "甲") + "## 标题甲 {#h}\n\n第一句。第二句。\n{#p}\n",
        "notes.zh.md": front("editorial", "说明") + "编者自己的话，带有编号。\n{#n-1}\n",
    }
    edition = setup(tmp_path, files, ["a.md", "notes.md"])
    assert check(edition) == [] and documents.check(edition) == []


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
        "b.zh.md": front("source", "乙", "doc-b") + "## 标题乙 {#bh}\n\n另一份文件的一句。\n{#bp}\n",
    }
    assert check(setup(tmp_path, files, ["a.md", "b.md"])) == []


def test_a_sentence_dropped_from_the_second_document_is_refused_naming_it(tmp_path):
    files = {
        "a.zh.md": front("source", "甲") + "## 标题甲 {#h}\n\n第一句。第二句。\n{#p}\n",
        "b.zh.md": front("source", "乙", "doc-b") + "## 标题乙 {#bh}\n",
    }
    [problem] = check(setup(tmp_path, files, ["a.md", "b.md"]))
    assert problem.path == "docs/b.zh.md" and "另一份文件的一句" in problem.message
    assert "source/b.zh.txt" in problem.fix


def test_a_source_page_without_a_document_is_refused(tmp_path):
    files = {"a.zh.md": front("source", "甲", None) + "第一句。\n{#p}\n"}
    [problem] = documents.check(setup(tmp_path, files, ["a.md"]))
    assert (problem.path, problem.line) == ("docs/a.zh.md", 2)
    assert "names no source document" in problem.message and "document: <id>" in problem.fix
    assert "kind: editorial" in problem.fix


def test_a_source_page_whose_document_is_not_described_is_refused_at_its_line(tmp_path):
    files = {"a.zh.md": front("source", "甲", "press-release-2018") + "第一句。\n{#p}\n"}
    [problem] = documents.check(setup(tmp_path, files, ["a.md"]))
    assert (problem.path, problem.line) == ("docs/a.zh.md", 3)
    assert "no docs/data/documents/press-release-2018.yml" in problem.message
    assert "make document ID=press-release-2018" in problem.fix


def test_a_source_page_whose_document_file_is_incomplete_is_told_to_fill_it_in(tmp_path):
    """``make document`` wrote the file; a field left empty: not "there is no file" (a newcomer was told so)."""
    incomplete = described("source/a.zh.txt").replace("url: https://example.org/a\n", "url: ''\n")
    files = {"data/documents/notice.yml": incomplete, "a.zh.md": front("source", "甲", "notice") + "第一句。\n{#p}\n"}
    edition = setup(tmp_path, files, ["a.md"])
    assert "notice" not in edition.documents  # the "release" check names the empty field
    [problem] = documents.check(edition)
    assert (problem.path, problem.line) == ("docs/a.zh.md", 3)
    assert "is described in docs/data/documents/notice.yml, but that file cannot be read" in problem.message
    assert "fill in every field of docs/data/documents/notice.yml" in problem.fix


def test_a_document_text_outside_the_project_or_missing_is_refused(tmp_path):
    for named in ("../../etc/passwd", "source/missing.zh.txt", "/etc/hostname"):
        folder = tmp_path / named.replace("/", "_").replace(".", "_")
        folder.mkdir()
        files = {"data/documents/doc-a.yml": described(named), "a.zh.md": front("source", "甲") + "第一句。\n{#p}\n"}
        edition = setup(folder, files, ["a.md"])
        [problem] = documents.check(edition)
        assert problem.path == "docs/data/documents/doc-a.yml" and named in problem.message
        # Nothing outside the project was read; the pages are not compared with a text there is not.
        assert edition.documents["doc-a"].words is None and check(edition) == []


def test_a_document_file_missing_a_field_is_refused_at_its_line():
    """The file is validated against a JSON Schema (jsonschema), each problem at its key's line (edition/model/yaml_data.py)."""
    text = described("source/a.zh.txt").replace("publisher:\n  zh: 甲\n  en: A\n", "publisher:\n  zh: 甲\n")
    work, problems = read_document(
        text.replace("url: https://example.org/a\n", ""), "doc-a", "docs/data/documents/doc-a.yml"
    )
    assert work is None
    lines = text.splitlines()
    assert [(p.line, p.message) for p in problems] == [
        (1, "the file has no 'url'."),
        (lines.index("publisher:") + 1, "'publisher' has no 'en'."),
    ]
    assert "'url: https://" in problems[0].fix


def test_a_figure_of_an_area_no_document_describes_is_refused(tmp_path):
    from edition.checks.quotes import check_cited
    from edition.model.data import read_figures

    figures = "figures:\n  - id: x\n    value: 5\n    unit: {zh: 个, en: offices}\n    label: {zh: 甲, en: A}\n"
    figures += "    area: a9\n    paragraph: p\n    zh: 5个\n    en: 5 offices\nnot_figures: []\ncharts: []\n"
    found = read_figures(figures, "docs/data/figures.yml")[0]
    edition = setup(tmp_path, {"a.zh.md": front("source", "甲") + "5个。\n{#p}\n"}, ["a.md"])
    [problem] = check_cited(edition, found, "docs/data/figures.yml")
    assert problem.line == 2 and "area 'a9', which no document describes" in problem.message


def test_a_document_file_with_an_unknown_field_or_a_bad_date_is_refused_at_its_line():
    text = described("source/a.zh.txt").replace("date: 2018-03-01\n", "date: 1 March 2018\nauthors: x\n")
    _, problems = read_document(text, "doc-a", "docs/data/documents/doc-a.yml")
    lines = text.splitlines()
    found = {(p.line, p.message) for p in problems}
    assert (lines.index("authors: x") + 1, "the file has unknown key(s): authors.") in found
    assert any(line == lines.index("date: 1 March 2018") + 1 and "'date'" in message for line, message in found)
