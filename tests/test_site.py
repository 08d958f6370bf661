"""The built site: both languages, every page with its twin, right lang, aligned ids, own host only."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from conftest import REPOSITORY_URL, ROOT, SITE_URL
from project import EDITION, TEXT_PAGES, WRITTEN_IDS

PAGES = sorted(p.name[: -len(".zh.md")] for p in (ROOT / "docs").glob("*.zh.md"))
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# The originals' addresses (each document's url, docs/data/documents/): citations, the source line
# and the text downloads name them; they are links and data, never resources.
SOURCE_LINKS = {urlparse(work.url).netloc for work in EDITION.documents.values() if work.url}


def html(site: Path, page: str, lang: str) -> BeautifulSoup:
    folder = site if lang == "zh" else site / "en"
    path = folder / "index.html" if page == "index" else folder / page / "index.html"
    assert path.exists(), f"{path} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def paragraph_ids(soup: BeautifulSoup) -> list[str]:
    """Ids the pages write by hand (see About), as the built page holds them: automatic heading ids are not."""
    return [el["id"] for el in soup.select("article [id]") if el["id"] in WRITTEN_IDS]


def test_every_page_exists_in_both_languages(built_site):
    english = sorted(p.name[: -len(".en.md")] for p in (ROOT / "docs").glob("*.en.md"))
    assert PAGES and english == PAGES  # every page has its twin (parallel views: test_parallel_site.py)
    for page in PAGES:
        html(built_site.site, page, "zh")
        html(built_site.site, page, "en")


@pytest.mark.parametrize("page", PAGES)
def test_html_lang_matches_the_page_language(built_site, page):
    assert html(built_site.site, page, "zh").html["lang"] == "zh"
    assert html(built_site.site, page, "en").html["lang"] == "en"


@pytest.mark.parametrize("page", PAGES)
def test_english_page_is_english_not_a_fallback(built_site, page):
    zh_text = html(built_site.site, page, "zh").select_one("article").get_text()
    english = html(built_site.site, page, "en").select_one("article")
    for quoted in english.select("[lang]:not([lang=en])"):  # Chinese quoted on purpose (tables, parallel text)
        quoted.decompose()
    en_text = english.get_text()
    assert zh_text != en_text
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in en_text)
    assert cjk / max(len(en_text), 1) < 0.15, f"{page}: English page is mostly Chinese"


@pytest.mark.parametrize("page", PAGES)
def test_paragraph_ids_are_aligned_in_the_built_pages(built_site, page):
    assert paragraph_ids(html(built_site.site, page, "zh")) == paragraph_ids(html(built_site.site, page, "en"))


def test_every_text_page_has_paragraph_ids(built_site):
    """Each page of a document's text (front matter kind: source) holds every id its Markdown writes, in order."""
    assert TEXT_PAGES
    for page in TEXT_PAGES:
        written = EDITION.page(page, "zh").explicit_ids
        assert written and paragraph_ids(html(built_site.site, page, "zh")) == written, page


@pytest.mark.parametrize("page", PAGES)
def test_canonical_is_absolute_and_alternates_are_in_the_sitemap_not_the_head(built_site, page):
    """hreflang goes in sitemap.xml: a <link rel=alternate> makes Material fetch a sitemap beside it."""
    sitemap = ElementTree.fromstring((built_site.site / "sitemap.xml").read_bytes())
    entries = {
        url.findtext(f"{SITEMAP}loc"): {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        for url in sitemap.findall(f"{SITEMAP}url")
    }
    suffix = "" if page == "index" else f"{page}/"
    for lang in ("zh", "en"):
        soup = html(built_site.site, page, lang)
        canonical = soup.select_one("link[rel=canonical]")["href"]
        assert canonical == SITE_URL + ("en/" if lang == "en" else "") + suffix
        assert soup.select("link[rel=alternate]") == []
        assert entries[canonical] == {"zh": SITE_URL + suffix, "en": SITE_URL + "en/" + suffix}


RESOURCE_ATTRIBUTES = [("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")]

# Absolute URLs that built files may contain because no browser requests them: XML and SVG
# namespaces, licence comments of the theme's bundled libraries, a link in a console warning, and
# the JSON Schema dialect named (not fetched) by the text's schema.
NOT_RESOURCES = {
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1999/xhtml",
    "http://www.sitemaps.org/schemas/sitemap/0.9",
    "https://fontawesome.com",  # licence comment inside an inline SVG icon (CSS)
    "https://fontawesome.com/license/free",
    "https://clipboardjs.com/",  # licence comment (bundle)
    "http://lunrjs.com",  # licence comment (search worker)
    "http://tartarus.org/~martin/PorterStemmer/js.txt",  # licence comment (search worker)
    "https://bit.ly/2s3ChXG",  # text of a console warning about an invalid query (search worker)
    "https://json-schema.org/draft/2020-12/schema",  # the dialect's identifier in data/text.schema.json
}
ABSOLUTE_URL = re.compile(r"https?://[^\s\"'`()<>\\]+")


def test_no_other_host_is_referenced(built_site):
    """Nothing loads from another host; the only foreign links are citations of the source and the
    repository the deploy names (the header's link, About's, and "Report a mistake": its issue form)."""
    own = urlparse(SITE_URL).netloc
    offenders = []
    for path in built_site.site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attribute in [*RESOURCE_ATTRIBUTES, ("a", "href"), ("form", "action")]:
            for element in soup.find_all(tag):
                url = urlparse(element.get(attribute) or "")
                if url.netloc and url.netloc != own:
                    if tag == "a" and url.netloc in SOURCE_LINKS:
                        continue
                    href = element.get(attribute)
                    if tag == "a" and (href == REPOSITORY_URL or href.startswith(f"{REPOSITORY_URL}/issues/new?")):
                        continue
                    offenders.append(f"{path.relative_to(built_site.site)}: <{tag} {attribute}={url.geturl()}>")
        for element in soup.find_all(style=True):
            if "url(" in element["style"] and "//" in element["style"]:
                offenders.append(f"{path.relative_to(built_site.site)}: inline style url")
    for path in built_site.site.rglob("*.css"):
        text = path.read_text(encoding="utf-8")
        for marker in ("url(http", "url(//", "@import url(http", '@import "http'):
            if marker in text:
                offenders.append(f"{path.relative_to(built_site.site)}: {marker}")
    assert offenders == []


@pytest.mark.parametrize("suffix", ["js", "json", "css", "xml", "map"])
def test_no_built_file_names_another_host(built_site, suffix):
    """Scripts (Material's bundle and worker included), indexes, styles, sitemap: own host only."""
    own = urlparse(SITE_URL).netloc
    offenders = []
    for path in built_site.site.rglob(f"*.{suffix}"):
        for url in ABSOLUTE_URL.findall(path.read_text(encoding="utf-8")):
            host = urlparse(url).netloc
            if host != own and host not in SOURCE_LINKS and url not in NOT_RESOURCES:
                offenders.append(f"{path.relative_to(built_site.site)}: {url}")
    assert offenders == [], "a built file names another host (see scripts/edition/outputs/own_host.py)"
