"""What is shown is what is checked (edition/checks/visible_text.py): Trojan Source characters, digits and
Han characters that look like others, each refused with its line and column."""

from __future__ import annotations

import pytest

from building import ROOT
from edition.checks.visible_text import check_text, check_tree


def messages(text: str, rel: str = "docs/overview.zh.md") -> list[str]:
    return [str(p) for p in check_text(text, rel)]


def test_the_real_project_has_none():
    assert check_tree(ROOT) == []


def test_plain_text_passes():
    assert (
        messages(
            "全区共有849个派出所，28万多人，约3.3亿元。\nMore than 90% of 1,234 stations; 二〇一七年; Ström, café.\n"
        )
        == []
    )


# (text on line 2, what the message says)
REFUSED = {
    "a right-to-left override reorders a figure": (
        "共8\u202e49\u202c个派出所",
        "U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control",
    ),
    "a right-to-left isolate": ("849\u2067 stations\u2069", "U+2067 RIGHT-TO-LEFT ISOLATE, a bidirectional control"),
    "an Arabic letter mark": ("89.5\u061c%", "U+061C ARABIC LETTER MARK, a bidirectional control"),
    "a left-to-right mark": ("The\u200e figure", "U+200E LEFT-TO-RIGHT MARK, a bidirectional control"),
    "a zero-width space splits a term": ("放管\u200b服", "U+200B ZERO WIDTH SPACE, an invisible character"),
    "a zero-width joiner": ("ov\u200d-2", "U+200D ZERO WIDTH JOINER"),
    "a word joiner": ("849\u2060个", "U+2060 WORD JOINER"),
    "a soft hyphen": ("police\u00adstation", "U+00AD SOFT HYPHEN"),
    "a variation selector (GlassWorm)": ("A\ufe0e", "U+FE0E VARIATION SELECTOR-15"),
    "a tag character": ("x\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
    "a Hangul filler": ("a\u3164b", "U+3164 HANGUL FILLER"),
    "a byte-order mark inside": ("84\ufeff9", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
    "a line separator": ("one\u2028two", "U+2028 LINE SEPARATOR"),
    "a control character": ("bell\x07", "U+0007"),
    "a private-use character": ("seal \ue000", "U+E000"),
    "full-width digits in a figure": (
        "９0%以上",
        "the figure '９0' has U+FF19 FULLWIDTH DIGIT NINE, which looks like '9'",
    ),
    "a figure all in full-width digits": ("８４９个", "U+FF18 FULLWIDTH DIGIT EIGHT"),
    "Arabic-Indic digits": ("٨٤٩ stations", "U+0668 ARABIC-INDIC DIGIT EIGHT"),
    "Devanagari digit in a figure": ("8४9", "U+096A DEVANAGARI DIGIT FOUR"),
    "a mathematical bold digit": ("8𝟒9", "MATHEMATICAL BOLD DIGIT FOUR"),
    "a superscript digit in a figure": ("10²", "U+00B2 SUPERSCRIPT TWO"),
    "a letter O for a zero": ("1O0 stations", "U+004F LATIN CAPITAL LETTER O, which looks like '0'"),
    "a letter l for a one": ("l00 stations", "U+006C LATIN SMALL LETTER L, which looks like '1'"),
    "a Cyrillic O for a zero": ("1О0", "U+041E CYRILLIC CAPITAL LETTER O, which looks like '0'"),
    "an ideographic zero in a figure": ("2〇17年", "U+3007 IDEOGRAPHIC NUMBER ZERO, which looks like '0'"),
    "a Kangxi radical for a Han character": ("⼈民警察", "U+2F08 KANGXI RADICAL MAN, which looks like 人"),
    "a Cyrillic o in a place name": ("Hohh\u043et", "mixes Latin letters with U+043E CYRILLIC SMALL LETTER O"),
    "a Greek omicron opening a word": ("\u039fverview", "mixes Latin letters with U+039F GREEK CAPITAL LETTER OMICRON"),
    "a compatibility ideograph": ("警察\uf9a8", "U+F9A8 CJK COMPATIBILITY IDEOGRAPH-F9A8, which looks like 令"),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_each_character_a_reader_cannot_see_or_tell_apart_is_refused(case):
    text, phrase = REFUSED[case]
    found = messages(f"first line\n{text}\n")
    assert any(p.startswith("docs/overview.zh.md:2: column") and phrase in p for p in found), found


def test_figures_are_compared_raw_and_after_nfkc():
    [message] = messages("more than ９0%\n")
    assert "read raw it is '９0', after NFKC normalisation '90'" in message


def test_code_is_checked_for_invisible_characters_only():
    """In a script, '23l' is an identifier, not a figure; a bidi control is still refused."""
    assert messages("const x23l = 1;\n", "overrides/assets/javascripts/edition.js") == []
    assert messages("// ok \u202e;\n", "overrides/assets/javascripts/edition.js")


def test_every_file_that_reaches_a_page_is_read(tmp_path):
    for rel in (
        "mkdocs.yml",
        "docs/data/strings.en.yml",
        "docs/data/releases.json",
        "overrides/main.html",
        "source/text.zh.txt",
        "docs/assets/a.css",
    ):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("ok\nbad\u202e\n", encoding="utf-8")
    found = {p.path for p in check_tree(tmp_path)}
    assert found == {
        "mkdocs.yml",
        "docs/data/strings.en.yml",
        "docs/data/releases.json",
        "overrides/main.html",
        "source/text.zh.txt",
        "docs/assets/a.css",
    }
