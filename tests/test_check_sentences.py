"""No English paragraph loses a sentence: every single-sentence deletion in the English text is caught.

The deletions are made in-process on the real pages (no build per sentence): once on each paragraph's
text, and once in the Markdown source of the page wherever the sentence stands there word for word.
"""

from __future__ import annotations

import dataclasses

import pytest

from conftest import ROOT
from edition.checks.paragraph_ids import check_paragraph_ids
from edition.checks.sentences import (
    check_sentences,
    current_counts,
    english_sentences,
    load_record,
    paragraph_problem,
    record_text,
)
from helpers import edition_from, page
from project import EDITION

RECORD = load_record(ROOT / "docs")


def english_paragraphs():
    for chinese, english in EDITION.pairs():
        original = {block.id: block.text for block in chinese.blocks}
        for block in english.blocks:
            yield english, block, original[block.id]


def test_the_current_text_gives_no_false_alarm():
    assert check_sentences(EDITION) == []
    assert current_counts(EDITION) == RECORD, "docs/data/sentences.yml is out of step with the English text"
    # The file is exactly what scripts/record_sentences.py writes from the text.
    assert (ROOT / "docs" / "data" / "sentences.yml").read_text(encoding="utf-8") == record_text(RECORD)


def test_every_single_sentence_deletion_is_caught():
    tried, missed = 0, []
    for english, block, chinese in english_paragraphs():
        sentences = english_sentences(block.text)
        for index, sentence in enumerate(sentences):
            shortened = " ".join(sentences[:index] + sentences[index + 1 :])
            tried += 1
            if paragraph_problem(shortened, chinese, RECORD[english.name][block.id]) is None:
                missed.append(f"{english.rel} #{block.id}: {sentence[:60]}")
    assert tried >= 120  # every sentence of the English text (126 today)
    assert missed == []


def test_every_sentence_deleted_from_the_markdown_source_is_refused_naming_its_paragraph():
    tried, missed = 0, []
    for english, block, _ in english_paragraphs():
        for sentence in english_sentences(block.text):
            if sentence not in english.text:
                continue  # written with markup in the source (a footnote, emphasis): covered above
            text = (
                english.text.replace(" " + sentence, "", 1)
                if " " + sentence in english.text
                else english.text.replace(sentence, "", 1)
            )
            broken = dataclasses.replace(english, text=text)
            # The page pair alone: both checks compare a page with its twin, nothing else.
            files = [broken if f is english else f for f in EDITION.files if f.name == english.name]
            tried += 1
            edition = dataclasses.replace(EDITION, files=files)
            # A paragraph of one sentence deleted whole has lost its id too: the paragraph id check names it.
            problems = check_sentences(edition) + check_paragraph_ids(edition)
            if not any(p.path == english.rel and f"'#{block.id}'" in p.message for p in problems):
                missed.append(f"{english.rel} #{block.id}: {sentence[:60]}")
    assert tried >= 100  # most are written in the source as the reader reads them (111 of 126 today)
    assert missed == []


def test_an_added_sentence_is_refused_too():
    tried = 0
    for english, block, chinese in english_paragraphs():
        if block.text.endswith("."):
            added = block.text + " The reform was also praised by everyone."
            assert paragraph_problem(added, chinese, RECORD[english.name][block.id]), block.id
            tried += 1
    assert tried > 40


def test_an_unrecorded_paragraph_is_refused_with_the_line_to_add(tmp_path):
    edition = edition_from(
        tmp_path,
        {
            "a.zh.md": page("甲", "第一句。第二句。\n{#x-1}"),
            "a.en.md": page("A", "The first sentence is here. The second one is here too.\n{#x-1}"),
        },
    )
    [problem] = check_sentences(edition)
    assert problem.path == "docs/a.en.md" and problem.line == 7
    assert "add 'x-1: 2' under 'a:'" in problem.fix


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("One. Two.", 2),
        ("No. 1 Middle School opened. It is new.", 2),
        ("2. Policing mechanisms", 1),
        ("(3) A point, e.g. this one.", 1),
        ('He said "stop." Then he left.', 2),
        ("Growth was 89.5% in 2016.", 1),
    ],
)
def test_english_sentences(text, count):
    assert len(english_sentences(text)) == count
