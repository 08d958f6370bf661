"""Building a project in this process, as `mkdocs build` does, and the small fixture project.

``build(project)`` is ``mkdocs build --strict`` without a new interpreter, through MkDocs' public
interfaces only: its own ``load_config`` (with one hook added, tests/template_cache_hook.py, that
keeps Jinja's compiled templates from build to build) and ``build``, the ``on_startup``/``on_shutdown``
events the CLI sends, its log records captured as the CLI prints them (``ERROR   -  [check]
file:line: ...``), and the exceptions the CLI turns into an exit code turned into one here (as
mkdocs-static-i18n's own tests build). The builds of one process share the plugin instances, as the
rebuilds of `mkdocs serve` do (MkDocs keeps the instances of plugins with ``on_startup``): the
edition plugin starts its state anew in ``on_pre_build``, and a state left over would fail these
tests as it would fail `mkdocs serve`. Under ``EDITION_BUILDER=properdocs`` (`make test-properdocs`)
it runs ``properdocs build`` as a command.

``fixture_project(path)`` writes the tiny project under tests/fixtures/tiny/ (four page pairs, the
overview's source text and data, the real interface strings) with a mkdocs.yml made from the real
one in ``fixture_config``: the real file, with only its navigation replaced, so every check, plugin
and setting the real site has (the edition plugin, installed in the virtual environment and named
in mkdocs.yml), the fixture has too, without a change here.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import jinja2
import jinja2.bccache

ROOT = Path(__file__).resolve().parents[1]
SITE_URL = "https://edition.example.org/police-reform/"
# The repository the test builds name, as the deploy names the one it runs in (EDITION_REPOSITORY_URL).
REPOSITORY_URL = "https://github.com/example-org/police-reform-edition"
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "tiny"
# The builder of every test build: MkDocs, or ProperDocs when `make test-properdocs` sets it.
BUILDER = os.environ.get("EDITION_BUILDER", "mkdocs")

# What a build of the project reads besides mkdocs.yml; a copy of the project has these.
PROJECT_PARTS = ["mkdocs.yml", "docs", "overrides", "scripts", "source"]

# The fixture's navigation: it stands in place of the real `nav:` (its labels are real ones, so the
# real `nav_translations` translate them).
FIXTURE_NAV = """nav:
  - 首页: index.md
  - 总体情况: overview.md
  - 资料:
      - 数字: figures.md
  - 关于本版: about.md
"""


@dataclass
class Build:
    returncode: int
    output: str  # what the CLI would print: every log record, then the reason it stopped
    site: Path

    @property
    def ok(self) -> bool:
        return self.returncode == 0


class _CliFormat(logging.Formatter):
    """MkDocs' CLI format without colours: ``LEVEL   -  message``."""

    def format(self, record: logging.LogRecord) -> str:
        return f"{record.levelname:<8}-  {super().format(record)}"


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@contextmanager
def _captured_log() -> Iterator[io.StringIO]:
    """The `mkdocs` logger's records as the CLI sets it up (level INFO, not propagated)."""
    logger = logging.getLogger("mkdocs")
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(_CliFormat())
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.INFO)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


class TemplateCache(jinja2.BytecodeCache):
    """Jinja's compiled templates, kept in memory for the builds of this process (tests/template_cache_hook.py)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = TemplateCache()
TEMPLATE_CACHE_HOOK = Path(__file__).resolve().parent / "template_cache_hook.py"


def build(project: Path, site: Path | None = None, *, strict: bool = True) -> Build:
    """`mkdocs build [--strict] --site-dir SITE` of ``project``, in this process.

    Under ``EDITION_BUILDER=properdocs`` (`make test-properdocs`) the build is ProperDocs' own
    command, in a process of its own: what is tested there is that runner, not MkDocs' code.
    """
    if BUILDER != "mkdocs":
        return build_in_a_process(project, site, strict=strict)
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    site = site or project / "site"
    returncode, reason = 0, ""
    with (
        _environment(SITE_URL=SITE_URL, EDITION_REPOSITORY_URL=REPOSITORY_URL, NO_MKDOCS_2_WARNING="1"),
        _captured_log() as log,
    ):
        try:
            config = load_config(
                config_file=str(project / "mkdocs.yml"),
                site_dir=str(site),
                strict=strict,
                hooks=[str(TEMPLATE_CACHE_HOOK)],  # as `mkdocs build` would, with Jinja's cache (above)
            )
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
        except MkDocsException as error:  # Abort, ConfigurationError, BuildError: the CLI prints and exits 1
            returncode, reason = error.exit_code, error.format_message()
        except Exception:  # anything else: the CLI's traceback, exit code 1
            returncode, reason = 1, traceback.format_exc()
    return Build(returncode, log.getvalue() + reason, site)


def build_in_a_process(project: Path, site: Path | None = None, *, strict: bool = True) -> Build:
    """`BUILDER build [--strict] --site-dir SITE` of ``project`` as a command, as a maintainer runs it."""
    site = site or project / "site"
    command = [sys.executable, "-m", BUILDER, "build", "--site-dir", str(site), *(["--strict"] if strict else [])]
    result = subprocess.run(
        command,
        cwd=project,
        env={**os.environ, "SITE_URL": SITE_URL, "EDITION_REPOSITORY_URL": REPOSITORY_URL, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    return Build(result.returncode, result.stdout + result.stderr, site)


def _scripts(target: Path) -> None:
    """scripts/ of a copy: its files copied (a script run there finds the copy as its project, by its
    own path), its packages linked to the real ones (the code under test, which no test changes)."""
    target.mkdir(parents=True)
    for entry in (ROOT / "scripts").iterdir():
        if entry.is_dir() and entry.name != "__pycache__":
            (target / entry.name).symlink_to(entry, target_is_directory=True)
        elif entry.is_file():
            shutil.copy2(entry, target / entry.name)


def copy_project(target: Path, parts: list[str] | None = None) -> Path:
    """A copy of the real project (the parts a build reads) that a test may break."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts or PROJECT_PARTS:
        source = ROOT / part
        if part == "scripts":
            _scripts(target / part)
        elif source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def fixture_config(real: str) -> str:
    """The real mkdocs.yml with the fixture's navigation in place of its own."""
    config, count = re.subn(r"^nav:\n(?:[ \t].*\n|\n)*", FIXTURE_NAV + "\n", real, count=1, flags=re.MULTILINE)
    assert count == 1, "mkdocs.yml has no top-level nav: to replace"
    return config


