"""The versioned edition: a published paragraph changes only in a recorded release with an entry in the
corrections log; the log renders as the Corrections page, notes under paragraphs and an Atom feed.

The checks are fed in-memory editions or a copy of the project (no build); one build shows the
refusal of an unlogged correction from inside `mkdocs build`."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from xml.etree import ElementTree

from bs4 import BeautifulSoup

from building import change_a_published_paragraph, refused, replace_in
from conftest import ROOT, SITE_URL
from edition.checks.errata import check_errata, current_texts
from edition.checks.registry import CHECKS
from edition.from_mkdocs import load_project
from edition.model.dom import Content
from edition.model.errata import Erratum, check_release, load_all, load_errata
from edition.model.release import Record, Release, format_date, load_record, record_json, record_release, set_version
from edition.model.strings import load_catalogues
from edition.outputs.errata import ATOM, Where, add_notes_to, atom_feed, errata_list, labels_of
from edition.plugin import EditionPlugin
from helpers import edition_from, page
from project import built_page

CATALOGUES = load_catalogues(ROOT, ROOT / "docs", ["zh", "en"])
LABELS = {lang: labels_of(catalogue) for lang, catalogue in CATALOGUES.items()}

ERRATA, RECORD = "docs/data/errata.yml", "docs/data/releases.json"
DAY1, DAY2 = dt.date(2026, 11, 28), dt.date(2026, 12, 1)
ZH = page("甲", "# 甲\n\n第一段。\n{#p-1}\n\n第二段。\n{#p-2}")
EN = page("A", "# A\n\nThe first paragraph.\n{#p-1}\n\nThe second paragraph.\n{#p-2}")
EN_CORRECTED = EN.replace("The first paragraph.", "The first paragraph, corrected.")


def edition(tmp_path: Path, en: str = EN, zh: str = ZH):
    return edition_from(tmp_path, {"p.zh.md": zh, "p.en.md": en}, ["p.md"])


def texts(found) -> dict[str, dict[str, str]]:
    return {lang: {pid: text for pid, (text, _, _) in blocks.items()} for lang, blocks in current_texts(found).items()}


def released(tmp_path: Path) -> Record:
    record = Record()
    record.releases.append(record_release(record, texts(edition(tmp_path / "v1")), "1.0.0", DAY1))
    return record


def entry(paragraph: str = "p-1", version: str = "1.1.0", date: dt.date = DAY2, line: int = 3) -> Erratum:
    return Erratum(paragraph, version, date, {"zh": "改正译文。", "en": "The English was corrected."}, line)


def test_the_text_of_the_last_release_passes(tmp_path):
    record = released(tmp_path)
    assert check_errata(edition(tmp_path / "now"), record, [], ERRATA, RECORD, DAY2) == []


def test_a_changed_paragraph_without_an_entry_is_refused_naming_it(tmp_path):
    record = released(tmp_path)
    now = edition(tmp_path / "now", EN_CORRECTED)
    [problem] = check_errata(now, record, [], ERRATA, RECORD, DAY2)
    assert problem.path.endswith("docs/p.en.md") and problem.line == now.page("p", "en").line_of_id("p-1") == 9
    assert "'#p-1' (English) differs from its text in version 1.0.0" in problem.message
    assert "has no entry" in problem.message
    # The commands choose the version, the same one (the build cannot know whether 1.0.0 is deployed).
    assert "make correction PARAGRAPH=p-1 " in problem.fix and "&& make release;" in problem.fix
    assert "VERSION=" not in problem.fix


def test_a_logged_change_still_needs_its_release_recorded(tmp_path):
    record = released(tmp_path)
    [problem] = check_errata(edition(tmp_path / "now", EN_CORRECTED), record, [entry()], ERRATA, RECORD, DAY2)
    assert "logs the change for 1.1.0, which is not recorded yet" in problem.message
    assert "make release VERSION=1.1.0" in problem.fix


def test_a_recorded_and_logged_change_passes(tmp_path):
    record = released(tmp_path)
    now = edition(tmp_path / "now", EN_CORRECTED)
    record.releases.append(record_release(record, texts(now), "1.1.0", DAY2))
    assert record.releases[-1].paragraphs == {"en": {"p-1": "The first paragraph, corrected."}}
    assert check_errata(now, record, [entry()], ERRATA, RECORD, DAY2) == []


def test_recording_cannot_launder_an_unlogged_change(tmp_path):
    record = released(tmp_path)
    now = edition(tmp_path / "now", EN_CORRECTED)
    record.releases.append(record_release(record, texts(now), "1.1.0", DAY2))
    [problem] = check_errata(now, record, [], ERRATA, RECORD, DAY2)
    assert "release 1.1.0 changed paragraph '#p-1'" in problem.message and problem.path.endswith("p.en.md")


def test_an_entry_must_name_a_change_of_its_release_on_its_date(tmp_path):
    record = released(tmp_path)
    now = edition(tmp_path / "now", EN_CORRECTED)
    record.releases.append(record_release(record, texts(now), "1.1.0", DAY2))
    problems = check_errata(
        now, record, [entry(), entry("p-2", line=9), entry(date=DAY1, line=15)], ERRATA, RECORD, DAY2
    )
    messages = [(p.line, p.message) for p in problems]
    assert (9, "release 1.1.0 did not change paragraph '#p-2'.") in messages
    assert any(line == 15 and "is not the date of release 1.1.0" in message for line, message in messages)
    assert all(p.path == ERRATA for p in problems)
    unknown = check_errata(now, record, [entry(), entry("p-9", line=20)], ERRATA, RECORD, DAY2)
    assert [(p.line, p.message) for p in unknown] == [(20, "there is no paragraph '#p-9'.")]


def test_a_published_paragraph_cannot_disappear_and_a_new_one_needs_a_release(tmp_path):
    record = released(tmp_path)
    gone = check_errata(
        edition(tmp_path / "a", EN.replace("The second paragraph.\n{#p-2}", "")), record, [], ERRATA, RECORD
    )
    assert any("'#p-2' (English), published in version 1.0.0, is no longer in the pages" in p.message for p in gone)
    added = edition(tmp_path / "b", EN + "\nA third.\n{#p-3}\n", ZH + "\n第三段。\n{#p-3}\n")
    messages = [p.message for p in check_errata(added, record, [], ERRATA, RECORD)]
    assert (
        "paragraph '#p-3' (English) is in no release yet: a citation could not name a version that holds it."
        in messages
    )


def test_the_edition_version_is_the_last_recorded_release(tmp_path):
    info = load_all(Path(__file__).parents[1] / "docs", Path(__file__).parents[1])[0]
    record = released(tmp_path)
    assert (
        check_release(info.__class__(info.version, DAY1, info.name, info.work), record, "e.yml", RECORD) == []
        or info.version != "1.0.0"
    )
    [problem] = check_release(info.__class__("1.2.0", DAY1, info.name, info.work), record, "e.yml", RECORD)
    assert "says version 1.2.0" in problem.message and "make release VERSION=1.2.0" in problem.fix


def test_record_release_refuses_going_back_and_keeps_comments():
    record = Record()
    record.releases.append(record_release(record, {"zh": {"a": "甲"}, "en": {"a": "A"}}, "1.0.0", DAY1))
    for version, date in (("1.0.0", DAY2), ("0.9.0", DAY2), ("1.1", DAY2), ("1.1.0", dt.date(2026, 1, 1))):
        try:
            record_release(record, {"zh": {"a": "乙"}}, version, date)
        except ValueError:
            continue
        raise AssertionError(f"{version} of {date} was recorded")
    assert json.loads(record_json(record.releases))["releases"][0]["paragraphs"] == {
        "zh": {"a": "甲"},
        "en": {"a": "A"},
    }
    assert (
        set_version("# kept\nversion: 1.0.0\ndate: 2026-11-28\n", "1.1.0", DAY2)
        == "# kept\nversion: 1.1.0\ndate: 2026-12-01\n"
    )


def test_the_log_names_the_line_of_a_bad_entry(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "errata.yml").write_text(
        "errata:\n  - paragraph: p-1\n    version: 1.1\n    date: 2026-12-01\n    what_zh: 甲\n    what_en: A\n"
        "  - paragraph: p-2\n    version: 1.1.0\n",
        encoding="utf-8",
    )
    found, problems = load_errata(tmp_path, ERRATA)
    assert found == []
    assert [(p.line, p.message, p.fix) for p in problems] == [
        (
            3,
            "entry 1 of 'errata', 'version': '1.1' is not a semantic version (MAJOR.MINOR.PATCH).",
            "give the version of the release that made the change.",
        ),
        (7, "entry 2 of 'errata' has no 'date'.", "write it as YYYY-MM-DD (the release's date)."),
        (7, "entry 2 of 'errata' has no 'what_zh'.", "say what changed and why, one sentence in Chinese."),
        (7, "entry 2 of 'errata' has no 'what_en'.", "say what changed and why, one sentence in English."),
    ]


def test_the_record_of_releases_names_the_line_and_fix_of_a_bad_release(tmp_path):
    """releases.json is JSON, validated by its schema; a problem names the line of the key in the file."""
    releases = [Release("1.0.0", DAY1, {"zh": {"a": "甲"}}), Release("1.1.0", DAY2, {"zh": {"a": "乙"}})]
    text = record_json(releases).replace('"version": "1.1.0"', '"version": "1.1"')
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "releases.json").write_text(text, encoding="utf-8")
    [problem] = load_record(tmp_path, RECORD).problems
    line = text.splitlines().index('   "version": "1.1",') + 1
    assert (problem.path, problem.line) == (RECORD, line)
    assert problem.message == "entry 2 of 'releases', 'version': '1.1' is not a semantic version (MAJOR.MINOR.PATCH)."
    assert problem.fix == "restore it from git; it is written only by scripts/record_release.py."
    backwards = record_json(releases[::-1])
    (tmp_path / "data" / "releases.json").write_text(backwards, encoding="utf-8")
    [problem] = load_record(tmp_path, RECORD).problems
    assert problem.line == backwards.splitlines().index('   "version": "1.0.0",')  # the line of its entry's '{'
    assert "release 1.0.0 (2026-11-28) does not come after 1.1.0 (2026-12-01)" in problem.message


def corrected_record(tmp_path: Path) -> tuple[Record, list[Erratum]]:
    record = released(tmp_path)
    record.releases.append(record_release(record, texts(edition(tmp_path / "now", EN_CORRECTED)), "1.1.0", DAY2))
    return record, [entry()]


def test_the_corrections_page_shows_the_wording_before_and_after(tmp_path):
    record, errata = corrected_record(tmp_path)
    text = errata_list(errata, record, "en", Where(lambda pid: "A", lambda pid: f"p.md#{pid}"), LABELS["en"])
    assert '<h2 id="v1-1-0-p-1">Version 1.1.0 (1 December 2026): paragraph p-1</h2>' in text
    assert "[A · p-1](p.md#p-1)" in text
    assert "Before (English, version 1.0.0):" in text and "<p>The first paragraph.</p>" in text
    assert "After (English, version 1.1.0):" in text and "<p>The first paragraph, corrected.</p>" in text
    empty = errata_list([], released(tmp_path / "x"), "zh", Where(str, str), LABELS["zh"])
    assert "自 1.0.0 版（2026年11月28日）首次发布以来" in empty


def test_the_note_goes_under_the_corrected_paragraph(tmp_path):
    record, errata = corrected_record(tmp_path)
    content = Content('<p id="p-1">The first paragraph, corrected.</p><p id="p-2">Second.</p>')
    assert add_notes_to(content, errata, record, "en", "Corrected in {version} ({date}): {what}", "../errata/")
    soup = BeautifulSoup(content.html(), "html.parser")
    note = soup.select_one("#p-1 + p.edition-erratum")
    assert note.get_text() == "Corrected in 1.1.0 (1 December 2026): The English was corrected."
    assert note.a["href"] == "../errata/#v1-1-0-p-1"
    assert soup.select("#p-2 + p.edition-erratum") == []


def test_the_atom_feed_parses_and_lists_each_correction(tmp_path):
    record, errata = corrected_record(tmp_path)
    info = load_all(Path(__file__).parents[1] / "docs", Path(__file__).parents[1])[0]
    labels = LABELS["en"]
    urls = {"self": SITE_URL + "en/errata.atom", "page": SITE_URL + "en/errata/", "home": SITE_URL + "en/"}
    feed = ElementTree.fromstring(
        atom_feed(errata, record, info, "en", urls, labels, lambda pid: f"{SITE_URL}en/p/#{pid}")
    )
    a = f"{{{ATOM}}}"
    assert feed.tag == f"{a}feed"
    assert feed.findtext(f"{a}id") == urls["self"] and feed.findtext(f"{a}updated") == "2026-12-01T00:00:00Z"
    assert feed.find(f"{a}author/{a}name").text == "Inner Mongolia Police Reform bilingual edition"
    [item] = feed.findall(f"{a}entry")
    assert item.findtext(f"{a}title") == "Version 1.1.0 (1 December 2026): paragraph p-1"
    assert item.findtext(f"{a}id") == urls["page"] + "#v1-1-0-p-1"
    assert item.find(f"{a}link[@rel='alternate']").get("href") == f"{SITE_URL}en/p/#p-1"
    assert "After (English, version 1.1.0): The first paragraph, corrected." in item.findtext(f"{a}content")


OV_1 = "have resolutely carried out the plans"  # in the tiny project's overview (tests/fixtures/tiny/)


def the_last_release(project: Path) -> tuple[str, dt.date, str, dt.date]:
    """The project's version and date (docs/data/edition.yml), and the next minor version with a later day."""
    import yaml

    info = yaml.safe_load((project / "docs" / "data" / "edition.yml").read_text(encoding="utf-8"))
    major, minor, _ = str(info["version"]).split(".")
    return str(info["version"]), info["date"], f"{major}.{int(minor) + 1}.0", info["date"] + dt.timedelta(days=1)


