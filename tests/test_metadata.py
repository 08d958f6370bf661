"""Each page's head, read back with a parser: Highwire tags as Zotero maps them, JSON-LD, Open Graph, Twitter;
escaping of a title with quotes and '<'; the JSON-LD is a data block the Content-Security-Policy never runs."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SITE_URL
from edition.checks.csp import elements, examine, script_hash, theme_script_patterns
from edition.model.errata import load_all
from edition.model.published_files import PDF_DIR, PDF_FILES
from edition.model.yaml_data import read_yaml
from edition.outputs.metadata import PageMeta, head_html
from project import EDITION
from test_site import PAGES, html

INFO = load_all(ROOT / "docs", ROOT)[0]
TAGS = {"zh": "zh-CN", "en": "en-GB"}
THEME = Path(__import__("material").__file__).parent / "templates"

# Zotero's "Embedded Metadata" translator (zotero/translators, Embedded Metadata.js, read at commit
# f6350ed of 2026-04-27), the part that makes an item of a page's <meta> tags, in Python:
# - HIGHWIRE_MAPPINGS: the citation_* tags it maps to fields (a later tag of the same field wins);
#   citation_technical_report_institution makes the item a report (its hwType).
# - init(): every other <meta name|property="prefix.prop"> whose prefix is a namespace it knows
#   (_prefixes: dc, dcterms, z (Zotero's own), og …) becomes an RDF statement, handed to the RDF
#   translator; its creators come from dc:creator … dc:contributor for authors and from
#   z:<creatorType>s for every other creator type (RDF.js), here a journal article's (the type
#   the RDF import starts from when the page has citation_title), which has a translator.
# - addHighwireMetadata(): if there is any citation_author or citation_editor, the creators are
#   those, and the RDF creators are dropped (one only marks a Highwire creator as an editor);
#   otherwise the RDF creators are kept.
# - cleanAuthor(name, type, useComma = the name has a comma): "Last, First", else the last word
#   is the surname.
ZOTERO_HIGHWIRE = {
    "citation_title": "title",
    "citation_publication_date": "date",
    "citation_cover_date": "date",
    "citation_date": "date",
    "citation_technical_report_institution": "institution",
    "citation_publisher": "publisher",
    "citation_public_url": "url",
    "citation_language": "language",
}
DC, DCTERMS, Z = (
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
    "http://www.zotero.org/namespaces/export#",
)
ZOTERO_PREFIXES = {
    "dc": DC,
    "dcterms": DCTERMS,
    "z": Z,
    "og": "http://ogp.me/ns#",
    "article": "http://ogp.me/ns/article#",
}
RDF_AUTHORS = [DC + "creator", DCTERMS + "creator", DC + "contributor", DCTERMS + "contributor"]
RDF_CREATOR_TYPES = ("author", "contributor", "editor", "reviewedAuthor", "translator")  # a journal article's


def zotero_creator(value: str, creator_type: str) -> dict:
    """Zotero's cleanAuthor(): 'Last, First' when the name has a comma, else the last word as surname."""
    uses_comma = "," in value
    value = value.strip().strip(" .,/[]:")
    if uses_comma:
        last, _, first = value.partition(",")
        return {"lastName": last.strip(), "firstName": first.strip() or None, "creatorType": creator_type}
    first, _, last = value.rpartition(" ")
    return {"lastName": last, "firstName": first or None, "creatorType": creator_type}


def rdf_statements(metas: list[tuple[str, str]]) -> dict[str, list[str]]:
    """init()'s RDF statements: predicate -> values, from the <meta> tags with a known namespace."""
    statements: dict[str, list[str]] = {}
    for names, content in metas:
        for tag in names.split():
            parts = re.split(r"[.:_]", tag)
            prefix, length = None, 0
            if len(parts) > 2:
                prefix, length = parts[1].lower(), len(parts[0]) + len(parts[1]) + 1
            if prefix not in ZOTERO_PREFIXES:
                prefix, length = parts[0].lower(), len(parts[0])
            if prefix in ZOTERO_PREFIXES:
                prop = tag[length + 1 :]
                statements.setdefault(ZOTERO_PREFIXES[prefix] + prop[:1].lower() + prop[1:], []).append(content)
    return statements


def rdf_creators(statements: dict[str, list[str]]) -> list[dict]:
    creators = []
    for creator_type in RDF_CREATOR_TYPES:
        wanted = RDF_AUTHORS if creator_type == "author" else [f"{Z}{creator_type}s"]
        found = next((statements[name] for name in wanted if name in statements), [])  # getFirstResults
        creators += [zotero_creator(value, creator_type) for value in found]
    return creators


