"""The built site's figures: home page key figures, the Figures page, charts and the downloads."""

from __future__ import annotations

import csv
import json

import pytest

from conftest import ROOT, SITE_URL
from edition.model.errata import load_all
from edition.model.figure_text import display
from edition.model.published_files import COLUMNS
from edition.outputs.downloads import columns, figure_records, public_address
from project import AREAS, DATA, EDITION, LANGS, built_file, built_page
from site_links import broken_links, is_broken


def test_the_data_is_complete():
    assert DATA.problems == {"figures.yml": [], "measures.yml": [], "glossary.yml": []}
    assert len(DATA.figures) >= 45
    assert any(f.key for f in DATA.figures)


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_shows_every_key_figure_linked_to_its_paragraph(built_site, lang):
    home = built_page(built_site.site, lang, "index")
    assert "<!-- figures: key -->" not in str(home)
    items = home.select(".edition-key-figures li")
    key = [f for f in DATA.figures if f.key]
    assert [li.select_one(".edition-key-figures__value").get_text() for li in items] == [display(f, lang) for f in key]
    assert [li.select_one("a")["href"].split("#")[1] for li in items] == [f.paragraph for f in key]
    assert (
        broken_links(
            built_site.site,
            built_file(built_site.site, lang, "index"),
            ".edition-key-figures a, .edition-chart__source a",
        )
        == []
    )


@pytest.mark.parametrize("lang", LANGS)
def test_figures_page_lists_every_figure_with_working_links(built_site, lang):
    figures = built_page(built_site.site, lang, "figures")
    rows = figures.select(".edition-table tbody tr")
    assert len(rows) == len(DATA.figures)
    for row, figure in zip(rows, DATA.figures, strict=True):
        cells = row.find_all("td")
        assert cells[0].select_one("[data-sort]")["data-sort"] == format(figure.value.normalize(), "f")
        assert figure.zh in row.get_text() and figure.en in row.get_text()
        assert cells[-1].a["href"].endswith(f"#{figure.paragraph}")
    other = "zh" if lang == "en" else "en"
    assert all(cell.span["lang"] == other for cell in (row.find_all("td")[3] for row in rows))
    assert broken_links(built_site.site, built_file(built_site.site, lang, "figures")) == []


@pytest.mark.parametrize("lang", LANGS)
def test_charts_carry_their_numbers_as_text(built_site, lang):
    figures = built_page(built_site.site, lang, "figures")
    charts = figures.select("figure.edition-chart svg")
    assert len(charts) == len(DATA.charts)
    for svg, chart in zip(charts, DATA.charts, strict=True):
        assert svg["role"] == "img" and svg.title.get_text() == chart.title[lang]
        values = [t.get_text() for t in svg.select(".edition-chart__value")]
        assert values == [display(DATA.figure(i), lang) for i in chart.figures]
        assert all(value in svg.desc.get_text() for value in values)
    home_charts = built_page(built_site.site, lang, "index").select("figure.edition-chart")
    assert [c["id"] for c in home_charts] == [f"chart-{c.id}" for c in DATA.charts if c.key]


def test_figures_csv_parses_and_links_reach_real_anchors(built_site):
    raw = (built_site.site / "data" / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte-order mark, for Excel
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert list(rows[0]) == list(COLUMNS["figures"])
    assert [r["id"] for r in rows] == [f.id for f in DATA.figures]
    assert {r["key"] for r in rows} == {"true", "false"}
    cards = next(r for r in rows if r["id"] == "id-cards-away-from-home")
    assert (cards["value"], cards["qualifier"], cards["zh"], cards["link"]) == (
        "280000",
        "more than",
        "累计异地办理身份证28万多张",
        f"{SITE_URL}administration/#a3-1-2",  # the site's address is known: a spreadsheet can open it
    )
    for row in rows:
        for root in (built_site.site, built_site.site / "en"):
            assert is_broken(root, on_site(row["link"])) is None


def on_site(link: str) -> str:
    """A download's full address as a path under a language's root (the English one adds en/)."""
    assert link.startswith(SITE_URL), link
    return link.removeprefix(SITE_URL)


def test_a_local_build_writes_links_relative_to_a_languages_root():
    assert public_address("http://127.0.0.1:8000/") == "" and public_address("http://localhost:8000/") == ""
    assert public_address(SITE_URL) == SITE_URL
    assert figure_records(DATA, AREAS)[0]["link"] == f"{AREAS[DATA.figures[0].area]}/#{DATA.figures[0].paragraph}"


@pytest.mark.parametrize(
    ("name", "count"),
    [("figures", len(DATA.figures)), ("measures", len(DATA.measures)), ("glossary", len(DATA.terms))],
)
def test_json_downloads_parse_with_documented_fields_and_working_links(built_site, name, count):
    document = json.loads((built_site.site / "data" / f"{name}.json").read_text(encoding="utf-8"))
    assert document["fields"] == columns(EDITION, name)  # each column's meaning in both languages
    assert all(meaning.strip() for field in document["fields"].values() for meaning in field.values())
    assert len(document["records"]) == count > 0
    for record in document["records"]:
        assert list(record) == list(COLUMNS[name])
        for link in record["links"] if name == "glossary" else [record["link"]]:
            for root in (built_site.site, built_site.site / "en"):
                assert is_broken(root, on_site(link)) is None, link


@pytest.mark.parametrize("lang", LANGS)
def test_download_links_and_column_descriptions_are_on_the_pages(built_site, lang):
    for name, names in COLUMNS.items():
        soup = built_page(built_site.site, lang, name)
        links = soup.select(".edition-downloads a")
        assert links and all(is_broken(built_site.site / LANGS[lang] / name, a["href"]) is None for a in links)
        described = [code.get_text() for code in soup.select("article td code")]
        assert described == list(names)


def test_readme_documents_every_download_column():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for names in COLUMNS.values():
        for column in names:
            assert f"`{column}`" in readme, column


def test_the_downloads_name_the_main_document_and_the_areas_of_the_documents(built_site):
    info = load_all(ROOT / "docs", ROOT)[0]
    for name in COLUMNS:
        document = json.loads((built_site.site / "data" / f"{name}.json").read_text(encoding="utf-8"))
        assert document["source"] == info.work.url and document["source"].startswith("http")
        assert document["areas"] == EDITION.areas
