"""The edition, loaded once: ``load_edition`` reads every file the build reads, in one pass.

Everything else (checks, outputs, the maintainer's scripts) works from the one ``Edition`` this
returns and never changes it: its fields are set here and the dataclass is frozen. Reading never
raises: what is wrong with a file is kept with what was read, as problems for the check that owns
that file (a missing or broken file is a problem of its check, not an exception). What a build
makes of the model (the pages' final HTML) is the plugin's, not the model's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from edition.model.alignment import ALIGNMENT_FILE, Alignment, load_alignment
from edition.model.data import Data, load_data
from edition.model.documents import Work, load_documents
from edition.model.errata import Versions, read_versions
from edition.model.facts import give_facts
from edition.model.pages import Block, PageFile, nav_names, page_files, split_name
from edition.model.problems import Problem
from edition.model.project import Project
from edition.model.release import EDITION_FILE
from edition.model.roles import Roles, roles_of
from edition.model.source_slips import CORRECTIONS_FILE, Correction, read_corrections
from edition.model.strings import Catalogue, load_catalogues
from edition.model.yaml_data import YamlFile

DEFAULT_MARKDOWN: dict[str, Any] = {"extensions": ["attr_list", "footnotes", "toc", "tables"]}


@dataclass(frozen=True)
class Edition:
    """The pages (grouped by page name and language), the documents, the data, the strings and the versions."""

    root: Path
    docs_dir: Path
    languages: list[str]  # default language first
    nav_order: list[str]  # page names in navigation order
    files: list[PageFile]
    project: Project  # what mkdocs.yml says, for the checks
    strings: dict[str, Catalogue]  # interface strings per language, with the facts they name
    documents: dict[str, Work]  # docs/data/documents/<id>.yml by id (their problems: the "release" check's)
    data: Data  # figures, measures, glossary
    versions: Versions  # edition.yml, releases.json and errata.yml
    corrections: list[Correction]  # docs/data/corrections.yml, the 〔〕 corrections of the source's slips
    correction_problems: list[Problem] = field(repr=False)  # what is wrong with corrections.yml ("corrections" check)
    alignment: Alignment = field(repr=False)  # docs/data/alignment.yml, the sentence alignment
    # The YAML files of docs/data as the readers above parsed them, by name ("figures.yml",
    # "strings.en.yml" …), for what reads their words with their lines (published words, term forms).
    yaml_files: dict[str, YamlFile] = field(repr=False)

    @property
    def default_language(self) -> str:
        """The source language: the default at the site's root (mkdocs.yml, the i18n plugin's languages)."""
        return self.languages[0]

    @property
    def roles(self) -> Roles:
        """The source and translation languages, from the same config as :attr:`default_language`."""
        return roles_of(self.languages)

    @property
    def translations(self) -> list[str]:
        return self.languages[1:]

    @property
    def areas(self) -> dict[str, str]:
        """Area name -> page name, from the documents (the ``area`` of figures and measures), in reading order."""
        return {area: page for work in self.documents.values() for area, page in work.areas.items()}

    def by_rel(self, rel: str) -> PageFile | None:
        return self._by_rel.get(rel)

    @cached_property
    def _by_rel(self) -> dict[str, PageFile]:
        return {file.rel: file for file in self.files}

    def page(self, name: str, lang: str) -> PageFile | None:
        return self._by_name.get((name, lang))

    @cached_property
    def _by_name(self) -> dict[tuple[str, str | None], PageFile]:
        return {(file.name, file.lang): file for file in self.files}

    def document_of(self, page: PageFile) -> str | None:
        """The document a page is cited as: a source page's own, a side-by-side view's shown page's
        (its citations, metadata and footer name that document, not the main one)."""
        if page.kind == "source":
            return page.document
        shown = self.page(page.shows, page.lang or self.default_language) if page.shows else None
        return shown.document if shown is not None and shown.kind == "source" else None

    def source_file(self, src_uri: str) -> PageFile | None:
        """The model of the page MkDocs builds from ``src_uri`` (e.g. 'parallel/policing.en.md')."""
        name, lang = split_name(src_uri, self.languages)
        return self.page(name, lang) if lang else self._by_name.get((name, None))

    @property
    def names(self) -> list[str]:
        """Page names, navigation order first, then the rest alphabetically."""
        all_names = {file.name for file in self.files if file.lang}
        ordered = [name for name in self.nav_order if name in all_names]
        return ordered + sorted(all_names - set(ordered))

    def blocks_in(self, lang: str) -> Iterable[tuple[PageFile, Block]]:
        """Every id-carrying block of one language's pages, pages in navigation order."""
        for name in self.names:
            page = self.page(name, lang)
            for block in page.blocks if page else []:
                yield page, block

    def page_of_block(self, lang: str) -> dict[str, PageFile]:
        """Block id -> the page of ``lang`` that holds it, for links to a paragraph by its id."""
        return {block.id: page for page, block in self.blocks_in(lang)}

    def pairs(self) -> Iterable[tuple[PageFile, PageFile]]:
        """(default-language page, other-language page) for every page that has both.

        A pair in which either page uses an id twice is left out: paragraphs cannot be matched by
        id until that is fixed, and the paragraph id check reports it. Comparing such a pair would
        only bury that one message under follow-on ones about the wrong paragraphs.
        """
        for name in self.names:
            original = self.page(name, self.default_language)
            for lang in self.languages[1:]:
                twin = self.page(name, lang)
                if original and twin and not original.duplicate_ids and not twin.duplicate_ids:
                    yield original, twin


def load_edition(
    root: Path,
    docs_dir: Path,
    languages: list[str],
    nav: Any = None,
    markdown_options: dict[str, Any] | None = None,
    project: Project | None = None,
) -> Edition:
    """Read the whole edition under ``docs_dir`` once: pages, documents, data, versions, corrections,
    alignment and strings (a page is rendered only when a check first asks for its blocks).

    ``project`` is what mkdocs.yml says (edition/from_mkdocs.py); the tests may leave it out.
    """
    project = project or Project()

    def rel(path: Path) -> str:
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)

    loaded_documents = load_documents(docs_dir, root)
    versions = read_versions(docs_dir, root, loaded_documents)
    strings = load_catalogues(root, docs_dir, languages)
    give_facts(strings, versions.info, project)  # the strings' {edition_name} and {site_name}
    corrections, correction_problems, corrections_file = read_corrections(docs_dir, rel(docs_dir / CORRECTIONS_FILE))
    data = load_data(docs_dir, root)
    parsed = {
        **data.files,
        Path(CORRECTIONS_FILE).name: corrections_file,
        Path(EDITION_FILE).name: versions.edition_file,
        **{Path(catalogue.rel).name: catalogue.file for catalogue in strings.values()},
    }
    return Edition(
        root=root,
        docs_dir=docs_dir,
        languages=languages,
        nav_order=nav_names(nav),
        files=page_files(root, docs_dir, languages, markdown_options or DEFAULT_MARKDOWN),
        project=project,
        strings=strings,
        documents=loaded_documents[0],
        data=data,
        versions=versions,
        corrections=corrections,
        correction_problems=correction_problems,
        alignment=load_alignment(docs_dir, rel(docs_dir / ALIGNMENT_FILE) if docs_dir.is_relative_to(root) else None),
        yaml_files={name: file for name, file in parsed.items() if file is not None},
    )
