"""The edition's plugin: registered for MkDocs, reading only what mkdocs-static-i18n makes public."""

from __future__ import annotations

import re
from importlib.metadata import entry_points
from pathlib import Path

from mkdocs.config import load_config

from conftest import BUILDER, ROOT
from edition.checks.registry import CHECKS, checks
from edition.from_mkdocs import site_languages
from edition.plugin import EditionPlugin


def test_the_plugin_is_registered_for_mkdocs_and_properdocs():
    [entry] = [e for e in entry_points(group="mkdocs.plugins") if e.name == "edition"]
    assert entry.load() is EditionPlugin


def test_the_i18n_configuration_gives_every_language_with_its_link():
    """What edition/from_mkdocs.py reads of mkdocs-static-i18n: its validated `languages:` settings.

    If a new version of the i18n plugin renames or drops these settings, this fails first.
    """
    config = load_config(str(ROOT / "mkdocs.yml"))
    languages = site_languages(config)
    assert [(lang.locale, lang.default, lang.prefix) for lang in languages] == [("zh", True, ""), ("en", False, "en/")]
    assert languages[1].name == "English" and languages[1].settings["nav_translations"]["首页"] == "Home"


def test_no_private_state_of_the_i18n_plugin_is_read():
    """The nested language builds are counted by the plugin itself, not read from i18n's attributes."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "scripts" / "edition").rglob("*.py"))
    for private in ("i18n.building", "current_language", "extra_alternate", "i18n_files_per_language"):
        assert private not in code, private
    assert not list((ROOT / "scripts").glob("hook_*.py")), "hooks are folded into the plugin"
    assert "hooks:" not in (ROOT / "mkdocs.yml").read_text(encoding="utf-8")


def test_every_check_has_a_unique_module_and_a_stage():
    names = [(check.name, check.stage) for check in CHECKS]
    assert len(set(names)) == len(names)
    assert (
        checks("boundary")[0].name == "trust"
        and checks("model")[0].name == "visible-text"
        and checks("site")[-1].name == "csp"
    )
    for check in CHECKS:
        assert re.fullmatch(r"[a-z-]+", check.name)
        assert Path(check.run.__code__.co_filename).parent == ROOT / "scripts" / "edition" / "checks"


def test_the_site_is_built_by_the_runner_the_suite_was_asked_for(built_site):
    """`make test` builds with MkDocs; `make test-properdocs` (the exit path) with ProperDocs."""
    head = (built_site.site / "index.html").read_text(encoding="utf-8").split("</head>")[0]
    [generator] = re.findall(r'<meta name="generator" content="([^"]+)">', head)
    assert ("ProperDocs" in generator) == (BUILDER == "properdocs"), generator
