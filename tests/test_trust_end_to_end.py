"""End to end through `make build`: each class of issue 21's attacks, as a pull request would make it,
is refused; the message names the file, the line and what to do; no site is left to publish; and
nothing the pull request carried ran.

Four builds of the tiny project (tests/fixtures/tiny/ with the real mkdocs.yml, Makefile and code):
a configuration that runs code as it is read; a parent configuration with a hook (built by hand,
`mkdocs build`, the path without make's first check); files from outside the repository (refused
before any other check reads a file); and one pull request with every other class, each in its own
file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from building import BUILDER, ROOT, SITE_URL, append, fixture_project, line_of, replace_in

pytestmark = [pytest.mark.heavy, pytest.mark.skipif(shutil.which("make") is None, reason="make not installed")]


def project(tmp_path: Path) -> Path:
    copy = fixture_project(tmp_path / "project")
    for part in ["Makefile", "requirements.txt"]:
        shutil.copy2(ROOT / part, copy / part)
    site = copy / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good build", encoding="utf-8")
    return copy


def run(copy: Path, *command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}
    return subprocess.run(command, cwd=copy, env=env, capture_output=True, text=True, timeout=300)


def make_build(copy: Path) -> str:
    venv = Path(sys.executable).parent.parent
    result = run(copy, "make", "-o", f"{venv}/.site-deps", "-o", f"{venv}/.pdf-deps", "build", f"VENV={venv}")
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert not (copy / "site").exists() and not (copy / "site.new").exists(), "a refused build left a site"
    return output


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if re.search(r"\[[a-z-]+\] [\w./-]+:\d+: ", line)]


def test_a_configuration_that_runs_code_as_it_is_read_is_refused_before_mkdocs_reads_it(tmp_path):
    copy = project(tmp_path)
    marker = tmp_path / "ran"
    append(copy / "mkdocs.yml", f"\nremote_name: !!python/object/apply:os.system ['touch {marker}']\n")
    output = make_build(copy)
    line = line_of(copy / "mkdocs.yml", "remote_name:")
    assert f"[trust] mkdocs.yml:{line}: 'remote_name' is refused" in output
    assert (
        f"[trust] mkdocs.yml:{line}: 'remote_name' has the tag tag:yaml.org,2002:python/object/apply:os.system"
        in output
    )
    assert "Fix: remove the tag" in output and "nothing was built" in output
    assert not marker.exists(), "the tag's code ran"


def test_a_parent_configuration_with_a_hook_is_refused_before_the_hook_is_imported(tmp_path):
    copy = project(tmp_path)
    marker = tmp_path / "imported"
    (copy / "hooks.py").write_text(
        f"open({str(marker)!r}, 'w').close()\n\ndef on_page_content(html, **kwargs):\n    return html + '<meta http-equiv=refresh content=0;url=https://evil.example/>'\n"
    )
    (copy / "parent.yml").write_text("hooks:\n  - hooks.py\n", encoding="utf-8")
    replace_in(copy / "mkdocs.yml", "site_name:", "INHERIT: parent.yml\nsite_name:")
    result = run(copy, sys.executable, "-m", BUILDER, "build", "--strict", "--site-dir", str(copy / "site"))
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    line = line_of(copy / "mkdocs.yml", "INHERIT:")
    assert f"mkdocs.yml:{line}: 'INHERIT' is refused" in output and "Fix: remove 'INHERIT:'" in output
    assert not marker.exists(), "the hook was imported"
    assert "evil.example" not in "".join(p.read_text(errors="replace") for p in (copy / "site").rglob("*.html"))
    assert f"[trust] mkdocs.yml:{line}: 'INHERIT' is refused" in make_build(copy)


def test_files_from_outside_the_repository_stop_the_build_before_any_other_check_reads_them(tmp_path):
    copy = project(tmp_path)
    docs = copy / "docs"
    (docs / "environ.md").symlink_to("/proc/self/environ")
    (docs / "assets" / "page.html").write_text("<p>hello</p>\n", encoding="utf-8")
    (docs / "data" / "glossary.yml").unlink()
    (docs / "data" / "glossary.yml").symlink_to("/etc/passwd")
    output = make_build(copy)
    for phrase in [
        "[file-boundary] docs/environ.md:1: this is a symbolic link (to '/proc/self/environ')",
        "[file-boundary] docs/data/glossary.yml:1: this is a symbolic link (to '/etc/passwd')",
        "[file-boundary] docs/assets/page.html:1: docs/ publishes every file it holds, and this one is refused",
        "refused this build at its trust boundary, before any other check read a file",
    ]:
        assert phrase in output, f"{phrase!r} not in:\n{output}"
    assert "root:" not in output and "PATH=" not in output, "a message quoted a file from outside"
    assert all(" Fix: " in line for line in problem_lines(output))


def test_every_other_class_in_one_pull_request_is_refused_each_naming_file_and_line(tmp_path):
    copy = project(tmp_path)
    docs = copy / "docs"
    # what is shown is not what is checked: a right-to-left override in a Chinese description
    replace_in(docs / "overview.zh.md", "完成率89.5%", "完成率8\u202e9.5%")
    # a published word outside the id'd paragraphs, changed silently: a translator's note
    replace_in(docs / "overview.en.md", "upgrading services", "upgrading public services")
    # a qualifier added in one language only (the values agree)
    replace_in(
        docs / "overview.en.md",
        "description: The overall situation, with 85",
        "description: The overall situation, with more than 85",
    )
    # a fact typed into an interface string
    replace_in(
        docs / "data" / "strings.en.yml",
        "'Source: {work_publisher}, {work_date}, {url}'",
        "'Source: {work_publisher}, 29 September 2017, {url}, {work_date}'",
    )
    output = make_build(copy)
    expected = [
        f"[visible-text] docs/overview.zh.md:{line_of(docs / 'overview.zh.md', 'description:')}: column",
        f"[errata] docs/overview.en.md:{line_of(docs / 'overview.en.md', '[^fgf]:')}: the published text 'overview:note:fgf' (English) differs",
        f"[qualifiers] docs/overview.en.md:{line_of(docs / 'overview.en.md', 'description:')}: the description's figures differ in qualifier",
        f"[interface-facts] docs/data/strings.en.yml:{line_of(docs / 'data' / 'strings.en.yml', 'source_line:')}: the interface string 'page.source_line' types the date",
    ]
    for phrase in expected:
        assert phrase in output, f"{phrase!r} not in:\n{output}"
    lines = problem_lines(output)
    assert lines and all(" Fix: " in line for line in lines), "a message without what to do"
