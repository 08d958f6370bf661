"""Qualifiers across the two languages (edition/checks/qualifiers.py): a figure keeps its 'more than',
'about', 'nearly', 'at least' or 'less than' in both languages, whatever else changed with it."""

from __future__ import annotations

import pytest

from building import ROOT
from edition.checks.qualifiers import check, chinese_qualified, compare, english_qualified
from edition.from_mkdocs import load_project


def test_the_real_edition_agrees():
    _, edition = load_project(ROOT)
    assert check(edition) == []


@pytest.mark.parametrize(
    ("chinese", "kind"),
    [
        ("90%以上", "more than"), ("28万多人", "more than"), ("4.5万余人", "more than"), ("超过90%", "more than"),
        ("1000人以上", "more than"), ("约3.3亿元", "about"), ("500人左右", "about"), ("近500个", "nearly"),
        ("将近500个", "nearly"), ("至少3次", "at least"), ("不足10%", "less than"), ("共849个", "exact"),
    ],
)  # fmt: skip
def test_chinese_qualifiers_are_read(chinese, kind):
    [figure] = chinese_qualified(chinese)
    assert figure.kind == kind


@pytest.mark.parametrize(
    ("english", "kind"),
    [
        ("more than 90%", "more than"), ("over 280,000 people", "more than"), ("90% or more", "more than"),
        ("about 330 million yuan", "about"), ("around 500", "about"), ("nearly 500 offices", "nearly"),
        ("almost 500", "nearly"), ("at least 3 times", "at least"), ("less than 10%", "less than"),
        ("849 offices", "exact"), ("200 systems and more than 90 billion records", "exact"),
    ],
)  # fmt: skip
def test_english_qualifiers_are_read(english, kind):
    assert english_qualified(english)[0].kind == kind


# (Chinese, English): same values, a qualifier lost, added or changed.
DIFFER = {
    "'more than' dropped": ("全区90%以上的派出所", "90% of police stations"),
    "多 dropped": ("28万多人", "280,000 people"),
    "about turned into more than": ("约3.3亿元", "more than 330 million yuan"),
    "nearly turned into about": ("近500个", "about 500"),
    "a qualifier added": ("共849个", "nearly 849"),
    "at least dropped": ("至少3次", "3 times"),
    "less than turned into more": ("不足10%", "over 10%"),
    "a qualifier moved to another figure": ("90%以上，共849个", "90%, more than 849"),
}


@pytest.mark.parametrize("case", DIFFER, ids=list(DIFFER))
def test_a_qualifier_that_differs_is_refused(case):
    chinese, english = DIFFER[case]
    assert list(compare(chinese, english)), case


def test_the_same_qualifier_in_other_words_passes():
    assert list(compare("90%以上", "over 90%")) == []
    assert list(compare("28万多人", "more than 280,000 people")) == []
    assert list(compare("约3.3亿元", "approximately 330 million yuan")) == []
