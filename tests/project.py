"""The project's own data and pages, loaded once for the site tests, and the built page of a name."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from conftest import ROOT
from edition.model.data import AREAS, load_data
from edition.model.pages import load_edition
from edition.model.strings import load_catalogues

DATA = load_data(ROOT / "docs", ROOT)
EDITION = load_edition(ROOT, ROOT / "docs", ["zh", "en"], [f"{name}.md" for name in AREAS.values()])
EDITION.strings = load_catalogues(ROOT, ROOT / "docs", ["zh", "en"])
LANGS = {"zh": "", "en": "en/"}  # each language's folder in the built site


def built_file(site: Path, lang: str, name: str) -> Path:
    """site/en/policing/index.html for ('en', 'policing'); the home page for 'index'."""
    return site / LANGS[lang] / ("" if name == "index" else name) / "index.html"


def built_page(site: Path, lang: str, name: str) -> BeautifulSoup:
    return BeautifulSoup(built_file(site, lang, name).read_text(encoding="utf-8"), "html.parser")
