"""The project's own data and pages, loaded once for the site tests, and the built page of a name."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT
from edition.from_mkdocs import load_project

# The edition as the build and the maintainer's scripts read it: mkdocs.yml's navigation, languages
# and Markdown extensions (a page a maintainer adds is where `make page` put it, as the build sees it).
EDITION = load_project(ROOT)[1]
DATA = EDITION.data
AREAS = EDITION.areas  # each area of the figures and measures -> its page, from the documents
# The pages of a document's text (front matter ``kind: source``), and every id the pages write by hand
# ({#…}): read from the pages, so a page a maintainer adds, with its own id prefix, is counted at once.
TEXT_PAGES = tuple(file.name for file in EDITION.files if file.lang == "zh" and file.kind == "source")
WRITTEN_IDS = frozenset(block_id for file in EDITION.files for block_id in file.explicit_ids)
LANGS = {"zh": "", "en": "en/"}  # each language's folder in the built site


def built_file(site: Path, lang: str, name: str) -> Path:
    """site/en/policing/index.html for ('en', 'policing'); the home page for 'index'."""
    return site / LANGS[lang] / ("" if name == "index" else name) / "index.html"


def built_page(site: Path, lang: str, name: str) -> BeautifulSoup:
    return BeautifulSoup(built_file(site, lang, name).read_text(encoding="utf-8"), "html.parser")
