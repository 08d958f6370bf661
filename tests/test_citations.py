"""Citations in every format, read back by real parsers: citeproc-py (CSL-JSON), bibtexparser (BibLaTeX),
RIS by its tag list and as Zotero's RIS translator maps it; and the templates the built pages carry."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import warnings

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from conftest import ROOT, SITE_URL
from edition.model.errata import load_all
from edition.model.facts import facts
from edition.model.strings import load_catalogues
from edition.outputs.citations import Cited, biblatex, cited_pair, csl_json, fill, plain, ris, templates
from project import EDITION, built_page

CATALOGUES = load_catalogues(ROOT, ROOT / "docs", ["zh", "en"])
INFO = load_all(ROOT / "docs", ROOT)[0]
for _lang, _catalogue in CATALOGUES.items():  # the facts the strings name, as a page of the main document gets them
    _catalogue.facts = facts(INFO, _lang, "")
STRINGS = {
    "zh": "内蒙古自治区公安厅：《自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会》，2017年9月28日，第 {id} 段。内蒙古公安改革新闻发布会（2017）双语版，版本 {version}（{date}）。{url}，{accessed}访问。",
    "en": 'Inner Mongolia Autonomous Region Public Security Department, "Autonomous Region Public Security Department holds '
    "press conference on deepening reform in Inner Mongolia's public security organs\", 28 September 2017, para. {id} "
    "(English translation: Inner Mongolia Police Reform bilingual edition, version {version}, {date}). {url}, accessed {accessed}.",
}
ACCESSED = dt.date(2026, 12, 3)
PARAGRAPH = "a3-1-2"
URL = {"zh": f"{SITE_URL}administration/#{PARAGRAPH}", "en": f"{SITE_URL}en/administration/#{PARAGRAPH}"}
# The tags of the RIS format (Research Information Systems' specification, as Zotero's RIS translator reads them).
RIS_TAGS = set(
    [
        "TY",
        "A1",
        "A2",
        "A3",
        "A4",
        "AB",
        "AD",
        "AN",
        "AU",
        "AV",
        "BT",
        "C1",
        "C2",
        "C3",
        "C4",
        "C5",
        "C6",
        "C7",
        "C8",
        "CA",
        "CN",
        "CP",
        "CT",
        "CY",
        "DA",
        "DB",
        "DO",
        "DP",
        "ED",
        "EP",
        "ET",
        "ID",
        "IS",
        "J1",
        "J2",
        "JA",
        "JF",
        "JO",
        "KW",
        "L1",
        "L2",
        "L3",
        "L4",
        "LA",
        "LB",
        "LK",
        "M1",
        "M2",
        "M3",
        "N1",
        "N2",
        "NV",
        "OP",
        "PB",
        "PP",
        "PY",
        "RI",
        "RN",
        "RP",
        "SE",
        "SN",
        "SP",
        "ST",
        "T1",
        "T2",
        "T3",
        "TA",
        "TI",
        "TT",
        "U1",
        "U2",
        "U3",
        "U4",
        "U5",
        "UR",
        "VL",
        "VO",
        "Y1",
        "Y2",
        "ER",
    ]
)
RIS_LINE = re.compile(r"^([A-Z][A-Z0-9])  - (.*)$")


def cited(lang: str, paragraph: bool = True) -> Cited:
    """What a page cites, with the note of the language's catalogue (docs/data/strings.<lang>.yml)."""
    pair = cited_pair(lang, EDITION.roles, URL[lang].split("#")[0], INFO.work.url, CATALOGUES[lang].section("citation"))
    return pair[0] if paragraph else pair[1]


def filled(text: str, lang: str, paragraph: str = PARAGRAPH) -> str:
    return fill(text, ACCESSED, lang, URL[lang] if paragraph else URL[lang].split("#")[0], paragraph)


