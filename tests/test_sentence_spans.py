"""The sentence spans: each aligned group wrapped once, footnote markers with their sentence, addresses and twins."""

from __future__ import annotations

from edition.model.aligned_text import by_page
from edition.model.dom import Content
from edition.model.pages import reader_text
from edition.outputs.sentence_spans import wrap_page, wrap_parallel
from helpers import edition_from, page

ZH = "第一句有三百个字。第二句在这里。第三句也在这里。\n{#x-1}"
EN = "The first sentence has three hundred characters.[^n] The second *one is here. And* the third.\n{#x-1}\n\n[^n]: A note."
EN_2_1 = "The first sentence has three hundred characters.[^n] The second one is here and the third.\n{#x-1}\n\n[^n]: A note."


def aligned(tmp_path, shape: str = "1-1 2-1", en: str = EN):
    files = {"a.zh.md": page("甲", ZH), "a.en.md": page("A", en), "data/alignment.yml": f"a:\n  x-1: {shape}\n"}
    edition = edition_from(tmp_path, files)
    return edition, by_page(edition)["a"]


def test_groups_are_wrapped_with_their_addresses_and_the_note_marker_stays_with_its_sentence(tmp_path):
    edition, found = aligned(
        tmp_path,
        "1-1 2-1",
        "The first sentence has three hundred characters.[^n] The second one is here and the third.\n{#x-1}\n\n[^n]: A note.",
    )
    content = Content(edition.page("a", "en").rendered)
    assert wrap_page(content, found, "en", "zh")
    spans = content.body.css("#x-1 > .edition-s")
    assert [span.attributes["id"] for span in spans] == ["x-1.1", "x-1.2"]
    assert spans[0].css_first("sup") is not None  # the marker after "characters." is the first sentence's
    assert reader_text(spans[1]) == "The second one is here and the third."
    # The 2-1 group answers to its second Chinese sentence's address too.
    assert [a.attributes["id"] for a in spans[1].css(".edition-s__alias")] == ["x-1.3"]
    # The paragraph reads as before: the spans add no text.
    assert reader_text(content.body.css_first("#x-1")) == edition.page("a", "en").blocks[0].text


def test_a_boundary_inside_markup_moves_to_its_start_and_nothing_is_lost(tmp_path):
    edition, found = aligned(tmp_path, "1-1 1-1 1-1", EN)  # "*one is here. And*" holds a boundary
    content = Content(edition.page("a", "en").rendered)
    assert wrap_page(content, found, "en", "zh")
    spans = content.body.css("#x-1 > .edition-s")
    # The emphasis goes whole to the third group (with the end of the second sentence: no element is split).
    assert len(spans) == 3 and spans[1].css_first("em") is None and spans[2].css_first("em") is not None
    assert reader_text(content.body.css_first("#x-1")) == edition.page("a", "en").blocks[0].text


def test_a_paragraph_that_does_not_fit_its_shape_is_left_as_it_is(tmp_path):
    edition, found = aligned(tmp_path, "1-1 1-1")  # three Chinese sentences, two groups
    content = Content(edition.page("a", "zh").rendered)
    before = content.html()
    assert not wrap_page(content, found, "zh", "zh")
    assert content.html() == before


def test_side_by_side_each_sentence_names_its_twin(tmp_path):
    edition, found = aligned(tmp_path, "1-1 2-1", EN_2_1)
    cells = "".join(
        f'<div class="edition-parallel__cell" lang="{lang}">{edition.page("a", lang).by_id["x-1"].html}</div>'
        for lang in ("zh", "en")
    )
    content = Content(f'<div class="edition-parallel__row" id="x-1">{cells}</div>')
    assert wrap_parallel(content, found, "en", "zh")
    chinese = content.body.css('[lang="zh"] .edition-s')
    english = content.body.css('[lang="en"] .edition-s')
    assert [s.attributes["id"] for s in chinese] == ["zh-x-1.1", "zh-x-1.2"]
    assert [s.attributes["id"] for s in english] == ["x-1.1", "x-1.2"]  # the reader's language has the addresses
    # Each names its twin first, then the page's hint of what Enter does.
    assert [s.attributes["aria-describedby"] for s in english] == ["zh-x-1.1 edition-s-hint", "zh-x-1.2 edition-s-hint"]
    assert [s.attributes["aria-describedby"] for s in chinese] == ["x-1.1 edition-s-hint", "x-1.2 edition-s-hint"]
    assert reader_text(chinese[1]) == "第二句在这里。第三句也在这里。"
