"""Benchmark the built site as readers get it, and print the figures the budgets are set in.

    make bench                       # build the site, then measure it
    .venv/bin/python scripts/bench.py --site path/to/site --label stock   # measure any built site

Prints, per home page, the first visit's requests and compressed bytes (budget: 90 KB, search not
included), Lighthouse's four mobile scores for the home pages and a reform-area page in both
languages (budget: 95 performance, 100 for the others), axe-core's violations on every page (budget:
none), and search: for the first search of a visit, the time from the last keystroke to the first
results (budget: median 300 ms, local) and what it downloads (budget: 60 KB compressed), also on an
corpus 20 times larger (budget: 150 KB; scripts/search_designs/corpus.py: every page copied
with its words changed, so the index grows as a real corpus would). Exits 1 if a budget is
missed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from browsing.axe import run_axe
from browsing.chromium import CHROMIUM_ARGS, chromium_path, launch_options
from browsing.server import serve
from browsing.visits import SLOW_4G, first_visit, time_first_search
from search_designs.corpus import LANGUAGES, corpus, synthetic, write_sharded

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
HOME_PAGES = ["", "en/"]
LIGHTHOUSE_PAGES = ["", "en/", "policing/", "en/policing/"]
SEARCHES = [
    ("", "身份证"),
    ("", "849个"),
    ("", "刘国明"),
    ("", "大数据"),
    ("", "警務輔助"),
    ("en/", "police"),
    ("en/", "identity cards"),
    ("en/", "community policing"),
    ("en/", "11,380"),
    ("en/", "放管服"),
]
SEARCH_LATENCY_BUDGET_MS = 300  # median, last keystroke to first results, first search of a visit, local
SEARCH_BYTES_BUDGET = 60 * 1024  # first search of a visit, compressed, on this site
GROWN_FACTOR = 20
GROWN_SEARCH_BYTES_BUDGET = 150 * 1024  # the same on an index 20 times larger
FIRST_VISIT_BUDGET = 90 * 1024
LIGHTHOUSE_BUDGET = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}


def build_site(target: Path) -> Path:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(target)]
    subprocess.run(command, cwd=ROOT, env=env, check=True)
    return target


def site_pages(site: Path) -> list[str]:
    """Every HTML page of the site as a path from its root ('' for the home page)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        relative = path.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return [*pages, "404.html"] if (site / "404.html").exists() else pages


def lighthouse(url: str) -> dict[str, object]:
    """Lighthouse's mobile run of one URL: the four category scores and the audits that failed."""
    env = {**os.environ, "CHROME_PATH": str(chromium_path())}
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output-path=stdout",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--form-factor=mobile",
        f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
    ]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    report = json.loads(result.stdout)
    scores = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    failed = sorted(
        audit_id
        for category in report["categories"].values()
        if category["id"] != "performance"
        for ref in category["auditRefs"]
        if ref["weight"] > 0
        for audit_id in [ref["id"]]
        if (report["audits"][audit_id]["score"] or 0) < 1 and report["audits"][audit_id]["scoreDisplayMode"] == "binary"
    )
    metrics = {
        key: report["audits"][key]["displayValue"]
        for key in (
            "first-contentful-paint",
            "largest-contentful-paint",
            "total-blocking-time",
            "cumulative-layout-shift",
        )
    }
    return {"scores": scores, "failed": failed, "metrics": metrics}


def kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