def log_entry(project: Path, entry: str) -> None:
    """Add an entry to the project's corrections log, empty or not."""
    path = project / "docs" / "data" / "errata.yml"
    text = path.read_text(encoding="utf-8")
    if "errata: []" in text:
        replace_in(path, "errata: []", "errata:\n" + entry)
    else:
        path.write_text(text.rstrip("\n") + "\n" + entry + "\n", encoding="utf-8")


def test_an_unlogged_correction_fails_the_build_naming_the_paragraph(tiny_project):
    """The one end-to-end refusal: the errata check runs inside `mkdocs build` (on the tiny project)."""
    overview = tiny_project / "docs" / "overview.en.md"
    replace_in(overview, OV_1, "have firmly carried out the plans")
    output = refused(tiny_project)
    line = overview.read_text(encoding="utf-8").splitlines().index("{#ov-1}") + 1  # the line of its id
    assert (
        f"[errata] docs/overview.en.md:{line}: paragraph '#ov-1' (English) differs from its text in version" in output
    )
    assert "has no entry for the change" in output and "make correction PARAGRAPH=ov-1 " in output


def test_a_logged_and_recorded_correction_passes_the_checks(project_copy):
    """The maintainer's path, in-process, with the tools CONTRIBUTING names: log the change, record the release."""
    import log_correction
    import record_release

    _, before = load_project(project_copy)
    version = log_correction.pending_version(before)  # the next minor version after the project's last release
    page, paragraph = change_a_published_paragraph(project_copy)
    what = ["--what-zh", "英文加了一个词。", "--what-en", "The English gained a word.", "--root", str(project_copy)]
    assert log_correction.main([paragraph, *what]) == 0
    _, logged = load_project(project_copy)
    [problem] = registry("errata")(logged)
    assert problem.path == page and f"logs the change for {version}, which is not recorded yet" in problem.message
    assert f"make release VERSION={version}" in problem.fix
    assert record_release.main(["--root", str(project_copy)]) == 0
    assert f"version: {version}\n" in (project_copy / "docs/data/edition.yml").read_text(encoding="utf-8")
    _, after = load_project(project_copy)
    assert registry("release")(after) == [] and registry("errata")(after) == []


