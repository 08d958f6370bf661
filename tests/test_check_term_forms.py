"""One name per thing: a wording of a glossary term that the glossary does not list is refused wherever
a reader of the translation sees it (pages and their notes, the data's English, strings, navigation)."""

from __future__ import annotations

from building import refused, replace_in
from edition.checks.term_forms import Line, VariantFinder, check, check_lines, key
from edition.model.data import read_glossary
from helpers import edition_from, page
from test_check_glossary import GLOSSARY as BASE

GLOSSARY = (
    BASE  # the glossary check's own (the regional department, the Autonomous Region, leagues and cities …)
    + """\
  - id: exit-and-entry
    zh: 出入境
    en: exit and entry
    kind: term
    note: {zh: 出入境管理。, en: Exit and entry administration.}
  - id: traffic-management
    zh: 交管
    en: traffic management
    kind: term
    note: {zh: 交通管理。, en: Traffic management.}
  - id: sense-of-gain
    zh: 获得感
    en: sense of gain
    avoid: [sense of benefiting]
    kind: slogan
    note: {zh: 政策用语。, en: A policy term.}
"""
)
DATA_REL = "docs/data/glossary.yml"
TERMS = read_glossary(GLOSSARY, DATA_REL)[0]


def problems_in(*texts: str):
    return check_lines([Line("docs/p.en.md", n, text) for n, text in enumerate(texts, 1)], TERMS, DATA_REL)


def test_listed_forms_pass_in_any_case_the_kind_allows():
    assert (
        problems_in(
            "Leagues and cities of the Autonomous Region; the exit and entry and traffic management services.",
            "The Exit and Entry Administration and the Traffic Management Bureau; league and city bureaus.",
            "Exit and entry: a heading's first word is capitalised.",
        )
        == []
    )


def test_a_variant_the_glossary_does_not_list_is_refused_naming_the_file_and_line():
    [problem] = problems_in("A first line.", "The heads of the Exit-Entry Administration took part.")
    assert (problem.path, problem.line) == ("docs/p.en.md", 2)
    assert "'Exit-Entry' is a variant of 出入境 that the glossary does not list" in problem.message
    line = GLOSSARY.splitlines().index("  - id: exit-and-entry") + 1
    assert f"'exit and entry' ({DATA_REL}:{line})" in problem.message
    assert "write 'exit and entry'" in problem.fix and "'also' list" in problem.fix


def test_the_small_words_and_hyphens_between_words_make_variants_too():
    found = [wording for wording, _ in VariantFinder(TERMS).variants("exit-and-entry, exit entry, traffic-management")]
    assert found == ["exit-and-entry", "exit entry", "traffic-management"]
    assert key("Exit-Entry") == key("exit and entry") == "exit entry"


def test_a_units_name_keeps_its_capitals():
    [problem] = problems_in("Platforms at the three levels of autonomous region, leagues and cities.")
    assert "'autonomous region' is a variant of 自治区" in problem.message
    assert "keep their capitals" in problem.message
    [problem] = problems_in("Pilots in Leagues And Cities.")
    assert "'Leagues And Cities'" in problem.message


def test_an_avoided_wording_is_left_to_the_glossary_check():
    assert problems_in("The people's sense of benefiting has grown.") == []


def test_a_longer_term_is_found_before_a_shorter_one_inside_it():
    # An institution's name may be cased either way; the unit inside it is not a use of its own.
    assert problems_in("The autonomous region public security department held it.") == []


def test_notes_data_labels_and_strings_are_read_with_their_lines(tmp_path):
    zh = page("甲", "自治区。\n{#p-1}\n\n[^n]: 注。")
    en = page("A", "The Autonomous Region.\n{#p-1}\n\n[^n]: A note on the autonomous region.")
    data = tmp_path / "docs" / "data"
    data.mkdir(parents=True)
    (data / "glossary.yml").write_text(GLOSSARY, encoding="utf-8")
    (data / "measures.yml").write_text(
        "measures:\n  - {id: m, area: a1, paragraph: p-1, zh: 自治区, en: the Autonomous Region}\n"
        "  - {id: n, area: a1, paragraph: p-1, zh: 自治区, en: platforms of the autonomous region}\n",
        encoding="utf-8",
    )
    (data / "strings.en.yml").write_text("site:\n  label: Exit-Entry services\n", encoding="utf-8")
    edition = edition_from(tmp_path, {"p.zh.md": zh, "p.en.md": en}, ["p.md"])
    found = sorted((p.path, p.line, p.message.split(" is ")[0]) for p in check(edition))
    assert found == [
        ("docs/data/measures.yml", 3, "'autonomous region'"),
        ("docs/data/strings.en.yml", 2, "'Exit-Entry'"),
        ("docs/p.en.md", 9, "'autonomous region'"),
    ]


def test_a_variant_fails_the_build_naming_the_place(tiny_project):
    """End to end: the check runs inside `mkdocs build` (the tiny project, a hyphenated variant in a note)."""
    overview = tiny_project / "docs" / "overview.en.md"
    replace_in(overview, "[^fgf]: ", "[^fgf]: Work of the auxiliary-police aside, ")
    output = refused(tiny_project)
    line = next(n for n, text in enumerate(overview.read_text(encoding="utf-8").splitlines(), 1) if "[^fgf]: " in text)
    assert f"[term-forms] docs/overview.en.md:{line}: 'auxiliary-police' is a variant of 警辅人员" in output
