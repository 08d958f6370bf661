"""Build time of the edition against stock Material + i18n on the same pages, as ratios.

    .venv/bin/python scripts/bench_build.py [--runs 3] [--scale 10]

Two corpora: this site's docs/, and a synthetic one ``--scale`` times larger, made from the real
pages: every page of the text copied again and again under a new name with new paragraph ids
(``kind: editorial``, so the source check does not refuse the copies; every other check reads
them), and a release recorded for them (scripts/record_release.py), as a maintainer adding pages would. Each corpus is built as the edition builds it (the edition plugin, the theme overrides) and
as stock Material + i18n builds it (no edition plugin, no overrides; Material's search plugin,
with jieba, as Material documents it for Chinese),
``mkdocs build --strict`` in a fresh process, alternately, and the median of ``--runs`` is kept,
of CPU time (user + system: what the build costs, steady when other work shares the machine) and
of wall time; the budget is judged on CPU time. The budget is
1.5 on both corpora (README, "Maintenance"); exits 1 if it is missed.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from edition.model.release import EDITION_FILE, next_version

ROOT = Path(__file__).resolve().parents[1]
BUDGET = 1.5
ID = re.compile(r"\{#([A-Za-z][\w-]*)\}")
NAV_LINE = re.compile(r"^  - 关于本版: about\.md$", re.M)


def stock_config(text: str) -> str:
    """mkdocs.yml without the edition: no plugin of ours, no overrides; i18n as configured, and
    Material's own search plugin, as Material's documentation sets up a Chinese site (with jieba,
    pinned in requirements-bench.txt, segmenting the Chinese): the work the edition's search replaces.
    """
    text = re.sub(r"\n  # The edition: its checks.*?\n  - edition(?::\n(?:      .*\n)+|\n)", "\n", text, flags=re.S)
    if re.search(r"^  - edition\b", text, re.M):
        raise SystemExit("bench_build.py: the edition plugin is still in the stock mkdocs.yml: update stock_config()")
    text = text.replace("  custom_dir: overrides\n", "")
    return text.replace("plugins:\n", "plugins:\n  - search\n", 1)


def text_pages(docs: Path) -> list[str]:
    """Names of the pages that reproduce the source (kind: source)."""
    return sorted(
        path.name.removesuffix(".zh.md")
        for path in docs.glob("*.zh.md")
        if path.read_text(encoding="utf-8").startswith("---\nkind: source\n")
    )


def grow(project: Path, scale: int) -> int:
    """Add (scale - 1) copies of every text page pair, with new names and ids; return pages added."""
    docs = project / "docs"
    names = text_pages(docs)
    record_path = docs / "data" / "alignment.yml"
    record = yaml.safe_load(record_path.read_text(encoding="utf-8"))
    nav_lines = []
    added = 0
    for copy in range(1, scale):
        for name in names:
            new = f"{name}-copy{copy}"
            for lang in ("zh", "en"):
                text = (docs / f"{name}.{lang}.md").read_text(encoding="utf-8")
                text = re.sub(r"\A---\nkind: source\n(?:document: .*\n)?", "---\nkind: editorial\n", text, count=1)
                text = ID.sub(lambda m, c=copy: f"{{#c{c}-{m.group(1)}}}", text)
                # "large-copy1", not "c1large": a word holding a digit and an l reads as a figure with
                # a look-alike letter to the visible-text check (the record keeps the notes' labels)
                text = re.sub(r"\[\^(\w+)\]", lambda m, c=copy: f"[^{m.group(1)}-copy{c}]", text)
                text = re.sub(r"〔[^〕]*〕", "", text)  # the corrections are logged for the original paragraphs only
                (docs / f"{new}.{lang}.md").write_text(text, encoding="utf-8")
                added += 1
            record[new] = {f"c{copy}-{block}": shape for block, shape in record[name].items()}
            nav_lines.append(f"      - {new}.md")
    record_path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = NAV_LINE.sub(lambda m: "  - 副本:\n" + "\n".join(nav_lines) + "\n" + m.group(0), text, count=1)
    text = text.replace("            术语表: Glossary\n", "            术语表: Glossary\n            副本: Copies\n", 1)
    config.write_text(text, encoding="utf-8")
    return added


def record_copies(project: Path) -> None:
    """Record a release of the grown text, as CONTRIBUTING asks for new paragraphs: the errata check
    refuses a paragraph that no release holds (a citation could not name its version)."""
    edition_yml = project / "docs" / EDITION_FILE
    version = next_version(str(yaml.safe_load(edition_yml.read_text(encoding="utf-8"))["version"]))
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "record_release.py"), version, "--root", str(project)],
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        check=True,
    )


def project_copy(target: Path, scale: int, stock: bool) -> Path:
    target.mkdir(parents=True)
    for part in ("mkdocs.yml", "docs", "overrides", "source"):
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        else:
            shutil.copy2(source, target / part)
    if scale > 1:
        grow(target, scale)
        if not stock:
            record_copies(target)
    if stock:
        config = target / "mkdocs.yml"
        config.write_text(stock_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def build_seconds(project: Path) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of one strict build in a fresh process.

    CPU time (user + system, of the build's process) is what the budget is judged on: it is what
    the build costs, and it holds when other work shares the machine, where wall time does not.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    site = project / "site"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"the build of {project} failed:\n{result.stdout}{result.stderr}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), elapsed


def measure(scale: int, runs: int, work: Path) -> tuple[dict[str, tuple[float, float]], int]:
    """Median (CPU, wall) seconds of each build, and the number of Markdown files."""
    edition = project_copy(work / f"edition-{scale}", scale, stock=False)
    stock = project_copy(work / f"stock-{scale}", scale, stock=True)
    pages = len(list((edition / "docs").rglob("*.md")))
    times: dict[str, list[tuple[float, float]]] = {"edition": [], "stock": []}
    for _ in range(runs):
        times["stock"].append(build_seconds(stock))
        times["edition"].append(build_seconds(edition))
    medians = {
        name: (statistics.median(cpu for cpu, _ in found), statistics.median(wall for _, wall in found))
        for name, found in times.items()
    }
    return medians, pages


def main() -> int:
    try:
        import jieba  # noqa: F401  (Material's search segments Chinese with it when it is installed)
    except ImportError:
        print("jieba is not installed: run `make bench` (it installs requirements-bench.txt)", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    missed = False
    with tempfile.TemporaryDirectory() as folder:
        for scale in (1, args.scale):
            medians, pages = measure(scale, args.runs, Path(folder))
            (edition, edition_wall), (stock, stock_wall) = medians["edition"], medians["stock"]
            ratio = edition / stock
            missed |= ratio > BUDGET
            label = "this site" if scale == 1 else f"{scale}x corpus"
            print(
                f"build, {label} ({pages} Markdown files): CPU edition {edition:.2f} s, stock Material + i18n "
                f"{stock:.2f} s, ratio {ratio:.2f} (budget {BUDGET}); wall {edition_wall:.2f} s / "
                f"{stock_wall:.2f} s, ratio {edition_wall / stock_wall:.2f}; medians of {args.runs}"
            )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
