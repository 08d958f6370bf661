"""Check: every figure of a Chinese paragraph stands, converted, in its English twin, and back.

Chinese figures are Arabic numerals with their multipliers and units (28万多 = more than 280,000;
3.3亿元 = 330 million yuan; 89.5%; 2016年5月 = May 2016). English figures are numerals with
thousands separators or "million"/"billion", percentages, and month names. Small numbers may be
spelled out in English ("six meetings"); ordinals ("19th") and the enumerators of headings
("(1)", "1.") are the translation's own and are not compared. Figures are read by model/figure_text.py.
"""

from __future__ import annotations

from edition.model.edition import Edition
from edition.model.figure_text import WrittenFigure, chinese_figures, english_figures, english_form, spelled_out
from edition.model.pages import PageFile
from edition.model.problems import Problem


def _differences(cn_text: str, en_text: str) -> tuple[list[WrittenFigure], list[WrittenFigure], list[WrittenFigure]]:
    """The Chinese figures, those the English lacks, and the English figures the Chinese lacks."""
    cn = chinese_figures(cn_text)
    en = english_figures(en_text)
    en_keys = {figure.key for figure in en} | spelled_out(en_text)
    cn_keys = {figure.key for figure in cn}
    return cn, [f for f in cn if f.key not in en_keys], [f for f in en if f.key not in cn_keys]


def _lacks(where: str, figure: WrittenFigure, chinese: str) -> str:
    return f"{where} lacks the figure {figure.written} of {chinese}."


def _fix_lacking(figure: WrittenFigure) -> str:
    return f"give it in the English as {english_form(figure.key)} (多/余 = 'more than'; 万 = ten thousand; 亿 = hundred million)."


def compare_figures(chinese: PageFile, english: PageFile) -> list[Problem]:
    problems: list[Problem] = []
    english_blocks = {block.id: block for block in english.blocks}
    for block in chinese.blocks:
        twin = english_blocks.get(block.id)
        if twin is None:
            continue  # reported by the paragraph id check
        cn, lacking, extra = _differences(block.text, twin.text)
        for figure in lacking:
            problems.append(
                Problem(
                    english.rel,
                    twin.line,
                    _lacks(f"paragraph '#{block.id}'", figure, f"{chinese.rel}:{block.line}"),
                    _fix_lacking(figure),
                )
            )
        for figure in extra:
            problems.append(
                Problem(
                    english.rel,
                    twin.line,
                    f"paragraph '#{block.id}' has the figure {figure.written}, which its Chinese twin {chinese.rel}:{block.line} does not have.",
                    f"check the figure against the Chinese ({', '.join(f.written for f in cn) or 'no figures'}) and correct it.",
                )
            )
    return problems


def compare_descriptions(chinese: PageFile, english: PageFile, context: frozenset[str] = frozenset()) -> list[Problem]:
    """The front-matter descriptions (search results, link previews) are checked like paragraphs.

    Every figure of the Chinese description must stand in the Chinese page's text; the English
    description must give the figures of the Chinese one, converted, and no figure that neither the
    Chinese description nor the English page's text has (``context``: figures the English may add
    anywhere, those of the English titles and of the home page's description: "1. Running the
    reform", "28 September 2017").
    """
    cn_text = str(chinese.front_matter.data.get("description") or "")
    en_text = str(english.front_matter.data.get("description") or "")
    cn_line = _key_line(chinese, "description")
    en_line = _key_line(english, "description")
    problems: list[Problem] = []
    in_text = {figure.key for figure in chinese_figures(chinese.html.text(" "))}
    in_english = {figure.key for figure in english_figures(english.html.text(" "))}
    cn, lacking, extra = _differences(cn_text, en_text)
    extra = [figure for figure in extra if figure.key not in in_english | context]
    for figure in cn:
        if figure.key not in in_text:
            problems.append(
                Problem(
                    chinese.rel,
                    cn_line,
                    f"the description has the figure {figure.written}, which the page's text does not have.",
                    "a description summarises the page: give only figures that stand in its text, as they stand there.",
                )
            )
    for figure in lacking:
        problems.append(
            Problem(
                english.rel,
                en_line,
                _lacks("the description", figure, f"{chinese.rel}:{cn_line}"),
                _fix_lacking(figure),
            )
        )
    for figure in extra:
        problems.append(
            Problem(
                english.rel,
                en_line,
                f"the description has the figure {figure.written}, which the Chinese description ({chinese.rel}:{cn_line}) does not have.",
                f"check it against the Chinese description ({', '.join(f.written for f in cn) or 'no figures'}) and correct it.",
            )
        )
    return problems


def _key_line(page: PageFile, key: str) -> int:
    lines = page.text.splitlines()[: page.front_matter.body_line]
    return next((n for n, line in enumerate(lines, 1) if line.startswith(f"{key}:")), 1)


def description_context(edition: Edition, lang: str) -> frozenset[str]:
    """Figures an English description may give beyond its Chinese twin's: titles, the home page's date."""
    pages = [page for page in edition.files if page.lang == lang]
    texts = [str(page.front_matter.data.get("title") or "") for page in pages]
    home = edition.page("index", lang)
    texts.append(str(home.front_matter.data.get("description") or "") if home else "")
    return frozenset(figure.key for text in texts for figure in english_figures(text))


def check_figures(edition: Edition) -> list[Problem]:
    problems = []
    contexts = {lang: description_context(edition, lang) for lang in edition.languages[1:]}
    for original, twin in edition.pairs():
        problems.extend(compare_figures(original, twin))
        problems.extend(compare_descriptions(original, twin, contexts.get(twin.lang or "", frozenset())))
    return problems


def check(edition: Edition) -> list[Problem]:
    """The registry's entry point (scripts/edition/checks/registry.py)."""
    return check_figures(edition)
