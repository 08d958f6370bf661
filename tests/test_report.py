""" "Report a mistake": form links that fill the repository's own issue form, the repository named by
the deploy, and who maintains the edition (About, the build's message)."""

from __future__ import annotations

import dataclasses
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import REPOSITORY_URL, ROOT, SITE_URL
from edition.outputs.generated import Context, maintainer_block
from edition.outputs.report import FORM, form_url
from project import AREAS, DATA, EDITION, LANGS, built_file

FORM_FILE = ROOT / ".github" / "ISSUE_TEMPLATE" / FORM
QUERY_ONLY = {"template", "title"}  # GitHub's own parameters, not fields of the form


def form_fields(form: dict) -> dict[str, dict]:
    return {item["id"]: item for item in form["body"] if "id" in item}


def mismatches(url: str, form: dict) -> list[str]:
    """What a link fills in that the form does not have: unknown ids, dropdown values not among its options."""
    fields = form_fields(form)
    found = []
    for key, [value] in parse_qs(urlsplit(url).query).items():
        if key in QUERY_ONLY:
            continue
        if key not in fields:
            found.append(f"no field '{key}'")
        elif fields[key]["type"] == "dropdown" and value not in fields[key]["attributes"]["options"]:
            found.append(f"'{value}' is not an option of '{key}'")
    return found


def form() -> dict:
    return yaml.safe_load(FORM_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_form_link_fills_the_forms_own_fields(lang):
    url = form_url(REPOSITORY_URL, lang, f"{SITE_URL}policing/", "a2-1-1", "甲乙丙 & “quoted” #1")
    query = {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    assert url.startswith(f"{REPOSITORY_URL}/issues/new?")
    assert query["template"] == FORM and FORM_FILE.is_file()
    assert query["paragraph"] == "a2-1-1" and query["page"] == f"{SITE_URL}policing/"
    assert query["current"] == "甲乙丙 & “quoted” #1"  # encoded and read back whole
    assert query["title"].endswith("#a2-1-1")
    assert mismatches(url, form()) == []


def test_a_form_without_the_fields_the_link_fills_is_caught():
    changed = form()
    changed["body"] = [item for item in changed["body"] if item.get("id") != "page"]
    for item in changed["body"]:
        if item.get("id") == "language":
            item["attributes"]["options"] = ["English", "Chinese"]
    url = form_url(REPOSITORY_URL, "en", f"{SITE_URL}en/policing/", "a2-1-1")
    assert mismatches(url, changed) == [
        "no field 'page'",
        "'English translation / 英文译文' is not an option of 'language'",
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_paragraph_on_every_text_page_has_its_report_link(built_site, lang):
    checked = 0
    for name in AREAS.values():
        soup = BeautifulSoup(built_file(built_site.site, lang, name).read_text(encoding="utf-8"), "html.parser")
        for tools in soup.select(".edition-tools"):
            # A paragraph holds its tools; a heading's follow it, the two in div.edition-heading.
            owner = tools.parent
            block = owner["id"] if owner.has_attr("id") else owner.select_one(":scope > [id]")["id"]
            link = tools.select_one("a.edition-report")
            query = {key: values[0] for key, values in parse_qs(urlsplit(link["href"]).query).items()}
            assert query["paragraph"] == block and query["page"] == f"{SITE_URL}{LANGS[lang]}{name}/"
            assert mismatches(link["href"], form()) == []
            assert block in link["aria-label"] and link.get_text() == {"zh": "纠错", "en": "Report a mistake"}[lang]
            checked += 1
    assert checked >= 80  # every paragraph and heading of the text


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_header_and_about_lead_to_the_repository(built_site, lang):
    soup = BeautifulSoup(built_file(built_site.site, lang, "about").read_text(encoding="utf-8"), "html.parser")
    header = soup.select_one(".md-header__source a.md-source")
    assert header["href"] == REPOSITORY_URL and "data-md-component" not in header.attrs  # no facts fetched
    assert header.get_text(" ", strip=True) == "example-org/police-reform-edition"
    said = {
        "zh": "本版由 example-org/police-reform-edition 的贡献者维护。",
        "en": "maintained by the contributors of example-org/police-reform-edition",
    }
    paragraph = next(p for p in soup.select("article p") if said[lang] in p.get_text())
    links = [a["href"] for a in paragraph.select("a")]
    assert links[0] == REPOSITORY_URL and mismatches(links[1], form()) == []


def about_context(lang: str, repo: str, publisher: dict[str, str] | None):
    versions = EDITION.versions
    edition = dataclasses.replace(
        EDITION,
        project=dataclasses.replace(EDITION.project, repo_url=repo, site_url=SITE_URL),
        versions=dataclasses.replace(versions, info=dataclasses.replace(versions.info, publisher=publisher)),
    )
    return Context(edition, DATA, lang, f"about.{lang}.md", f"{LANGS[lang]}about/")


def test_a_named_publisher_is_shown_on_about():
    ctx = about_context("en", REPOSITORY_URL, {"zh": "示例学会", "en": "The Example Society"})
    text = maintainer_block(ctx, "about")
    assert text.startswith("This edition is published and maintained by The Example Society;")
    assert f"[example-org/police-reform-edition]({REPOSITORY_URL})" in text


def test_without_a_repository_about_says_so_and_links_nowhere():
    text = maintainer_block(about_context("en", "", None), "about")
    assert "built without the repository's address" in text and "](" not in text


def test_the_build_says_when_no_publisher_is_named(tiny_project):
    from building import build

    result = build(tiny_project)
    assert result.ok, result.output
    assert re.search(
        r"INFO +-  docs/data/edition.yml names no publisher: .*example-org/police-reform-edition", result.output
    )


def test_the_deploy_names_the_repository_it_runs_in():
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8")
    assert 'EDITION_REPOSITORY_URL="$GITHUB_SERVER_URL/$GITHUB_REPOSITORY"' in deploy
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^repo_url: !ENV \[EDITION_REPOSITORY_URL, null\]$", config, re.MULTILINE)
    code = [p for p in (ROOT / "scripts").rglob("*.py")] + [
        ROOT / "overrides" / "assets" / "javascripts" / "edition.js"
    ]
    assert not [p for p in code if "github.com/" in p.read_text(encoding="utf-8")]  # never typed in


def test_a_publisher_needs_both_languages(tmp_path):
    from edition.model.release import load_edition_info

    shutil.copytree(ROOT / "docs" / "data" / "documents", tmp_path / "data" / "documents")
    text = (ROOT / "docs" / "data" / "edition.yml").read_text(encoding="utf-8")
    (tmp_path / "data" / "edition.yml").write_text(text.replace("\npublisher:\n", "\npublisher: The Example Society\n"))
    info, [problem] = load_edition_info(tmp_path, "docs/data/edition.yml")
    assert info is None and "'publisher' needs a zh and an en value, not 'The Example Society'" in problem.message
    assert problem.line == text.splitlines().index("publisher:") + 1
    both = "\npublisher:\n  zh: 示例学会\n  en: The Example Society\n"
    (tmp_path / "data" / "edition.yml").write_text(text.replace("\npublisher:\n", both))
    info, problems = load_edition_info(tmp_path, "docs/data/edition.yml")
    assert problems == [] and info.publisher == {"zh": "示例学会", "en": "The Example Society"}
