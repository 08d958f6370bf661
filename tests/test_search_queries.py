"""The query set that chooses the search engine (tests/search_queries.yml) and how results are scored.

The set is only worth its figures if every query names a paragraph that exists, in both
languages' sites; scoring must match a link to that page and id and nothing else.
"""

from __future__ import annotations

import re
from pathlib import Path

from search_designs.queries import Query, link_key, load, rank

ROOT = Path(__file__).resolve().parents[1]
QUERIES = load(ROOT / "tests" / "search_queries.yml")


def test_the_set_is_large_enough_and_bilingual():
    assert len(QUERIES) >= 100
    assert {q.lang for q in QUERIES} == {"zh", "en"}
    assert all(q.kind for q in QUERIES)


def test_every_query_names_an_id_that_stands_on_its_page():
    missing = []
    for query in QUERIES:
        source = ROOT / "docs" / f"{query.page}.{query.lang}.md"
        text = source.read_text(encoding="utf-8") if source.exists() else ""
        if not re.search(r"\{#" + re.escape(query.id) + r"[\s}]", text):
            missing.append(f"{query.q!r}: {query.page}#{query.id}")
    assert not missing, missing


def test_a_link_counts_only_for_its_page_and_id_in_its_language():
    query = Query("大数据", "en", "policing", "a2-1-1")
    root = "http://127.0.0.1:8000/en/"
    assert rank(query, [root + "policing/#a2-1-2", root + "policing/#a2-1-1"], root) == 2
    assert rank(query, ["http://127.0.0.1:8000/policing/#a2-1-1"], root) is None  # the Chinese page
    assert rank(query, [root + "policing/"], root) is None  # the page, not the paragraph
    assert link_key("http://127.0.0.1:8000/#intro", "http://127.0.0.1:8000/") == ("", "intro")
    assert Query("x", "zh", "index", "intro").expected == ("", "intro")