def render_csl(text: str) -> str:
    """The bibliography citeproc-py renders from CSL-JSON with the style it ships (Harvard)."""
    source = CiteProcJSON(json.loads(text))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in json.loads(text):
        bibliography.register(Citation([CitationItem(item["id"])]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an unknown field or type would warn
        return "\n".join(str(entry) for entry in bibliography.bibliography())


def parse_ris(text: str) -> list[tuple[str, str]]:
    assert text.endswith("ER  - \r\n")
    lines = text.split("\r\n")[:-1]
    tags = []
    for line in lines:
        match = RIS_LINE.match(line)
        assert match, f"not a RIS line: {line!r}"
        assert match[1] in RIS_TAGS, f"unknown RIS tag {match[1]}"
        tags.append((match[1], match[2]))
    assert tags[0][0] == "TY" and tags[-1] == ("ER", "")
    return tags


def zotero_from_ris(tags: list[tuple[str, str]]) -> dict:
    """The item Zotero's RIS translator makes of these tags (its mapping for reports, in short)."""
    types = {"GOVDOC": "report", "RPRT": "report"}
    item: dict = {"itemType": types[tags[0][1]], "creators": []}
    roles = {"AU": "author", "A1": "author", "A4": "translator"}
    fields = {
        "TI": "title",
        "DA": "date",
        "PB": "institution",
        "CY": "place",
        "LA": "language",
        "UR": "url",
        "Y2": "accessDate",
        "M3": "reportType",
    }
    for tag, value in tags:
        if tag in roles:
            last, _, first = value.partition(",")
            item["creators"].append(
                {"creatorType": roles[tag], "lastName": last.strip(), "fieldMode": 0 if first.strip() else 1}
            )
        elif tag in fields:
            item[fields[tag]] = value
    return item


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_csl_json_renders_with_citeproc(lang):
    text = filled(csl_json(INFO, cited(lang)), lang)
    [item] = json.loads(text)
    assert item["type"] == "report"
    assert item["id"] == f"nmg-police-reform-2017-{lang}-{PARAGRAPH}"
    assert item["author"] == [{"literal": INFO.work.author[lang]}]
    assert item["issued"] == {"date-parts": [[2017, 9, 28]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 3]]}
    assert item["version"] == INFO.version and item["URL"] == URL[lang]
    rendered = render_csl(text)
    assert INFO.work.title[lang] in rendered and INFO.work.author[lang] in rendered
    assert URL[lang] in rendered
    if lang == "en":
        assert item["translator"] == [{"literal": "Inner Mongolia Police Reform bilingual edition"}]
        assert item["original-title"] == INFO.work.title["zh"]
        assert "original-date" not in item  # it is "issued": Chicago would print "(2017) 2017"
        assert "Translated by Inner Mongolia Police Reform bilingual edition" in rendered
        assert "Accessed: December 3, 2026" in rendered  # the style's English locale


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ris_follows_the_tag_list_and_zotero_reads_it(lang):
    text = filled(ris(INFO, cited(lang)), lang)
    tags = parse_ris(text)
    by_tag = dict(tags)
    assert by_tag["TY"] == "GOVDOC"
    assert {"TT", "LA", "OP", "ET", "Y2", "UR"} <= set(by_tag)
    assert by_tag["ET"] == INFO.version and by_tag["Y2"] == "2026/12/03"
    assert by_tag["OP"].endswith(INFO.work.url)
    item = zotero_from_ris(tags)
    assert item["itemType"] == "report"
    assert item["title"] == INFO.work.title[lang]
    assert item["date"] == "2017/09/28" and item["language"] == lang and item["url"] == URL[lang]
    authors = [c for c in item["creators"] if c["creatorType"] == "author"]
    assert authors == [{"creatorType": "author", "lastName": INFO.work.author[lang], "fieldMode": 1}]  # one name
    translators = [c["lastName"] for c in item["creators"] if c["creatorType"] == "translator"]
    assert translators == (["Inner Mongolia Police Reform bilingual edition"] if lang == "en" else [])
    if lang == "en":
        assert by_tag["TT"] == INFO.work.title["zh"] and by_tag["A4"] == INFO.name["en"]


def fields(entry) -> dict[str, str]:
    return {field.key: field.value for field in entry.fields}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_biblatex_parses_with_bibtexparser(lang):
    text = filled(biblatex(INFO, cited(lang)), lang)
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    entries = {entry.key: entry for entry in library.entries}
    main = entries[f"nmg-police-reform-2017-{lang}-{PARAGRAPH}"]
    found = fields(main)
    assert main.entry_type == "report"
    assert {"author", "title", "type", "institution", "date"} <= set(found)  # @report's required fields
    assert found["author"] == "{" + INFO.work.author[lang] + "}"  # braced: one organisation
    assert found["date"] == "2017-09-28" and found["version"] == INFO.version
    assert found["url"] == URL[lang] and found["urldate"] == "2026-12-03"
    assert found["langid"] == {"zh": "chinese", "en": "english"}[lang]
    assert found["addendum"].startswith({"zh": "第 a3-1-2 段。", "en": "Paragraph a3-1-2. "}[lang])
    if lang == "en":
        assert found["translator"] == "{Inner Mongolia Police Reform bilingual edition}"
        assert found["origtitle"] == INFO.work.title["zh"]
        assert found["origlanguage"] == "chinese" and "origdate" not in found  # it is the date
        assert found["relatedtype"] == "translationof"
        original = entries[found["related"]]  # the related entry is in the same file
        assert fields(original)["title"] == INFO.work.title["zh"]
        assert fields(original)["url"] == INFO.work.url


def test_latex_special_characters_are_escaped_and_read_back():
    title = 'A "quoted" title & 100% <new> {braces} with #hash, $money, under_score, tilde~ and caret^'
    work = dataclasses.replace(INFO.work, title={"zh": title, "en": title})
    info = dataclasses.replace(INFO, work=work)
    text = filled(biblatex(info, cited("en")), "en")
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == []
    decoded = fields(library.entries[0])["title"].replace("\u02c6", "^")  # pylatexenc reads \textasciicircum as ˆ
    assert decoded.replace("\\", "") == title  # every special character survives, none ends the field


def test_page_citations_have_no_paragraph():
    for lang in ("zh", "en"):
        found = templates(
            INFO, cited(lang, paragraph=False), STRINGS[lang].replace("，第 {id} 段", "").replace(", para. {id}", "")
        )
        for name, text in found.items():
            assert "{id}" not in text, name
        assert (
            "nmg-police-reform-2017-" + lang + "," in found["biblatex"]
            or "@report{nmg-police-reform-2017-" + lang + ",\n" in found["biblatex"]
        )


def test_the_plain_citation_needs_the_access_date():
    with pytest.raises(ValueError, match="accessed"):
        templates(INFO, cited("en"), "no date here {id} {url}")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_built_pages_carry_templates_that_fill_into_every_format(built_site, lang):
    """The data block the Cite menu reads: filled as edition.js fills it, each format parses."""
    soup = built_page(built_site.site, lang, "administration")
    data = json.loads(soup.select_one("script#__edition_cite[type='application/json']").string)
    assert set(data["paragraph"]) == set(data["page"]) == {"text", "csl", "ris", "biblatex"}
    expected_text = (
        "内蒙古自治区公安厅：《自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会》，2017年9月28日，第 a3-1-2 段。"
        f"内蒙古公安改革新闻发布会（2017）双语版，版本 {INFO.version}（{INFO.date.year}年{INFO.date.month}月{INFO.date.day}日）。"
        f"{URL['zh']}，2026年12月3日访问。"
        if lang == "zh"
        else 'Inner Mongolia Autonomous Region Public Security Department, "Autonomous Region Public Security Department '
        "holds press conference on deepening reform in Inner Mongolia's public security organs\", 28 September 2017, "
        f"para. a3-1-2 (English translation: Inner Mongolia Police Reform bilingual edition, version {INFO.version}, "
        f"{INFO.date.day} {INFO.date.strftime('%B')} {INFO.date.year}). {URL['en']}, accessed 3 December 2026."
    )
    assert filled(data["paragraph"]["text"], lang) == expected_text
    render_csl(filled(data["paragraph"]["csl"], lang))
    parse_ris(filled(data["paragraph"]["ris"], lang))
    assert bibtexparser.parse_string(filled(data["paragraph"]["biblatex"], lang)).failed_blocks == []
    page_text = fill(data["page"]["text"], ACCESSED, lang, URL[lang].split("#")[0])
    assert PARAGRAPH not in page_text and URL[lang].split("#")[0] in page_text
    assert data["file"] == f"nmg-police-reform-2017-{lang}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_about_pages_example_names_the_current_version(built_site, lang):
    """About's example is made at build time from edition.yml and the Cite panel's own words."""
    [example] = built_page(built_site.site, lang, "about").select("blockquote.edition-citation-example")
    text = example.get_text()
    date = (
        f"{INFO.date.year}年{INFO.date.month}月{INFO.date.day}日" if lang == "zh" else INFO.date.strftime("%-d %B %Y")
    )
    assert f"{INFO.version}" in text and date in text and f"{URL[lang]}" in text
    accessed = CATALOGUES[lang].get("labels.accessed_example")
    template = CATALOGUES[lang].get("page.citation")
    assert text == fill(
        plain(template, INFO, lang).replace("{accessed}", accessed), ACCESSED, lang, URL[lang], PARAGRAPH
    )
    assert example.find("abbr") is None  # no glossary tooltip inside a citation to copy


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_editorial_page_is_cited_as_the_editions_own_words_in_every_format(lang):
    """About, Home, an interview: the edition wrote them, so no format names the Department or a translator."""
    title = "关于本版" if lang == "zh" else "About this edition"
    notes = CATALOGUES[lang].section("citation")
    paragraph, page = cited_pair(lang, EDITION.roles, URL[lang].split("#")[0], INFO.work.url, notes, title)
    [item] = json.loads(filled(csl_json(INFO, paragraph), lang))
    assert (item["type"], item["title"], item["author"]) == ("webpage", title, [{"literal": INFO.name[lang]}])
    assert item["issued"] == {"date-parts": [[INFO.date.year, INFO.date.month, INFO.date.day]]}
    assert "translator" not in item and "original-title" not in item
    rendered = render_csl(json.dumps([item]))
    assert title in rendered and INFO.name[lang] in rendered
    tags = dict(parse_ris(filled(ris(INFO, page), lang, "")))
    assert (tags["TY"], tags["TI"], tags["AU"], tags["ET"]) == ("ELEC", title, INFO.name[lang], INFO.version)
    assert "A4" not in tags and INFO.work.author[lang] not in filled(ris(INFO, page), lang, "")
    library = bibtexparser.parse_string(
        filled(biblatex(INFO, paragraph), lang), append_middleware=[LatexDecodingMiddleware()]
    )
    [entry] = library.entries
    assert library.failed_blocks == [] and entry.entry_type == "online"
    assert entry["title"] == title and entry["author"] == INFO.name[lang] and "translator" not in entry.fields_dict


def test_the_about_pages_cite_panel_cites_the_edition(built_site):
    data = json.loads(built_page(built_site.site, "en", "about").select_one("script#__edition_cite").string)
    [item] = json.loads(filled(data["page"]["csl"], "en", ""))
    assert item["title"] == "About this edition" and item["author"] == [{"literal": INFO.name["en"]}]
    assert "About this edition" in data["page"]["text"] and "Public Security Department" not in data["page"]["text"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_editions_publisher_is_the_publisher_of_every_format(lang):
    publisher = {"zh": "示例学会", "en": "Example Society for Chinese Documents"}
    info = dataclasses.replace(INFO, publisher=publisher)
    [item] = json.loads(filled(csl_json(info, cited(lang)), lang))
    assert item["publisher"] == publisher[lang] and "publisher-place" not in item
    assert dict(parse_ris(filled(ris(info, cited(lang)), lang)))["PB"] == publisher[lang]
    library = bibtexparser.parse_string(filled(biblatex(info, cited(lang)), lang))
    entries = {entry.key: fields(entry) for entry in library.entries}
    assert entries[f"nmg-police-reform-2017-{lang}-{PARAGRAPH}"]["institution"] == publisher[lang]
    if lang == "en":  # the original's entry keeps the portal that published it
        assert entries["nmg-police-reform-2017-original"]["institution"] == INFO.work.publisher["zh"]
    # Unset (as now), the portal stays the publisher, with its place.
    [item] = json.loads(filled(csl_json(INFO, cited(lang)), lang))
    assert item["publisher"] == INFO.work.publisher[lang] and item["publisher-place"] == INFO.work.place[lang]
