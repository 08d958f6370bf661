"""Search never shows an error: hundreds of generated queries, and every prefix of each, in Chromium.

A reader types anything: words of the site in either language, figures, punctuation, both scripts
mixed, nothing at all, a pasted page, words that stand nowhere, a word with a slip. Hypothesis
generates such queries from the built site's own text (its search index's page texts); each query
and every prefix of it (what the box holds as it is typed) goes through the engine
(``Engine.search`` in edition-search.js), which must resolve to results or to nothing found, never
reject; the results must put every exact passage before every other; the full queries also go
through the search box's own run, whose status must be a count or "nothing found", never the
error message. The engine's other paths (joined words, one slip, partial matches naming the
missing words) are reached by the named tests below.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from browsing.search_driver import LINKS, open_search, search, status_of

pytestmark = pytest.mark.browser

LANGS = {"zh": "", "en": "en/"}
STRINGS = {
    lang: yaml.safe_load((Path(__file__).parents[1] / "docs" / "data" / f"strings.{lang}.yml").read_text("utf-8"))
    for lang in LANGS
}
PUNCTUATION = " \t\n,.;:!?-–—'\"“”‘’()[]{}<>/\\|*+^$%&#@~`=_，。、；：！？（）《》「」〔〕…·％"
ODD = "ＡＢｃ１２３ 𝔸 é ß İ ﬁ \u200b \u00a0 🙂 ㄅ あ 한 ا"
QUERIES_PER_EXAMPLE = 20
# 600 queries a language, with their prefixes over 5,000 searches (1,200 took a tenth of the whole
# suite's time, half of it Hypothesis drawing the queries, for the same paths of the engine).
EXAMPLES = 30
AT_LEAST = 500  # queries a language (Hypothesis may stop a little short of EXAMPLES)


def site_words(site: Path, lang: str) -> tuple[list[str], list[str]]:
    """The Latin words and the Chinese runs (up to 8 characters) of a language's search texts."""
    words: set[str] = set()
    runs: set[str] = set()
    for page in sorted((site / LANGS[lang] / "search" / "pages").glob("*.json")):
        for doc in json.loads(page.read_text("utf-8")):
            text = f"{doc[2]} {doc[3]}"
            words.update(re.findall(r"[A-Za-z][A-Za-z'-]*", text))
            for run in re.findall(r"[\u4e00-\u9fff]+", text):
                runs.update(run[i : i + 8] for i in range(0, len(run), 5))
    return sorted(words), sorted(runs)


def pieces(words: list[str], runs: list[str]) -> st.SearchStrategy[str]:
    """One piece of a query: a word or a Chinese run of the site (whole, cut, or with a slip), a
    figure, punctuation, a word that stands nowhere, odd characters or any text at all."""
    word = st.sampled_from(words) if words else st.just("police")
    run = st.sampled_from(runs) if runs else st.just("公安")

    def slip(text: str, at: int, char: str) -> str:
        at %= len(text) + 1
        return text[:at] + char + text[at + 1 :]

    return st.one_of(
        word,
        word.map(str.upper),
        st.builds(slip, word, st.integers(0, 20), st.sampled_from(["", "x", "e", "ll"])),
        run,
        st.builds(lambda text, start, end: text[start:end] or text, run, st.integers(0, 4), st.integers(1, 8)),
        st.builds(slip, run, st.integers(0, 8), st.sampled_from(["", "的", "理", "里"])),
        st.integers(-10, 10**7).map(str),
        st.builds(
            lambda n, unit: f"{n}{unit}",
            st.integers(0, 99999),
            st.sampled_from(["%", "％", "个", "万", "亿", ",000", ".5"]),
        ),
        st.text(PUNCTUATION, min_size=1, max_size=4),
        st.from_regex(r"[a-z]{5,12}", fullmatch=True),
        st.text(ODD, min_size=1, max_size=3),
        st.text(max_size=6),
    )


