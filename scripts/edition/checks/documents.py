"""Check: every source document is described by data, and every source page names one that is.

A ``kind: source`` page's citation, metadata, JSON-LD, PDF section and source line describe the
document it names (front matter ``document: <id>``). A page that names none, or names one with no
file docs/data/documents/<id>.yml, would be cited as another document: refused here, naming the
page and the command that describes a document. A document's captured text (``text:``) must be a
file of the project, since checks/source_text.py compares the pages with it. The documents' own
files are read, and their shape refused, by model/documents.py (through the "release" check).
"""

from __future__ import annotations

from edition.model.documents import ADD, DOCUMENT_ID, DOCUMENTS_DIR
from edition.model.edition import Edition
from edition.model.pages import PageFile
from edition.model.problems import Problem


def _line(page: PageFile, key: str) -> int:
    lines = page.text.splitlines()[: page.front_matter.body_line]
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)


def _has_file(edition: Edition, document: str) -> bool:
    """Whether docs/data/documents/<document>.yml exists (a document id only: nothing else is looked at)."""
    return bool(DOCUMENT_ID.match(document)) and (edition.docs_dir / DOCUMENTS_DIR / f"{document}.yml").is_file()


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    documents = edition.documents  # a file that cannot be read is named by the "release" check
    problems: list[Problem] = []
    folder = f"{edition.docs_dir.relative_to(edition.root).as_posix()}/{DOCUMENTS_DIR}"
    for page in edition.files:
        if page.kind != "source":
            continue
        if page.document is None:
            problems.append(
                Problem(
                    page.rel,
                    _line(page, "kind"),
                    "this page is 'kind: source' but names no source document.",
                    f"add 'document: <id>' to its front matter, one of: {', '.join(sorted(documents))} "
                    f"(a new document: {ADD}); a page of the edition's own words is 'kind: editorial'.",
                )
            )
        elif page.document not in documents and _has_file(edition, page.document):
            problems.append(  # described, but its file is not complete: the "release" check names what is missing
                Problem(
                    page.rel,
                    _line(page, "document"),
                    f"'document: {page.document}' is described in {folder}/{page.document}.yml, but that file "
                    "cannot be read as a document yet (the [release] messages name what it lacks).",
                    f"fill in every field of {folder}/{page.document}.yml as those messages say.",
                )
            )
        elif page.document not in documents:
            problems.append(
                Problem(
                    page.rel,
                    _line(page, "document"),
                    f"'document: {page.document}' is not described: there is no {folder}/{page.document}.yml.",
                    f"describe it with: {ADD.replace('<id>', page.document)} (then fill in its file), "
                    f"or name one of: {', '.join(sorted(documents))}.",
                )
            )
    for work in documents.values():
        if work.words is None:  # not a .txt file of the project (model/documents.py, captured_text)
            problems.append(
                Problem(
                    f"{folder}/{work.id}.yml",
                    1,
                    f"'text: {work.text}' is not a .txt file of the project.",
                    "save the document's text under source/ and name it from the project root: 'text: source/<file>.txt'.",
                )
            )
    return problems
