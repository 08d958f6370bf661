"""The two languages' roles (source, translation) come from mkdocs.yml's i18n ``languages:``, nowhere else."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import ROOT, SITE_URL
from edition.from_mkdocs import project_from
from edition.model.errata import load_all
from edition.model.roles import LOCALES, Roles, roles_of
from edition.outputs.metadata import PageMeta, highwire, json_ld, zotero_creators

INFO = load_all(ROOT / "docs", ROOT)[0]


def config_with_default(tmp_path: Path, default: str) -> Path:
    """A minimal site whose i18n plugin makes ``default`` the language at the root."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# x\n", encoding="utf-8")
    entries = "".join(
        f"        - locale: {locale}\n          name: {locale}\n          default: {str(locale == default).lower()}\n"
        for locale in (default, *(code for code in ("zh", "en") if code != default))
    )
    path = tmp_path / "mkdocs.yml"
    path.write_text(
        f"site_name: t\ndocs_dir: docs\nplugins:\n  - i18n:\n      docs_structure: suffix\n      languages:\n{entries}",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("default", "other"), [("zh", "en"), ("en", "zh")])
def test_the_default_language_of_the_config_is_the_source(tmp_path: Path, default: str, other: str) -> None:
    config = load_config(str(config_with_default(tmp_path, default)))
    roles = project_from(config, serving=False).roles
    assert roles == Roles(source=default, translation=other)
    assert roles.is_source(default) and not roles.is_source(other)
    assert roles.other(default) == other and roles.other(other) == default


def test_the_project_s_own_config_makes_chinese_the_source() -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert project_from(config, serving=False).roles == Roles("zh", "en")


def test_an_edition_without_exactly_two_languages_has_no_roles() -> None:
    with pytest.raises(ValueError, match="two languages"):
        roles_of(["zh"])


def page(lang: str, roles: Roles) -> PageMeta:
    other = roles.other(lang)
    return PageMeta(lang, "t", "d", SITE_URL + "x/", other, SITE_URL + "y/", SITE_URL, SITE_URL + "x.pdf", "s", roles)


@pytest.mark.parametrize("roles", [Roles("zh", "en"), Roles("en", "zh")])
def test_the_head_names_the_author_or_the_translator_by_the_roles(roles: Roles) -> None:
    """The original's head has ``citation_author``; the translation's the Zotero creators and a translator."""
    original, translation = page(roles.source, roles), page(roles.translation, roles)
    assert "citation_author" in dict(highwire(INFO, original))
    assert "citation_author" not in dict(highwire(INFO, translation))
    assert zotero_creators(INFO, original) == []
    assert dict(zotero_creators(INFO, translation))["z.translators"] == INFO.name[roles.translation] + ","
    assert "workTranslation" in json_ld(INFO, original) and "translator" not in json_ld(INFO, original)
    translated = json_ld(INFO, translation)
    assert translated["translationOfWork"]["inLanguage"] == LOCALES[roles.source].tag
