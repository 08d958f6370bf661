"""The PDFs, built once per run by scripts/build_pdfs.py after the real site (tests/conftest.py) and read back with pypdf: they open, hold the
whole text, every paragraph id and every figure, the source line and the version, embed Debian's Noto CJK."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import real_build_step
from edition.model.errata import load_all
from edition.model.published_files import PDF_FILES
from edition.outputs.pdf import check_fonts
from project import DATA, EDITION, ROOT

pytestmark = pytest.mark.heavy  # the PDFs are read back in seconds: their tests start first among the site's

BODY_SIZE = 12  # px: the text of the paragraphs (10.5 pt, 9.5 pt in the side-by-side English); ids, notes and footers are smaller
INFO = load_all(ROOT / "docs", ROOT)[0]  # the version, the documents


@dataclass
class Pdf:
    path: Path
    pages: int
    text: str  # everything, as extracted
    body: str  # the paragraphs' own text only (no margin ids, footnote markers, notes or running lines)
    reader: PdfReader


@pytest.fixture(scope="session")
def pdfs(request: pytest.FixtureRequest) -> dict[str, Pdf]:
    """The three PDFs, built once per run right after the real site, in its process (tests/conftest.py)."""
    missing = check_fonts()
    if missing:  # skipped locally, never under CI=true (.ci/install-pdf-deps installs the fonts)
        message = f"fonts for the PDFs not found: {', '.join(missing)} (apt-get install fonts-noto-cjk)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    _, output, out = real_build_step(request, "pdf")
    print("\n" + output.replace("\n", "; "))
    found = {}
    for key, name in PDF_FILES.items():
        reader = PdfReader(out / name)
        body: list[str] = []

        def keep(text: str, cm: list[float], tm: list[float], font: dict, size: float, body: list[str] = body) -> None:
            if size >= BODY_SIZE:
                body.append(text)

        text = "\n".join(page.extract_text(visitor_text=keep) for page in reader.pages)
        found[key] = Pdf(out / name, len(reader.pages), text, "".join(body), reader)
    return found


def squeeze(text: str) -> str:
    """Text compared across line breaks: compatibility forms folded (ligatures), whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def has_id(text: str, block_id: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(block_id)}(?![\d-])", text) is not None


LANGS = {"zh": ["zh"], "en": ["en"], "zh-en": ["zh", "en"]}


@pytest.mark.parametrize("key", PDF_FILES)
def test_each_pdf_opens_with_its_contents_source_and_version(pdfs, key):
    pdf = pdfs[key]
    assert pdf.pages >= 8
    assert pdf.path.stat().st_size < 3 * 1024 * 1024
    assert pdf.reader.outline, "no bookmarks (table of contents)"
    assert ("目录" if key != "en" else "Contents") in pdf.text
    assert squeeze(INFO.work.url) in squeeze(pdf.text)
    assert pdf.text.count(INFO.version) >= pdf.pages - 1  # the running head of every page
    title = pdf.reader.metadata.title
    assert INFO.work.title["zh"] in title or INFO.work.title["en"] in title


@pytest.mark.parametrize("key", PDF_FILES)
def test_each_pdf_holds_every_paragraph_id_and_its_whole_text(pdfs, key):
    pdf = pdfs[key]
    body = squeeze(pdf.body)
    missing_ids, missing_text = [], []
    for lang in LANGS[key]:  # every paragraph of the documents' pages (kind: source), as README says
        for _, block in [(page, block) for page, block in EDITION.blocks_in(lang) if page.kind == "source"]:
            if not has_id(pdf.text, block.id):
                missing_ids.append(block.id)
            if squeeze(block.text) not in body:
                missing_text.append(f"{lang} {block.id}")
    assert missing_ids == []
    assert missing_text == []


@pytest.mark.parametrize("key", PDF_FILES)
def test_each_pdf_holds_every_figure(pdfs, key):
    text = squeeze(pdfs[key].body)  # the running lines of a page break would stand between a figure's words
    missing = [
        f"{lang} {figure.id}"
        for figure in DATA.figures
        for lang in LANGS[key]
        if squeeze(getattr(figure, lang)) not in text
    ]
    assert missing == []


def test_the_fonts_are_debians_noto_cjk_embedded(pdfs):
    for key, pdf in pdfs.items():
        fonts = set()
        for page in pdf.reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                for descendant in font.get("/DescendantFonts", [font]):
                    descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                    assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), (
                        f"{key}: not embedded"
                    )
                    fonts.add(re.sub(r"^[A-Z]{6}\+", "", str(descriptor["/FontName"]).lstrip("/")))
        assert fonts and all(name.startswith("Noto-S") and "CJK" in name for name in fonts), fonts


def test_home_and_about_link_the_three_pdfs_where_the_build_puts_them(built_site):
    from posixpath import join, normpath

    from project import built_file, built_page

    for lang in ("zh", "en"):
        for name in ("index", "about"):
            folder = built_file(built_site.site, lang, name).parent.relative_to(built_site.site).as_posix()
            links = built_page(built_site.site, lang, name).select("article a[type='application/pdf']")
            targets = [normpath(join(folder, link["href"])) for link in links]
            assert targets == [f"pdf/{file}" for file in PDF_FILES.values()], (lang, name)