def queries(words: list[str], runs: list[str]) -> st.SearchStrategy[str]:
    """A query: 0 to 6 pieces joined by spaces, nothing, punctuation or hyphens; now and then very long."""
    joined = st.builds(
        lambda parts, gaps: "".join(part + gaps[i % len(gaps)] for i, part in enumerate(parts)),
        st.lists(pieces(words, runs), max_size=6),
        st.lists(st.sampled_from([" ", "", "-", "，", "  "]), min_size=1, max_size=3),
    )
    long = st.lists(
        st.one_of(st.sampled_from(words or ["police"]), st.sampled_from(runs or ["公安"])), min_size=30, max_size=50
    ).map(" ".join)
    return st.one_of(joined, joined, joined, joined, joined, joined, joined, joined, joined, long)


# Each query and each of its prefixes through the engine; what failed comes back (nothing if all held).
ENGINE_RUN = """async (queries) => {
  const engine = window.editionSearch.instance.engine;
  const failures = [];
  for (const query of queries) {
    const chars = Array.from(query);
    const prefixes = chars.length > 60 ? [query] : chars.map((c, i) => chars.slice(0, i + 1).join(''));
    for (const typed of prefixes.length ? prefixes : ['']) {
      try {
        const found = await engine.search(typed);
        if (found === null) {
          if (engine.tokens(typed).length) failures.push([typed, 'null for a query with tokens']);
          continue;
        }
        if (!Array.isArray(found.groups) || !Array.isArray(found.hits)) failures.push([typed, 'no groups']);
        const exact = found.hits.map(hit => hit.exact);
        if (exact.some((e, i) => i > 0 && e && !exact[i - 1])) failures.push([typed, 'an exact passage after another']);
      } catch (error) {
        failures.push([typed, String(error && error.stack || error)]);
      }
    }
  }
  return failures;
}"""

# The full queries through the search box's own run: what the box held, the status and the links it
# left (a page whose title or description is the only hit is listed by its name alone).
BOX_RUN = """async (queries) => {
  const search = window.editionSearch.instance;
  const shown = [];
  for (const query of queries) {
    search.input.value = query;
    await search.run();
    const typed = search.input.value; // the box drops line breaks from what it is given
    shown.push([typed, search.said, // the status, as it is set once typing pauses
                search.results.dataset.query,
                search.results.querySelectorAll('.edition-search__link, .edition-search__page-link').length, !typed.trim()]);
  }
  return shown;
}"""


def ready(page) -> None:
    if not page.is_visible("dialog.edition-search input[type=search]"):
        open_search(page)
    page.wait_for_function(
        "() => window.editionSearch && window.editionSearch.instance && window.editionSearch.instance.engine"
    )


@pytest.mark.heavy
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_query_nor_prefix_of_one_makes_search_fail(page_at, site_url, built_site, lang):
    page = page_at(site_url + LANGS[lang])
    errors: list[str] = []

    def record(error: object) -> None:
        errors.append(str(error))

    page.on("pageerror", record)
    ready(page)
    words, runs = site_words(built_site.site, lang)
    assert len(words) > 100 and (len(runs) > 100 or lang == "en")
    s = STRINGS[lang]["page"]
    none = s["search_none"].split("{q}")[0]
    seen = {"queries": 0, "prefixes": 0}

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(st.lists(queries(words, runs), min_size=QUERIES_PER_EXAMPLE, max_size=QUERIES_PER_EXAMPLE))
    def holds(batch: list[str]) -> None:
        seen["queries"] += len(batch)
        assert page.evaluate(ENGINE_RUN, batch) == []
        for query, status, answers, links, empty in page.evaluate(BOX_RUN, batch):
            assert status != s["search_error"], query
            assert answers == query
            if not empty:
                assert (links > 0) != status.startswith(none), (query, status, links)

    try:
        holds()
    finally:
        page.remove_listener("pageerror", record)
    assert errors == []
    assert seen["queries"] >= AT_LEAST


def test_the_query_that_broke_search_shows_results_not_an_error(page_at, site_url):
    """The issue's case: a word that matches nothing whole in a two-word query (it read hit.weights,
    which scored hits did not carry)."""
    page = page_at(site_url + "en/")
    results = search(page, "ID card")
    status = status_of(page)
    assert status != STRINGS["en"]["page"]["search_error"]
    assert results or status.startswith("Nothing found")


