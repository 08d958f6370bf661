"""The query set (tests/search_queries.yml) and how a result list is scored against it.

Each query names the paragraph it must find: ``page`` (its path under the language root, ``index``
for the root) and ``id``. A result counts when its link is that page with that fragment.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

RECALL_AT = 5
MRR_CUTOFF = 10


@dataclass(frozen=True)
class Query:
    q: str
    lang: str  # zh | en
    page: str
    id: str
    kind: str = ""

    @property
    def expected(self) -> tuple[str, str]:
        return ("" if self.page == "index" else self.page.strip("/"), self.id)


def load(path: Path) -> list[Query]:
    """The queries of a YAML list of {q, lang, page, id, kind}."""
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [Query(str(i["q"]), str(i["lang"]), str(i["page"]), str(i["id"]), str(i.get("kind") or "")) for i in items]


def link_key(href: str, language_root: str) -> tuple[str, str]:
    """(page path under the language root, fragment) of an absolute result link."""
    parts = urlsplit(href)
    root = urlsplit(language_root).path
    path = parts.path if parts.path.startswith(root) else "/\0" + parts.path  # another language: no match
    return (path.removeprefix(root).removesuffix("index.html").strip("/"), parts.fragment)


def rank(query: Query, hrefs: list[str], language_root: str) -> int | None:
    """1-based position of the expected paragraph among the results, None if absent."""
    for position, href in enumerate(hrefs, start=1):
        if link_key(href, language_root) == query.expected:
            return position
    return None


@dataclass
class Outcome:
    query: Query
    ranks: int | None
    hrefs: list[str]
    latency_ms: float | None


@dataclass
class Scores:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return _mean(o.ranks is not None and o.ranks <= RECALL_AT for o in self.outcomes)

    @property
    def mrr(self) -> float:
        return _mean(1 / o.ranks if o.ranks is not None and o.ranks <= MRR_CUTOFF else 0 for o in self.outcomes)

    @property
    def median_latency(self) -> float | None:
        times = [o.latency_ms for o in self.outcomes if o.latency_ms is not None]
        return statistics.median(times) if times else None

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """{kind: (found in the first five, queries)}."""
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for outcome in self.outcomes:
            key = f"{outcome.query.lang}:{outcome.query.kind or '-'}"
            counts[key][1] += 1
            counts[key][0] += outcome.ranks is not None and outcome.ranks <= RECALL_AT
        return {kind: (found, total) for kind, (found, total) in sorted(counts.items())}

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ranks is None or o.ranks > RECALL_AT]


def _mean(values: Iterable[float | bool]) -> float:
    values = [float(v) for v in values]
    return sum(values) / len(values) if values else 0.0
