"""Generated HTML kept out of Markdown (render.Context.raw, put_raw): each block lands where its
placeholder stood, and a marker written by hand brings in nothing."""

from __future__ import annotations

import markdown

from edition.outputs.generated import Context, put_raw


def test_a_generated_block_passes_markdown_as_a_marker_and_lands_in_place():
    ctx = Context(edition=None, data=None, lang="en", src_uri="p.en.md", page_url="p/")  # type: ignore[arg-type]
    table = '<div class="edition-table"><table><tr><td>*not emphasis*</td></tr></table></div>'
    source = f"# Title\n\nBefore.\n\n{ctx.raw(table)}\n\nAfter *this*.\n"
    html = put_raw(markdown.markdown(source), ctx.raw_blocks)
    assert table in html  # as generated: Markdown never read it
    assert html.index("Before.") < html.index(table) < html.index("<em>this</em>")


def test_a_marker_of_no_block_is_left_as_a_comment():
    assert put_raw("<!-- edition-raw 0 -->", []) == "<!-- edition-raw 0 -->"
    assert put_raw("<!-- edition-raw 3 --><!-- edition-raw 0 -->", ["<p>x</p>"]) == "<!-- edition-raw 3 --><p>x</p>"