def test_a_partial_match_names_the_words_it_lacks(page_at, site_url):
    page = page_at(site_url + "en/")
    results = search(page, "Tongliao zeppelin")
    assert results
    assert status_of(page).startswith("No passage has every word")
    missing = page.eval_on_selector_all(f"{LINKS} .edition-search__missing", "ms => ms.map(m => m.textContent)")
    assert missing and all(text == "Missing: zeppelin" for text in missing)


@pytest.mark.parametrize(
    ("lang", "query", "reading"),
    [
        ("en", "Tongliao polcie", "Tongliao police"),  # a letter swapped
        ("en", "auxilliary", "auxiliary"),  # one added
        ("zh", "心里危机", "心理危机"),  # a Chinese character replaced
        ("zh", "执法记仪", "执法记录仪"),  # one missing
        ("zh", "执法记录录仪", "执法记录仪"),  # one added
    ],
)
def test_one_slip_is_forgiven_and_said(page_at, site_url, lang, query, reading):
    page = page_at(site_url + LANGS[lang])
    results = search(page, query)
    status = status_of(page)
    instead = STRINGS[lang]["page"]["search_instead"].format(q=reading)
    assert status.startswith(instead), status
    shown = " ".join(result.snippet for result in results).lower()
    assert results and all(word in shown for word in reading.lower().split())


def test_a_word_near_none_of_the_index_is_not_corrected(page_at, site_url):
    page = page_at(site_url + "en/")
    search(page, "zqxjvwk")
    assert status_of(page) == STRINGS["en"]["page"]["search_none"].format(q="zqxjvwk")


@pytest.mark.parametrize(
    ("lang", "query", "paragraph"),
    [
        ("en", "standardized", "a4-1-1"),  # American spelling of the text's standardised
        ("en", "front line", "a4-2-2"),  # front-line, spaced
        ("en", "Naiman Qi", "a5-1-2"),  # pinyin of 奈曼旗 (Naiman Banner), in syllables
        ("en", "naimanqi", "a5-1-2"),  # joined
        ("zh", "Tongliao", "a5-5-2"),  # the English rendering on the Chinese site
        ("en", "奈曼旗", "a5-1-2"),  # the Chinese on the English site
    ],
)
def test_other_forms_of_a_word_find_its_paragraph_marked_as_no_slip(page_at, site_url, lang, query, paragraph):
    """Spellings, hyphens and a term's other names are the same word, not slips: no "showing results
    for". Every entry the engine found is read (not the five pages shown: a new page may push one out)."""
    page = page_at(site_url + LANGS[lang])
    ready(page)
    found = page.evaluate(
        """async (query) => {
          const engine = window.editionSearch.instance.engine;
          const found = await engine.search(query);
          return {instead: found.instead, partial: found.partial,
                  anchors: found.entries.map(entry => engine.meta.entries[entry][1])};
        }""",
        query,
    )
    assert paragraph in found["anchors"]
    assert found["instead"] is None and not found["partial"]


def test_more_on_a_page_builds_the_hits_it_announced_and_moves_to_the_first(page_at, site_url):
    """A page's hits past the first three are built only when asked for (a list can run to hundreds)."""
    page = page_at(site_url + "en/")
    search(page, "police")
    at = page.eval_on_selector_all(
        "dialog.edition-search .edition-search__page",
        "items => items.findIndex(i => i.querySelector('.edition-search__more'))",
    )
    assert at >= 0
    item = page.locator("dialog.edition-search .edition-search__page").nth(at)
    button = item.locator(".edition-search__more")
    announced = int("".join(filter(str.isdigit, button.text_content())))
    assert item.locator(".edition-search__link").count() == 3
    button.click()
    assert item.locator(".edition-search__link").count() == 3 + announced
    assert page.evaluate("() => document.activeElement.closest('.edition-search__hit') !== null")
    assert item.locator(".edition-search__more").count() == 0
