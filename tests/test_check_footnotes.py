"""Footnotes are numbered in the order a reader meets them, and a correction's note is marked in its block."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from edition.checks.footnotes import check_page
from edition.checks.source_slips import check_corrections
from helpers import MARKDOWN, edition_from, page
from project import EDITION, LANGS, built_file

# The site's setting (mkdocs.yml): numbers follow the markers.
READING_ORDER = {**MARKDOWN, "extension_configs": {"footnotes": {"USE_DEFINITION_ORDER": False}}}
# Two notes whose definitions are listed in the other order than their markers (a2-3-2 on main).
BODY = "# 二\n\n甲。[^late] 乙。[^early]\n{#a2-3-2}\n\n[^early]: 先定义。\n[^late]: 后定义。\n"


def one_page(tmp_path, body: str = BODY, options: dict | None = None):
    from edition.model.edition import load_edition

    edition_from(tmp_path, {"policing.zh.md": page("二", body)}, ["policing.md"])
    edition = load_edition(tmp_path, tmp_path / "docs", ["zh", "en"], ["policing.md"], options or MARKDOWN)
    return edition.page("policing", "zh")


def test_notes_numbered_in_definition_order_are_refused(tmp_path):
    [problem] = check_page(one_page(tmp_path))
    assert problem.path == "docs/policing.zh.md" and problem.line == 9  # the {#a2-3-2} line
    assert "[^late] in '#a2-3-2' is numbered 2" in problem.message and "USE_DEFINITION_ORDER" in problem.fix


def test_the_sites_setting_numbers_them_in_reading_order(tmp_path):
    assert check_page(one_page(tmp_path, options=READING_ORDER)) == []


def test_every_built_page_numbers_its_notes_in_reading_order(built_site):
    checked = 0
    for lang, prefix in LANGS.items():
        for path in sorted((built_site.site / prefix).glob("**/index.html")):
            if lang == "zh" and path.relative_to(built_site.site).parts[0] == "en":
                continue
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            first_seen: dict[str, int] = {}
            for link in soup.select("article sup[id^=fnref] a.footnote-ref"):
                first_seen.setdefault(link["href"], int(link.get_text()))
            numbers = list(first_seen.values())
            assert numbers == list(range(1, len(numbers) + 1)), f"{path}: {numbers}"
            checked += len(numbers)
    defined = sum(len(re.findall(r"^\[\^[^\]]+\]:", file.text, re.MULTILINE)) for file in EDITION.files)
    assert checked == defined  # every note of every page, both languages


def test_the_chinese_personnel_pages_notes_on_missing_numbers_stand_on_their_headings(built_site):
    soup = BeautifulSoup(built_file(built_site.site, "zh", "personnel").read_text(encoding="utf-8"), "html.parser")
    for heading, note in (("a5-4", "four"), ("a5-5", "five")):
        marker = soup.select_one(f'a[href="#fn:{note}"]')
        assert marker is not None and marker.find_parent(id=heading) is not None
        assert re.search(r"缺序号", soup.select_one(f"#fn\\:{note}").get_text())


ZH = "# 总体情况\n\n## 〔四〕是在招录上取得新突破 {#ov-4}\n\n在全国率先开展改革。[^four]\n{#ov-4-1}\n\n[^four]: 原文缺序号“四”。"
DATA = """corrections:
  - page: overview
    paragraph: ov-4
    zh: 〔四〕
    note: four
    what_zh: 补出序号
    what_en: the number is supplied
"""


def corrections(tmp_path, zh: str):
    built = edition_from(
        tmp_path, {"overview.zh.md": page("总体情况", zh), "data/corrections.yml": DATA}, ["overview.md"]
    )
    return check_corrections(built, built.corrections)


def test_a_note_about_a_heading_marked_in_the_next_paragraph_is_refused(tmp_path):
    [problem] = corrections(tmp_path, ZH)
    assert problem.path == "docs/overview.zh.md" and problem.line == 8  # the heading's line
    assert "[^four] of the correction in '#ov-4' is marked outside that block" in problem.message
    assert "{#ov-4}" in problem.fix


def test_a_note_marked_on_its_heading_passes(tmp_path):
    zh = ZH.replace("取得新突破 {#ov-4}", "取得新突破[^four] {#ov-4}").replace("改革。[^four]", "改革。")
    assert corrections(tmp_path, zh) == []


def test_the_pdfs_number_each_pages_notes_in_reading_order():
    """The PDFs render the pages' Markdown with the site's settings (edition/outputs/pdf.py, as scripts/build_pdfs.py)."""
    from conftest import ROOT
    from edition.from_mkdocs import load_project
    from edition.outputs.pdf import Context, language_html

    _config, edition = load_project(ROOT)
    found = edition.versions
    ctx = Context(edition, found.info, found.record, found.errata, "https://edition.example.org/")
    for lang in edition.languages:
        soup = BeautifulSoup(language_html(ctx, lang), "html.parser")
        numbers: dict[str, list[int]] = {}
        for link in soup.select("sup[id] a[href*='-fn:']"):
            page = link["href"][1:].split("-fn:")[0]
            numbers.setdefault(page, []).append(int(link.get_text()))
        assert {"en": {"personnel", "policing"}, "zh": {"personnel", "reform-work"}}[lang] <= set(numbers)
        for page, found_numbers in numbers.items():
            assert found_numbers == list(range(1, len(found_numbers) + 1)), (lang, page, found_numbers)
