"""Check: docs/data/figures.yml gives every figure of the source, and each stands in both languages.

What counts as a figure (the rule the data follows, also stated in figures.yml): every quantity
that the Chinese text writes in Arabic numerals, in the paragraphs of the text pages: counts,
amounts, rates and percentage points. Two kinds of numerals are not figures and are listed under
``not_figures`` with their reason: dates (2016年5月, the date of the press conference) and numerals
that are part of a name (“草原110”, “1+N”, “7+2”, “3个100%”).

The check, data-driven where the numbers check (edition/checks/numbers.py) compares the two languages'
digits paragraph by paragraph; both read figures with model/figure_text.py. The charts drawn from
the data (outputs/charts.py) are checked here too (check_charts). What it holds to:

- each figure's Chinese phrase stands in its Chinese paragraph and its English in the English twin
  (edition/checks/quotes.py); a reworded or changed figure fails the build naming the page;
- the figure's ``value`` is the figure its phrases give (28万多 and "more than 280,000" -> 280000);
- 多/余 in the Chinese needs ``qualifier: more than``;
- every Arabic numeral of a Chinese paragraph is accounted for, as a figure or a not-figure, so a
  figure cannot go missing from the data.
"""

from __future__ import annotations

from collections import Counter

from edition.checks.quotes import check_cited
from edition.model.data import FIGURES_FILE, Data, Figure, NotFigure, data_file
from edition.model.edition import Edition
from edition.model.figure_text import (
    APPROXIMATE,
    chinese_figures,
    english_figures,
    english_form,
    key_of,
    plain_number,
    spelled_out,
    written_zh,
)
from edition.model.problems import Problem
from edition.model.roles import LOCALES


def _value_problems(figure: Figure, data_rel: str) -> list[Problem]:
    problems = []
    key = key_of(figure)
    zh_keys = {f.key for f in chinese_figures(figure.zh)}
    en_keys = {f.key for f in english_figures(figure.en)} | spelled_out(figure.en)
    if key not in zh_keys:
        found = ", ".join(f.written for f in chinese_figures(figure.zh)) or "no figure"
        problems.append(
            Problem(
                data_rel,
                figure.line,
                f"figure '{figure.id}' has value {plain_number(figure.value)}{'%' if key.endswith('%') else ''}, but its Chinese «{figure.zh}» gives {found}.",
                "correct 'value' (the number in full: 28万 -> 280000; percentages with unit {zh: '%', en: '%'}), or the phrase.",
            )
        )
    elif key not in en_keys:
        problems.append(
            Problem(
                data_rel,
                figure.line,
                f"figure '{figure.id}' has value {plain_number(figure.value)}, but its English «{figure.en}» does not give {english_form(key)}.",
                "quote the English words that give the figure.",
            )
        )
    written = written_zh(figure) or ""
    if any(mark in written for mark in APPROXIMATE) and figure.qualifier != "more than":
        problems.append(
            Problem(
                data_rel,
                figure.line,
                f"figure '{figure.id}' is written {written} in the Chinese (多/余: more than), but has no 'qualifier: more than'.",
                "add 'qualifier: more than'.",
            )
        )
    return problems


def _accounting_problems(
    edition: Edition, figures: list[Figure], not_figures: list[NotFigure], data_rel: str
) -> list[Problem]:
    """Every Arabic numeral of a Chinese paragraph is a listed figure or a listed not-figure."""
    listed: dict[str, Counter[str]] = {}
    for figure in figures:
        in_phrase = [f.key for f in chinese_figures(figure.zh)]
        # A figure whose value is wrong is reported once, by the value check: it still accounts for its phrase.
        for key in [key_of(figure)] if key_of(figure) in in_phrase else in_phrase[:1]:
            listed.setdefault(figure.paragraph, Counter())[key] += 1
    for entry in not_figures:
        for found in chinese_figures(entry.zh):
            listed.setdefault(entry.paragraph, Counter())[found.key] += 1
    problems = []
    covered = set(edition.areas.values())  # the pages whose figures the data lists (the documents' areas)
    for page, block in edition.blocks_in(edition.default_language):
        if page.name not in covered:
            continue  # another document or an editorial page: its numbers are still compared by language (numbers.py)
        found = chinese_figures(block.text)
        present = Counter(f.key for f in found)
        missing = present - listed.get(block.id, Counter())
        for key in missing.elements():
            written = next(f.written for f in found if f.key == key)
            problems.append(
                Problem(
                    page.rel,
                    block.line,
                    f"paragraph '#{block.id}' has the figure {written}, which {data_rel} neither lists under 'figures' nor explains under 'not_figures'.",
                    f"add it to 'figures' in {data_rel} with its Chinese and English phrases, or, if it is a date or part of a name, to 'not_figures'.",
                )
            )
        for key in (listed.get(block.id, Counter()) - present).elements():
            entry = next((f for f in figures if f.paragraph == block.id and key_of(f) == key), None)
            problems.append(
                Problem(
                    data_rel,
                    entry.line if entry else 1,
                    f"{data_rel} lists the figure {key} for paragraph '#{block.id}' more often than {page.rel}:{block.line} gives it.",
                    "list each figure of a paragraph once.",
                )
            )
    return problems


def check_figure_data(edition: Edition, data: Data, data_rel: str) -> list[Problem]:
    if unusable := data.unusable(FIGURES_FILE):
        return unusable
    problems = list(data.problems.get(FIGURES_FILE, []))
    problems += check_cited(edition, [*data.figures, *data.not_figures], data_rel)
    for figure in data.figures:
        problems += _value_problems(figure, data_rel)
    problems += _accounting_problems(edition, data.figures, data.not_figures, data_rel)
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py): the figures' data, and the charts made from it."""

    rel = data_file(edition.root, edition.docs_dir, FIGURES_FILE)
    return check_figure_data(edition, edition.data, rel) + check_charts(edition.data, rel)


def check_charts(data: Data, data_rel: str) -> list[Problem]:
    """Every charted figure's label fits on its chart's label line, in both languages."""
    problems = []
    for chart in data.charts:
        for figure in (f for f in map(data.figure, chart.figures) if f is not None):
            for lang, limit in ((code, locale.label_limit) for code, locale in LOCALES.items()):
                if len(figure.label[lang]) > limit:
                    problems.append(
                        Problem(
                            data_rel,
                            figure.line,
                            f"the {lang} label «{figure.label[lang]}» of figure '{figure.id}' is too long for chart '{chart.id}' ({len(figure.label[lang])} characters; at most {limit} fit).",
                            "shorten the label.",
                        )
                    )
    return problems
