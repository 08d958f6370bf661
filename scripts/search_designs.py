"""Compare the search designs of issue 8 on the query set, in Chromium, and print the figures.

    make bench-search                                    # every design, this site and 20x
    .venv/bin/python scripts/search_designs.py --designs sharded,pagefind --scale 1
    .venv/bin/python scripts/search_designs.py --queries my.yml --json figures.json

For each design (search_designs/designs.py): build its index, serve it on 127.0.0.1, type every
query of tests/search_queries.yml into its search box in Chromium, and score the results against
the paragraph each query must find. Prints one row per design and corpus: recall@5, MRR (cutoff
10), the first search's download (compressed, as received; Chinese and English home pages) and
the median time from the last keystroke to the first results; then recall per kind of query and
every miss. The 20x rows use a synthetic corpus (search_designs/corpus.py): payload and latency
there; its recall is not comparable (20 copies of each paragraph) and is not printed.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from browsing.chromium import launch_options
from browsing.server import serve
from search_designs.corpus import corpus, synthetic
from search_designs.designs import DESIGNS, build_before, build_site, prepare
from search_designs.measure import Run, run_design
from search_designs.queries import MRR_CUTOFF, RECALL_AT, Outcome, Query, Scores, link_key, load

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "search_queries.yml"
SCALED = ("pagefind", "lunr-bigram", "sharded")  # "before" has no 20x build (its index needs its own hook)


def first_of_each_language(queries: list[Query], limit: int) -> list[Query]:
    return [q for lang in ("zh", "en") for q in [q for q in queries if q.lang == lang][:limit]]


def kb(responses: list[tuple[str, int]]) -> str:
    return f"{sum(size for _, size in responses) / 1024:.1f}"


def row(label: str, scale: int, scores: Scores | None, run: Run) -> dict[str, object]:
    latency = scores.median_latency if scores else None
    return {
        "design": label,
        "corpus": f"{scale}x",
        "recall@5": round(scores.recall, 3) if scores and scale == 1 else None,
        "mrr": round(scores.mrr, 3) if scores and scale == 1 else None,
        "first_search_kb": {lang: float(kb(r)) for lang, r in run.first_search.items()},
        "median_latency_ms": round(latency) if latency is not None else None,
        "no_result": sum(o.latency_ms is None for o in scores.outcomes) if scores else None,
        "foreign": run.foreign,
    }


def print_table(rows: list[dict[str, object]]) -> None:
    print(
        f"\n| design | corpus | recall@{RECALL_AT} | MRR@{MRR_CUTOFF} | first search KB (zh / en) | median latency ms |"
    )
    print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        payload = r["first_search_kb"]
        recall = f"{r['recall@5']:.3f}" if r["recall@5"] is not None else "—"
        mrr = f"{r['mrr']:.3f}" if r["mrr"] is not None else "—"
        print(
            f"| {r['design']} | {r['corpus']} | {recall} | {mrr} | "
            f"{payload.get('zh', '—')} / {payload.get('en', '—')} | {r['median_latency_ms']} |"
        )


def print_details(name: str, scores: Scores, run: Run, base: str) -> None:
    print(f"\n### {name}: recall@{RECALL_AT} by kind")
    for kind, (found, total) in scores.by_kind().items():
        print(f"- {kind}: {found}/{total}")
    print(f"\n### {name}: first-search download (bytes as received)")
    for lang, responses in run.first_search.items():
        for url, size in responses:
            print(f"- {lang}: {size / 1024:6.1f} KB  {url.removeprefix(base)}")
    misses = scores.misses()
    print(f"\n### {name}: {len(misses)} misses (query → expected; first results)")
    for outcome in misses:
        print(describe(outcome, base))
    late = [o for o in scores.outcomes if o.ranks is not None and 1 < o.ranks <= RECALL_AT]
    print(f"\n### {name}: {len(late)} found in the first {RECALL_AT} but not first")
    for outcome in late:
        print(describe(outcome, base))


def describe(outcome: Outcome, base: str) -> str:
    """One line: the query, the paragraph it must find, where it came, and what came first."""
    q = outcome.query
    root = base + ("en/" if q.lang == "en" else "")
    shown = ", ".join("#".join(link_key(h, root)) or "(home)" for h in outcome.hrefs[:3]) or "nothing"
    where = f"ranked {outcome.ranks}" if outcome.ranks else "absent"
    return f"- [{q.lang}:{q.kind}] {q.q!r} → {q.page}#{q.id} ({where}); first: {shown}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--designs", default=",".join(DESIGNS), help="comma-separated: " + ", ".join(DESIGNS))
    parser.add_argument("--scale", default="1,20", help="corpus sizes to run: 1, 20 or 1,20")
    parser.add_argument("--site", type=Path, help="this project's built site (default: build it)")
    parser.add_argument("--work", type=Path, help="keep the built folders here (default: a temporary folder)")
    parser.add_argument("--limit", type=int, help="only the first N queries of each language (a quick look)")
    parser.add_argument(
        "--scaled-limit", type=int, default=40, help="queries per language on the larger corpus (timing only)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures and every query's outcome to this file")
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress shows as it comes, even into a file
    names = [n.strip() for n in args.designs.split(",") if n.strip()]
    unknown = [n for n in names if n not in DESIGNS]
    if unknown:
        parser.error(f"unknown design(s): {', '.join(unknown)}")
    scales = [int(s) for s in args.scale.split(",")]
    queries = load(args.queries)
    if args.limit:
        queries = first_of_each_language(queries, args.limit)
    print(f"# Search designs: {len(queries)} queries from {args.queries}", flush=True)

    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        site = args.site or build_site(ROOT, work / "site")
        rows: list[dict[str, object]] = []
        outcomes: dict[str, list[dict[str, object]]] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(**launch_options())
            for scale in scales:
                source = site if scale == 1 else synthetic(site, work / f"site-{scale}x", scale)
                texts = corpus(source)
                for name in names:
                    if scale != 1 and name not in SCALED:
                        continue
                    print(f"\n## {name}, {scale}x: building", flush=True)
                    origin = build_before(work) if name == "before" else source
                    folder = prepare(name, origin, texts, work / f"{scale}x", rebuild_sharded=scale != 1)
                    with serve(folder) as base:
                        typed = queries if scale == 1 else first_of_each_language(queries, args.scaled_limit)
                        run = run_design(browser, base, DESIGNS[name], typed, evaluate=scale == 1)
                        scores = Scores(run.outcomes)
                        rows.append(row(name, scale, scores, run))
                        print_table(rows[-1:])
                        if scale == 1:
                            print_details(name, scores, run, base)
                            outcomes[name] = [
                                {**o.query.__dict__, "rank": o.ranks, "ms": o.latency_ms, "first": o.hrefs[:3]}
                                for o in scores.outcomes
                            ]
            browser.close()
        print("\n## All designs")
        print_table(rows)
        if args.json:
            args.json.write_text(json.dumps({"rows": rows, "outcomes": outcomes}, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
