"""On a page of the text, a block without a paragraph id is refused, naming its line."""

from __future__ import annotations

import pytest

from edition.checks.block_ids import check_block_ids
from helpers import edition_from, page
from project import EDITION

TEXT = "# 1. Area {#a1}\n\nA paragraph of the text.\n{#a1-1}\n\nAnother one.[^n]\n{#a1-2}\n\n[^n]: A translator's note."


def test_the_edition_passes():
    assert check_block_ids(EDITION) == []


def test_a_text_page_with_every_id_passes(tmp_path):
    assert check_block_ids(edition_from(tmp_path, {"a.en.md": page("A", TEXT)})) == []


@pytest.mark.parametrize(
    ("addition", "element"),
    [
        ("A made-up paragraph that no check reads.", "p"),
        ("## A made-up heading", "h2"),
        ("- a made-up list", "ul"),
        ("> a made-up quotation", "blockquote"),
        ('<div markdown="1">Made-up words in a block of HTML.</div>', "div"),
    ],
)
def test_a_block_without_an_id_is_refused_naming_its_line(tmp_path, addition, element):
    body = TEXT.replace("Another one.", f"{addition}\n\nAnother one.")
    [problem] = check_block_ids(edition_from(tmp_path, {"a.zh.md": page("甲", body)}))
    assert problem.path == "docs/a.zh.md"
    assert problem.line == 11
    assert f"<{element}> has no paragraph id" in problem.message


def test_an_editorial_page_needs_no_ids(tmp_path):
    assert check_block_ids(edition_from(tmp_path, {"about.en.md": page("About", "# About\n\nWords.\n\n- more")})) == []
