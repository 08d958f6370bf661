"""The build's trust boundary: mkdocs.yml alone (edition/checks/trust.py), files of the repository only, of
allowed kinds (edition/checks/file_boundary.py). Each case a pull request could make, refused on its own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from building import ROOT
from edition.checks.file_boundary import check_tree
from edition.checks.trust import check_config_file, check_config_text

BASE = """site_name: Edition
site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]
docs_dir: docs
theme:
  name: material
  custom_dir: overrides
plugins:
  - i18n:
      docs_structure: suffix
  - edition:
      source: source/press-release.zh.txt
markdown_extensions:
  - attr_list
  - toc:
      permalink: false
"""


def problems(text: str, root: Path = ROOT) -> list[str]:
    return [str(p) for p in check_config_text(text, "mkdocs.yml", root)]


def test_the_real_configuration_and_the_base_pass():
    assert check_config_file(ROOT / "mkdocs.yml") == []
    assert problems(BASE) == []


ALLOWED = {
    "site_url from SITE_URL alone": "site_url: !ENV SITE_URL\n",
    "repo_url from the deploy environment": "repo_url: !ENV [EDITION_REPOSITORY_URL, 'https://github.com/x/y']\n",
    "a core tag": "site_author: !!str Editors\n",
}


@pytest.mark.parametrize("case", ALLOWED, ids=list(ALLOWED))
def test_what_the_allowlist_names_passes(case):
    assert problems(BASE.replace('site_url: !ENV [SITE_URL, "http://127.0.0.1:8000/"]\n', "") + ALLOWED[case]) == []


# (text added to or replacing the base, what the message says, the line it names)
REFUSED = {
    "a parent configuration": ("INHERIT: ../elsewhere/mkdocs.yml\n", "'INHERIT' is refused", 16),
    "hooks": ("hooks:\n  - hooks/rewrite.py\n", "'hooks' is refused", 16),
    "an unknown top-level setting": ("watch:\n  - /etc\n", "'watch' is refused", 16),
    "a setting the edition does not know": ("dev_addrs: 0.0.0.0:80\n", "'dev_addrs' is not a setting", 16),
    "the environment in the site's name": (
        "site_author: !ENV USER\n",
        "'site_author' takes its value from the build's environment",
        16,
    ),
    "a secret as the site's address": (
        "site_url: !ENV [GITHUB_TOKEN, 'x']\n",
        "reads the environment variable GITHUB_TOKEN",
        16,
    ),
    "the environment deep in a language": (
        "extra:\n  edition:\n    label: !ENV AWS_SECRET_ACCESS_KEY\n",
        "'extra.edition.label' takes its value",
        18,
    ),
    "code run while the file is read": (
        "extra:\n  x: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
        "has the tag tag:yaml.org,2002:python/object/apply:os.system",
        17,
    ),
    "an import while the file is read": (
        "copyright: !!python/name:os.environ\n",
        "has the tag tag:yaml.org,2002:python/name:os.environ",
        16,
    ),
    "a relative-path tag": ("copyright: !relative $config_dir/../../etc\n", "has the tag !relative", 16),
    "a file-including extension": (
        "  - pymdownx.snippets:\n      base_path: [/]\n",
        "'pymdownx.snippets' is refused: it includes any file",
        16,
    ),
    "an unknown extension": ("  - markdown_exec\n", "the Markdown extension 'markdown_exec' is refused", 16),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_each_way_round_the_configuration_is_refused_naming_the_line(case):
    added, phrase, line = REFUSED[case]
    found = problems(BASE + added)
    assert any(phrase in p and p.startswith(f"mkdocs.yml:{line}:") for p in found), found


def test_plugins_in_either_form_are_checked():
    text = BASE.replace("  - edition:\n", "  - macros\n  - edition:\n")
    assert any("the plugin 'macros' is refused" in p for p in problems(text))
    mapping = BASE.split("plugins:")[0] + "plugins:\n  search: {}\n  edition: {}\n"
    assert [p for p in problems(mapping) if "'search' is refused" in p]


@pytest.mark.parametrize(
    ("old", "new", "phrase"),
    [
        ("docs_dir: docs", "docs_dir: ../../", "docs_dir '../../' lies outside docs/"),
        ("custom_dir: overrides", "custom_dir: /etc", "theme.custom_dir '/etc' is not the project's overrides/"),
        ("source: source/press-release.zh.txt", "source: ../../../proc/self/environ", "lies outside source/"),
        ("name: material", "name: evil_theme", "the theme is 'evil_theme', not material"),
    ],
)
def test_folders_outside_the_project_are_refused(old, new, phrase):
    assert any(phrase in p for p in problems(BASE.replace(old, new)))


def test_a_file_that_does_not_parse_is_named():
    assert problems("site_name: [\n")[0].startswith("mkdocs.yml:2: it does not parse as YAML")


# The files under docs/, overrides/ and source/.


def project(tmp_path: Path) -> Path:
    for folder in ("docs/data", "docs/assets", "overrides", "source"):
        (tmp_path / folder).mkdir(parents=True)
    (tmp_path / "docs" / "index.zh.md").write_text("# 首页\n", encoding="utf-8")
    (tmp_path / "docs" / "data" / "figures.yml").write_text("figures: []\n", encoding="utf-8")
    (tmp_path / "docs" / "assets" / "seal.svg").write_text("<svg/>\n", encoding="utf-8")
    (tmp_path / "overrides" / "main.html").write_text("{% extends 'base.html' %}\n", encoding="utf-8")
    (tmp_path / "source" / "text.zh.txt").write_text("原文\n", encoding="utf-8")
    return tmp_path


def rels(tmp_path: Path) -> list[str]:
    return [f"{p.path}: {p.message}" for p in check_tree(tmp_path)]


def test_the_real_tree_and_a_plain_one_pass(tmp_path):
    assert check_tree(ROOT) == []
    assert check_tree(project(tmp_path)) == []


LINKS = {
    "a page linked to /etc/passwd": ("docs/passwd.md", "/etc/passwd"),
    "the build's environment as a download": ("docs/assets/env.txt", "/proc/self/environ"),
    "a folder of the home directory": ("docs/home", str(Path.home())),
    "a template from elsewhere": ("overrides/partials", "/usr/share"),
    "the source text swapped": ("source/other.zh.txt", "../docs/index.zh.md"),
}


@pytest.mark.parametrize("case", LINKS, ids=list(LINKS))
def test_a_symbolic_link_is_refused_wherever_it_points(tmp_path, case):
    where, target = LINKS[case]
    root = project(tmp_path)
    (root / where).symlink_to(target)
    found = rels(root)
    assert any(f.startswith(f"{where}: this is a symbolic link") for f in found), found


def test_a_pipe_is_refused(tmp_path):
    root = project(tmp_path)
    os.mkfifo(root / "docs" / "feed.md")
    assert any("not a plain file or folder" in f for f in rels(root))


@pytest.mark.parametrize(
    ("name", "phrase"),
    [
        ("docs/note.html", "a page written as HTML is published as it is"),
        ("docs/assets/feed.xml", "xml-stylesheet"),
        ("docs/assets/style.xsl", "XSLT"),
        ("docs/assets/tool.exe", "the file type '.exe' is not one the edition publishes"),
        ("docs/settings.yml", "the file type '.yml'"),
        ("docs/.htaccess", "the file type '.htaccess'"),
    ],
)
def test_file_types_outside_the_allowlist_are_refused(tmp_path, name, phrase):
    root = project(tmp_path)
    (root / name).write_text("x\n", encoding="utf-8")
    found = rels(root)
    assert any(f.startswith(f"{name}: docs/ publishes every file") and phrase in f for f in found), found


def test_the_edition_plugin_cannot_be_left_out():
    text = BASE.replace("  - edition:\n      source: source/press-release.zh.txt\n", "")
    assert any("the plugin 'edition' is missing" in p and p.startswith("mkdocs.yml:7:") for p in problems(text))


def test_a_key_given_twice_is_refused_and_the_last_one_is_checked():
    """YAML keeps the second: a list appended at the end would replace the one a reviewer reads."""
    found = problems(BASE + "markdown_extensions:\n  - pymdownx.snippets\n")
    assert any(
        p.startswith("mkdocs.yml:16: 'markdown_extensions' is given a second time (first on line 12)") for p in found
    ), found
    assert any("'pymdownx.snippets' is refused" in p for p in found), found
    nested = BASE.replace("  name: material\n", "  name: material\n  name: readthedocs\n")
    assert any("'theme.name' is given a second time" in p for p in problems(nested))


def test_a_chain_of_aliases_is_read_once():
    """A "billion laughs" of nine levels: each node is read once, so the check answers at once."""
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, 9)]
    text = BASE + "extra:\n" + "".join(f"  {level}\n" for level in levels)
    assert [p for p in problems(text) if "is not a setting" in p or "tag" in p] == []