def fixture_project(target: Path) -> Path:
    """The tiny project at ``target``: its own pages, data and source; the real settings, theme and code."""
    shutil.copytree(FIXTURE, target, dirs_exist_ok=True)
    shutil.copytree(ROOT / "docs" / "assets", target / "docs" / "assets")  # extra_css, extra_javascript
    for catalogue in sorted((ROOT / "docs" / "data").glob("strings.*.yml")):  # the interface strings
        shutil.copy2(catalogue, target / "docs" / "data" / catalogue.name)
    released_strings(target / "docs" / "data" / "releases.json")
    copy_project(target, ["overrides", "scripts"])
    (target / "mkdocs.yml").write_text(fixture_config((ROOT / "mkdocs.yml").read_text(encoding="utf-8")), "utf-8")
    return target


def released_strings(record: Path) -> None:
    """The fixture's record of releases with the real interface strings as the real record last released
    them (edition/model/published_words.py): the fixture uses the real strings, so it holds them as released."""
    real = json.loads((ROOT / "docs" / "data" / "releases.json").read_text(encoding="utf-8"))
    state: dict[str, dict[str, str]] = {}
    for release in real["releases"]:
        for lang, texts in release["paragraphs"].items():
            state.setdefault(lang, {}).update({key: text for key, text in texts.items() if key.startswith("strings:")})
    data = json.loads(record.read_text(encoding="utf-8"))
    for lang, texts in state.items():
        data["releases"][0]["paragraphs"].setdefault(lang, {}).update(texts)
    record.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def as_released(project: Path) -> None:
    """The project's record of releases rewritten as if its first release had published the words
    as they stand now: for a test of another check that has to change a page's words (the release
    record would refuse the change first, edition/model/published_words.py)."""
    from edition.checks.errata import current_texts
    from edition.from_mkdocs import load_project

    _, edition = load_project(project)
    record = project / "docs" / "data" / "releases.json"
    data = json.loads(record.read_text(encoding="utf-8"))
    for lang, found in current_texts(edition).items():
        data["releases"][0]["paragraphs"].setdefault(lang, {}).update(
            {key: text for key, (text, _, _) in found.items()}
        )
    record.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# Breaking a copy as a pull request would, and seeing the build refuse it.


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def change_a_published_paragraph(project: Path, lang: str = "en", paragraph: str | None = None) -> tuple[str, str]:
    """Change the words of one published paragraph of ``project`` as a correction would: (its page, its id).

    The paragraph (``paragraph``, or the first paragraph of the first source page of ``lang``) is
    found in the project's own pages, so a page added or corrected by a maintainer leaves the tests working.
    """
    from edition.model.edition import load_edition

    edition = load_edition(project, project / "docs", ["zh", "en"])
    pages = [p for p in edition.files if p.lang == lang and p.kind == "source" and p.blocks]
    page, block = next((p, b) for p in pages for b in p.blocks if (b.id == paragraph if paragraph else b.tag == "p"))
    lines = page.text.splitlines(keepends=True)
    index = page.line_of_id(block.id) - 2  # the paragraph's last line, just above its "{#id}"
    text = lines[index].rstrip("\n")
    lines[index] = (text[:-1] + " indeed" + text[-1] if text[-1] in ".。" else text + " indeed") + "\n"
    page.path.write_text("".join(lines), encoding="utf-8")
    return page.rel, block.id


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def snapshot(project: Path) -> dict[str, str]:
    """Every file of a project folder except the build output, with a hash of its bytes."""
    return {
        path.relative_to(project).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(project.rglob("*"))
        if path.is_file() and path.relative_to(project).parts[0] != "site" and "__pycache__" not in path.parts
    }


def refused(project: Path) -> str:
    """Build the broken project: it must fail, and leave every source file as it was; its output."""
    before = snapshot(project)
    result = build(project)
    assert result.returncode != 0, "the build should have failed:\n" + result.output
    assert "Aborted with" in result.output, result.output
    assert snapshot(project) == before, "a refused build changed files of the project"
    return result.output
