"""Front matter reaches the page head escaped: quotation marks cannot end an attribute and add another."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from building import as_released, build, replace_in
from conftest import ROOT
from test_site import PAGES, html


def front_matter(page: str, lang: str) -> dict:
    return yaml.safe_load((ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8").split("---\n")[1])


def head_tags(soup: BeautifulSoup) -> dict[str, dict]:
    return {
        tag.get("name") or tag.get("property"): tag.attrs
        for tag in soup.select("head meta")
        if tag.get("name") or tag.get("property")
    }


def test_every_description_and_title_arrives_whole(built_site):
    for page in PAGES:
        for lang in ("zh", "en"):
            matter = front_matter(page, lang)
            tags = head_tags(html(built_site.site, page, lang))
            assert tags["description"] == {"name": "description", "content": matter["description"]}
            assert tags["og:description"]["content"] == matter["description"]
            assert tags["og:title"]["content"] == matter["title"]


def test_a_quotation_mark_in_a_description_cannot_add_an_attribute(tiny_project):
    """No angle bracket, so the content check lets it through: the escaping in the template must hold.

    (No digit either: a figure the Chinese description lacks would be refused by the numbers check.)
    """
    attack = 'Overview" onfocus="alert(document.domain)" autofocus title="x'
    replace_in(tiny_project / "docs" / "overview.en.md", "description: ", f"description: '{attack}' #")
    # The Chinese description then names no figure and no glossary term, so the numbers and glossary
    # checks have nothing to compare: only the escaping is under test.
    replace_in(tiny_project / "docs" / "overview.zh.md", "description: ", "description: '总体情况' #")
    as_released(tiny_project)  # the descriptions as released: only the escaping is under test
    result = build(tiny_project)
    assert result.returncode == 0, result.output
    soup = BeautifulSoup((result.site / "en/overview/index.html").read_text(encoding="utf-8"), "html.parser")
    for tag in soup.select("head meta"):
        assert not [name for name in tag.attrs if name.startswith("on") or name == "autofocus"], tag
    assert head_tags(soup)["description"]["content"] == attack