def search_figures(browser: object, base: str, label: str, missed: list[str], byte_budget: int) -> list[dict]:
    """Time the first search of a visit for each of SEARCHES, locally and on slow 4G; check budgets."""
    searches = []
    for page, query in SEARCHES:
        for network, throttle in (("local", None), ("slow 4G", SLOW_4G)):
            timing = time_first_search(browser, base + page, query, throttle)
            shown = f"{timing.first_result_ms:.0f} ms" if timing.first_result_ms is not None else "no result"
            print(
                f"/{page} {query!r} ({network}): {shown}, first: {timing.first_title!r}; "
                f"downloaded {kb(timing.search_bytes)} in {timing.search_requests} requests"
            )
            searches.append({**timing.__dict__, "network": network})
    local = [s["first_result_ms"] for s in searches if s["network"] == "local"]
    median = statistics.median(ms if ms is not None else float("inf") for ms in local)
    largest = max(s["search_bytes"] for s in searches)
    print(
        f"{label}: median {median:.0f} ms (budget {SEARCH_LATENCY_BUDGET_MS}), largest first search {kb(largest)} (budget {kb(byte_budget)})"
    )
    if median > SEARCH_LATENCY_BUDGET_MS:
        missed.append(f"search median {median:.0f} ms on {label}")
    if largest > byte_budget:
        missed.append(f"first search {kb(largest)} on {label}")
    return searches


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site folder (default: build this project)")
    parser.add_argument("--label", default="this build")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (slowest part)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or build_site(Path(scratch) / "site")
        figures: dict[str, object] = {"label": args.label}
        missed: list[str] = []
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            print(f"# {args.label}: {site}\n")

            print("## First visit (empty cache), everything loaded before the reader interacts")
            visits = {}
            for home in HOME_PAGES:
                visit = first_visit(browser, base + home)
                visits[home or "/"] = {
                    "requests": visit.requests,
                    "compressed": visit.compressed,
                    "foreign": visit.foreign,
                    "resources": [(r.url.removeprefix(base), r.kind, r.raw, r.compressed) for r in visit.resources],
                }
                print(
                    f"/{home}: {visit.requests} requests, {kb(visit.compressed)} compressed, {len(visit.foreign)} to other hosts"
                )
                for resource in visit.resources:
                    print(f"    {resource.kind:<11} {kb(resource.compressed):>9}  {resource.url.removeprefix(base)}")
                for url in visit.foreign:
                    print(f"    BLOCKED     {url}")
                if visit.compressed > FIRST_VISIT_BUDGET or visit.foreign:
                    missed.append(f"first visit /{home}: {kb(visit.compressed)}, {len(visit.foreign)} foreign")
            figures["first_visit"] = visits

            print("\n## Search: first search of a visit, from the last keystroke to the first results")
            searches = search_figures(browser, base, "this site", missed, SEARCH_BYTES_BUDGET)
            figures["search"] = searches

            print("\n## axe-core on every page")
            axe_figures = {}
            context = browser.new_context()
            page = context.new_page()
            for path in site_pages(site):
                page.goto(base + path, wait_until="load")
                violations = run_axe(page)
                axe_figures[path or "/"] = [str(v) for v in violations]
                if violations:
                    missed.append(f"axe /{path}: {len(violations)}")
                    print(f"/{path}: {len(violations)} violations")
                    for violation in violations:
                        print(f"    {violation}")
            context.close()
            total = sum(len(v) for v in axe_figures.values())
            print(f"{len(axe_figures)} pages, {total} violations in total")
            figures["axe"] = axe_figures
            browser.close()

        print(f"\n## Search on a corpus {GROWN_FACTOR} times larger (scripts/search_designs/corpus.py)")
        grown_site = synthetic(site, Path(scratch) / "grown", GROWN_FACTOR)
        grown = corpus(grown_site)
        write_sharded(grown, grown_site)
        print(", ".join(f"/{LANGUAGES[lang]}: {len(found)} entries" for lang, found in grown.entries.items()))
        with serve(grown_site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            figures["search_grown"] = search_figures(
                browser, base, f"{GROWN_FACTOR}x", missed, GROWN_SEARCH_BYTES_BUDGET
            )
            browser.close()

        with serve(site) as base:
            if not args.no_lighthouse:
                print("\n## Lighthouse, mobile")
                results = {}
                for path in LIGHTHOUSE_PAGES:
                    result = lighthouse(base + path)
                    results[path or "/"] = result
                    scores = result["scores"]
                    print(
                        f"/{path}: "
                        + ", ".join(f"{k} {v}" for k, v in scores.items())
                        + f"  ({', '.join(f'{k} {v}' for k, v in result['metrics'].items())})"
                    )
                    if result["failed"]:
                        print(f"    failed audits: {', '.join(result['failed'])}")
                    missed += [
                        f"lighthouse /{path} {k} {scores[k]}"
                        for k, v in LIGHTHOUSE_BUDGET.items()
                        if scores.get(k, 0) < v
                    ]
                figures["lighthouse"] = results

        if args.json:
            args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
        print("\n## Budgets: " + ("all met" if not missed else "MISSED: " + "; ".join(missed)))
        return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
