"""The four designs: how each is built into a folder to serve, opened, and read back.

- ``before``: the site at commit cfe95b8 (jieba words in Material's lunr search, patched worker),
  searched through Material's own search box.
- ``pagefind``: Pagefind (extended) on this site's build, one index per <html lang>, through its
  JS API in a bare harness page (search_designs/pagefind.js).
- ``lunr-bigram``: lunr 2.3.9 (Material's engine) on Han bigrams beside jieba's words, in a bare
  harness page (search_designs/lunr-bigram.js).
- ``sharded``: this site's own search (edition/outputs/search_index.py), through its dialog.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from browsing import search_driver
from search_designs import indexes
from search_designs.corpus import LANGUAGES, Corpus, write_sharded

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
LUNR = ROOT / "node_modules" / "lunr" / "lunr.min.js"
BEFORE_COMMIT = "cfe95b8"
VISIBLE = "links => links.filter(a => a.offsetParent !== null).map(a => a.href)"


@dataclass(frozen=True)
class Design:
    name: str
    home: Callable[[str], str]  # language → the page search is opened on, under the site root
    opener: str  # what the reader clicks to open search
    input: str
    watch: str  # the element whose changes mean results were rendered
    links: str  # result links, in the order shown

    def open(self, page: Any) -> None:
        page.click(self.opener)
        page.wait_for_selector(self.input, state="visible")

    def results(self, page: Any) -> list[str]:
        return page.eval_on_selector_all(self.links, VISIBLE)


def _harness(name: str) -> Design:
    return Design(
        name,
        home=lambda lang: f"{LANGUAGES[lang]}_bench/{name}.html",
        opener="#bench-open",
        input="#bench-q",
        watch="body",
        links="#bench-results a.bench-link",
    )


DESIGNS: dict[str, Design] = {
    "before": Design(
        "before",
        home=lambda lang: LANGUAGES[lang],
        opener="label.md-header__button[for=__search]",
        input="input.md-search__input",
        watch=".md-search-result",
        links=".md-search-result a.md-search-result__link",
    ),
    "pagefind": _harness("pagefind"),
    "lunr-bigram": _harness("lunr-bigram"),
    "sharded": Design(
        "sharded",
        home=lambda lang: LANGUAGES[lang],
        opener=search_driver.OPEN,
        input=search_driver.INPUT,
        watch="dialog.edition-search",
        links=search_driver.LINKS,
    ),
}


def build_site(source: Path, target: Path) -> Path:
    """``mkdocs build --strict`` of the project at ``source`` into ``target``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)]
    subprocess.run(command, cwd=source, env=env, check=True)
    return target


def build_before(work: Path) -> Path:
    """The site as it was at BEFORE_COMMIT, built from a ``git archive`` of that commit."""
    source = work / "before-source"
    shutil.rmtree(source, ignore_errors=True)
    source.mkdir(parents=True)
    with tempfile.TemporaryFile() as archive:
        subprocess.run(["git", "archive", BEFORE_COMMIT], cwd=ROOT, stdout=archive, check=True)
        archive.seek(0)
        with tarfile.open(fileobj=archive) as tar:
            tar.extractall(source, filter="data")
    return build_site(source, work / "before-site")


def write_harness(site: Path, name: str) -> None:
    """The harness page of ``name`` in each language, and the scripts it loads."""
    bench = site / "_bench"
    bench.mkdir(parents=True, exist_ok=True)
    for script in ("harness.js", f"{name}.js"):
        shutil.copyfile(HERE / script, bench / script)
    if name == "lunr-bigram":
        if not LUNR.exists():
            raise RuntimeError(f"{LUNR} is missing: run `npm ci` (make bench-search does)")
        shutil.copyfile(LUNR, bench / "lunr.min.js")
    template = (HERE / "harness.html").read_text(encoding="utf-8")
    for lang, prefix in LANGUAGES.items():
        config = json.dumps({"root": "/" + prefix, "site": "/"})
        page = template.format(lang=lang, design=name, config=config, site="/")
        (site / prefix / "_bench").mkdir(parents=True, exist_ok=True)
        (site / prefix / "_bench" / f"{name}.html").write_text(page, encoding="utf-8")


def prepare(name: str, site: Path, corpus: Corpus, work: Path, rebuild_sharded: bool) -> Path:
    """A folder to serve for design ``name``, made from the built ``site`` (copied, never changed)."""
    target = work / f"{name}-site"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(site, target)
    if name == "before":
        return target
    moved = [replace(page, file=target / page.file.relative_to(site)) for page in corpus.pages]
    copied = Corpus(corpus.entries, corpus.simplify, moved)
    if name == "pagefind":
        indexes.write_pagefind(copied, target, work / "pagefind-config")
        write_harness(target, name)
    elif name == "lunr-bigram":
        indexes.write_lunr(copied, target)
        write_harness(target, name)
    elif name == "sharded" and rebuild_sharded:
        write_sharded(copied, target)
    return target