def zotero_item(soup: BeautifulSoup) -> dict:
    """The item Zotero's connector saves from a page: read from its <head> as the translator reads it."""
    metas = [
        (tag.get("name") or tag.get("property"), tag.get("content"))
        for tag in soup.select("head meta")
        if (tag.get("name") or tag.get("property")) and tag.get("content")
    ]
    item: dict = {
        "itemType": "report" if any(n == "citation_technical_report_institution" for n, _ in metas) else "webpage"
    }
    for name, field in ZOTERO_HIGHWIRE.items():
        for found, content in metas:
            if found == name and content.strip():
                item["institution" if field == "publisher" and item["itemType"] == "report" else field] = content
    highwire = [zotero_creator(content, "author") for name, content in metas if name == "citation_author"]
    highwire += [zotero_creator(content, "editor") for name, content in metas if name == "citation_editor"]
    item["creators"] = highwire or rdf_creators(rdf_statements(metas))
    return item


def head(soup: BeautifulSoup) -> dict[str, str]:
    return {
        (tag.get("name") or tag.get("property")): tag.get("content")
        for tag in soup.select("head meta")
        if tag.get("content")
    }


def json_ld(soup: BeautifulSoup) -> dict:
    [script] = soup.select("head script[type='application/ld+json']")
    return json.loads(script.string)


def canonical(lang: str, page: str) -> str:
    return SITE_URL + ("en/" if lang == "en" else "") + ("" if page == "index" else f"{page}/")