def registry(name: str):
    """A check as the build runs it: its entry in the registry of scripts/edition/checks/registry.py."""
    [check] = [check for check in CHECKS if check.name == name]
    assert check.stage == "model"  # run before anything is rendered: a refused build stops at once
    return check.run


def test_the_release_check_names_the_file_and_line_of_a_bad_version(project_copy):
    edition_yml = project_copy / "docs" / "data" / "edition.yml"
    version = load_all(project_copy / "docs", project_copy)[0].version
    replace_in(edition_yml, f"version: {version}", "version: 1.0")
    _, found = load_project(project_copy)
    [problem] = registry("release")(found)
    line = edition_yml.read_text(encoding="utf-8").splitlines().index("version: 1.0") + 1
    assert (problem.path, problem.line) == ("docs/data/edition.yml", line)
    assert "'version': '1.0' is not a semantic version" in problem.message and "make release VERSION=" in problem.fix


def test_the_errata_check_names_the_file_and_line_of_an_unlogged_change(project_copy):
    version = load_all(project_copy / "docs", project_copy)[0].version
    page, paragraph = change_a_published_paragraph(project_copy)
    _, found = load_project(project_copy)
    [problem] = registry("errata")(found)
    name = page.removeprefix("docs/").removesuffix(".en.md")
    assert (problem.path, problem.line) == (page, found.page(name, "en").line_of_id(paragraph))
    assert f"paragraph '#{paragraph}' (English) differs from its text in version {version}" in problem.message
    assert f"make correction PARAGRAPH={paragraph} " in problem.fix


