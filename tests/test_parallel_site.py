"""The parallel views: both languages side by side, aligned by paragraph id, generated from the pages."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from project import EDITION, LANGS, built_file, built_page
from site_links import broken_links


def parallel(site, lang: str, name: str) -> BeautifulSoup:
    return built_page(site, lang, f"parallel/{name}")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", sorted(p.name.split(".")[0] for p in (ROOT / "docs" / "parallel").glob("*.zh.md")))
def test_each_row_pairs_the_two_pages_paragraphs_by_id(built_site, name, lang):
    soup = parallel(built_site.site, lang, name)
    assert soup.html["lang"] == lang
    assert soup.select_one("article h1").get_text() == EDITION.page(f"parallel/{name}", lang).front_matter.data["title"]
    rows = soup.select(".edition-parallel__row[id]")
    zh, en = EDITION.page(name, "zh"), EDITION.page(name, "en")
    assert [row["id"] for row in rows] == [b.id for b in zh.blocks] == [b.id for b in en.blocks]
    for row, zh_block, en_block in zip(rows, zh.blocks, en.blocks, strict=True):
        zh_cell, en_cell = row.select(".edition-parallel__cell")
        assert (zh_cell["lang"], en_cell["lang"]) == ("zh", "en")
        assert zh_cell.get_text().strip() == zh_block.text
        assert en_cell.get_text().strip() == en_block.text
    assert broken_links(built_site.site, built_file(built_site.site, lang, f"parallel/{name}")) == []


def test_a_row_links_to_its_paragraph_on_the_full_page(built_site):
    row = parallel(built_site.site, "en", "policing").find(id="a2-1-1")
    assert row.select_one("a.edition-parallel__id")["href"] == "../../policing/#a2-1-1"


def test_the_parallel_view_is_not_a_copy_of_the_text():
    for path in (ROOT / "docs" / "parallel").glob("*.md"):
        body = path.read_text(encoding="utf-8").split("---", 2)[2].strip()
        assert body == f"<!-- parallel: {path.name.split('.')[0]} -->", path


def test_search_finds_a_paragraph_on_its_page_not_again_in_the_parallel_view(built_site):
    for prefix in ("", "en"):
        meta = json.loads((built_site.site / prefix / "search" / "meta.json").read_text(encoding="utf-8"))
        pages = [page for page, _ in meta["pages"]]
        assert "policing/" in pages
        assert not [page for page in pages if "parallel/" in page]