def front_matter(page: str, lang: str) -> dict:
    text = (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")
    return read_yaml(text.split("---\n", 2)[1])


EDITORIAL = [page for page in PAGES if front_matter(page, "zh").get("kind") == "editorial"]
WORK_PAGES = [page for page in PAGES if page not in EDITORIAL]


def work_of(page: str):
    """The document a page of the work belongs to (its front matter's ``document:``, else edition.yml's)."""
    return INFO.for_document(front_matter(page, "zh").get("document")).work


def saved(built_site, page: str, lang: str) -> tuple[BeautifulSoup, dict]:
    """The built page and the item Zotero saves from it, whose language and address hold on every page."""
    soup = html(built_site.site, page, lang)
    item = zotero_item(soup)
    assert item["language"] == TAGS[lang]
    assert item["url"] == canonical(lang, page)
    return soup, item


def test_the_site_has_both_kinds_of_page():
    assert "about" in EDITORIAL and "index" in EDITORIAL and "administration" in WORK_PAGES


@pytest.mark.parametrize("page", EDITORIAL)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_zotero_saves_an_editorial_page_as_the_editions_web_page(built_site, page, lang):
    """Home and About are the edition's words: saved as a web page by the edition, as their Cite panel cites them."""
    soup, item = saved(built_site, page, lang)
    assert item["itemType"] == "webpage"
    assert item["title"] == front_matter(page, lang)["title"]
    assert item["creators"] == [{"lastName": INFO.name[lang], "firstName": None, "creatorType": "author"}]
    assert item["date"] == (INFO.first_date or INFO.date).strftime("%Y/%m/%d")
    data = json_ld(soup)
    assert data["@type"] == "WebPage" and data["name"] == item["title"]
    assert data["author"] == {"@type": "Organization", "name": INFO.name[lang], "url": canonical(lang, "index")}
    assert data["about"] == {
        "@type": "Report",
        "name": INFO.work.title[lang],
        "author": {"@type": "GovernmentOrganization", "name": INFO.work.author[lang]},
        "url": INFO.work.url,
    }
    assert "translator" not in data and "citation_pdf_url" not in head(soup)


@pytest.mark.parametrize("page", WORK_PAGES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_zotero_saves_every_page_of_the_work_as_the_departments_report(built_site, page, lang):
    _, item = saved(built_site, page, lang)
    work = work_of(page)
    assert item["itemType"] == "report"
    assert item["title"] == work.title[lang]
    author = {"lastName": work.author[lang], "firstName": None, "creatorType": "author"}  # one name, not split
    translator = {"lastName": INFO.name["en"], "firstName": None, "creatorType": "translator"}
    assert item["creators"] == ([author, translator] if lang == "en" else [author])
    assert item["date"] == work.date.strftime("%Y/%m/%d")
    assert item["institution"] == work.publisher[lang]


def test_zotero_drops_a_translator_given_beside_citation_author():
    """Why a translated page names its author in DC.creator: beside citation_author the translator is lost."""
    both = BeautifulSoup(
        '<head><meta name="citation_title" content="T"><meta name="citation_author" content="Dept,">'
        '<meta name="z.translators" content="Edition,"></head>',
        "html.parser",
    )
    assert [creator["creatorType"] for creator in zotero_item(both)["creators"]] == ["author"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_highwire_open_graph_and_twitter_tags(built_site, page, lang):
    tags = head(html(built_site.site, page, lang))
    assert tags["citation_online_date"] == INFO.date.strftime("%Y/%m/%d")  # this version's date
    if page in WORK_PAGES:
        assert tags["citation_pdf_url"] == f"{SITE_URL}{PDF_DIR}/{PDF_FILES[lang]}"  # every source page, by document
    assert tags["og:locale"] == {"zh": "zh_CN", "en": "en_GB"}[lang]
    assert tags["og:locale:alternate"] == {"zh": "en_GB", "en": "zh_CN"}[lang]
    published = work_of(page).date.isoformat() if page in WORK_PAGES else (INFO.first_date or INFO.date).isoformat()
    assert tags["article:published_time"] == published
    assert tags["article:modified_time"] == INFO.date.isoformat()
    assert tags["twitter:card"] == "summary"
    assert tags["twitter:title"] == tags["og:title"]
    assert tags["twitter:description"] == tags["og:description"] == tags["description"]


@pytest.mark.parametrize("page", WORK_PAGES)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_json_ld_names_the_work_its_translation_and_the_original(built_site, page, lang):
    other = "zh" if lang == "en" else "en"
    data = json_ld(html(built_site.site, page, lang))
    work = work_of(page)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Report"
    assert data["@id"] == data["url"] == canonical(lang, page)
    assert data["name"] == work.title[lang]
    assert data["inLanguage"] == TAGS[lang]
    assert data["author"] == {"@type": "GovernmentOrganization", "name": work.author[lang]}
    assert data["isBasedOn"] == work.url
    assert data["dateModified"] == INFO.date.isoformat() and data["version"] == INFO.version
    assert data["datePublished"] == (work.date.isoformat() if lang == "zh" else INFO.first_date.isoformat())
    twin = data["translationOfWork"] if lang == "en" else data["workTranslation"]
    assert twin["@id"] == twin["url"] == canonical(other, page)
    assert twin["inLanguage"] == TAGS[other] and twin["name"] == work.title[other]
    if lang == "en":
        assert data["translator"] == {"@type": "Organization", "name": "Inner Mongolia Police Reform bilingual edition"}
        assert "workTranslation" not in data
    else:
        assert "translator" not in data and "translationOfWork" not in data


def test_a_title_with_quotes_and_angle_brackets_is_escaped():
    title = 'He said "stop" </script><script>alert(1)</script> & <b>bold</b>\'s'
    work = dataclasses.replace(INFO.work, title={"zh": title, "en": title})
    info = dataclasses.replace(INFO, work=work)
    meta = PageMeta(
        "en",
        title,
        title,
        SITE_URL + "en/x/",
        "zh",
        SITE_URL + "x/",
        SITE_URL + "en/",
        SITE_URL + "pdf/x.pdf",
        "Site",
        EDITION.roles,
    )
    snippet = head_html(info, meta, {"text": title})
    soup = BeautifulSoup(f"<html><head>{snippet}</head><body></body></html>", "html5lib")
    assert soup.select("script:not([type])") == [] and soup.select("b") == []  # nothing escaped the elements
    assert len(soup.select("head script")) == 2  # the JSON-LD and the data block, whole
    assert head(soup)["citation_title"] == title
    assert head(soup)["twitter:title"] == title
    assert json_ld(soup)["name"] == title
    assert json.loads(soup.select_one("#__edition_cite").string) == {"text": title}
    assert "</script><script>" not in snippet


def test_the_json_ld_is_a_data_block_the_policy_never_runs(built_site):
    page = (built_site.site / "en" / "administration" / "index.html").read_text(encoding="utf-8")
    refusals = examine(elements(page), theme_script_patterns([THEME])).refusals
    assert refusals == ['a <meta http-equiv="Content-Security-Policy">']  # the policy itself, written after the check
    soup = BeautifulSoup(page, "html.parser")
    policy = soup.select_one("meta[http-equiv='Content-Security-Policy']")["content"]
    blocks = soup.select("script[type='application/ld+json'], script[type='application/json']")
    assert len(blocks) == 4  # the JSON-LD, the Cite menu's templates, the edition's strings, the theme's configuration
    for block in blocks:
        assert script_hash(block.string) not in policy  # not allowed to run: it is never run