def test_the_note_goes_inside_a_side_by_side_row(built_site, tmp_path):
    """The parallel pages show the note too: in the paragraph's row, across both columns."""
    record, errata = corrected_record(tmp_path)
    article = built_page(built_site.site, "en", "parallel/overview").find("article")
    content = Content(article.decode_contents().replace('id="ov-1"', 'id="p-1"'))  # the paragraph the record corrected
    assert add_notes_to(content, errata, record, "en", "Corrected in {version} ({date}): {what}", "../../errata/")
    row = BeautifulSoup(content.html(), "html.parser").find(id="p-1")
    assert "edition-parallel__row" in row["class"]
    note = row.select_one(":scope > p.edition-erratum")
    assert note is not None and note.get_text().startswith("Corrected in 1.1.0 (1 December 2026):")


def test_the_plugin_adds_the_note_and_the_colophon_to_a_page(tmp_path):
    """The plugin's own step (on_page_content), on the real edition with one recorded correction."""
    _, found = load_project(ROOT)
    record, errata = corrected_record(tmp_path)
    versions = replace(found.versions, record=record, errata=errata)
    plugin = EditionPlugin()
    plugin._edition = replace(found, versions=versions)
    content = Content('<p id="p-1">The first paragraph, corrected.</p>')
    fake = SimpleNamespace(url="en/overview/", file=SimpleNamespace(src_uri="overview.en.md"))
    assert plugin._add_versions(content, fake, "en")
    soup = BeautifulSoup(content.html(), "html.parser")
    note = soup.select_one("#p-1 + p.edition-erratum")
    assert note.a["href"] == "../errata/#v1-1-0-p-1"
    colophon = soup.select_one("div.edition-colophon")
    assert colophon.span.get_text() == f"Version {versions.info.version}, {format_date(versions.info.date, 'en')}"
    assert colophon.a["href"] == "../errata/" and colophon.button.get_text() == "Cite this page"
