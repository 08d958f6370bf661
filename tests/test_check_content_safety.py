"""The content-safety check refuses script, embedded code and resources from other hosts, naming file and line."""

from __future__ import annotations

import pytest

from edition.checks.content_safety import (
    check_config,
    check_content_safety,
    check_published_file,
    is_off_site,
    nav_labels,
)
from helpers import edition_from, page

SAFE = """
# Safe page

A [link to the original](http://www.nmg.gov.cn/fabu/xwfbh/201709/t20170928_640755.html), an
[internal link](other.md#a1), <https://example.org/> and ![a local image](images/map.png).

<p style="color: red; background: url(images/bg.png)">styled locally</p>

`<script>alert(1)</script>` in code is text, and so is an indented code block:

    <script src="https://cdn.example.com/x.js"></script>
"""


def problems_for(tmp_path, body: str, title: str = "T"):
    edition = edition_from(tmp_path, {"p.en.md": page(title, body)})
    return check_content_safety(edition)


def test_a_safe_page_passes(tmp_path):
    assert problems_for(tmp_path, SAFE) == []


# Each bad input, as a pull request could write it, with the line it sits on (the page template
# puts the body's first line on line 6) and a phrase the message must contain.
BAD_INPUTS = {
    "raw script": ("Intro.\n\n<script>alert(1)</script>", 8, "<script> is not allowed"),
    "script with src": ('Intro.\n\n<script src="https://cdn.example.com/x.js"></script>', 8, "<script> is not allowed"),
    "iframe": ('<iframe src="https://www.example.com/"></iframe>', 6, "<iframe> is not allowed"),
    "object": ('<object data="movie.swf"></object>', 6, "<object> is not allowed"),
    "embed": ('<embed src="movie.swf">', 6, "<embed> is not allowed"),
    "meta refresh": ('<meta http-equiv="refresh" content="0; url=https://example.com/">', 6, "<meta http-equiv"),
    "base": ('<base href="https://example.com/">', 6, "<base> is not allowed"),
    "form": ('<form action="https://example.com/collect"><input name="q"></form>', 6, "<form> is not allowed"),
    "inline handler": ('Text.\n\nSee <img src="x.png" onerror="alert(1)"> here.', 8, "inline event handler onerror="),
    "handler via attr_list": ('![map](map.png){ onload="alert(1)" }', 6, "inline event handler onload="),
    "handler in upper case": ('<div ONMOUSEOVER="alert(1)">x</div>', 6, "inline event handler onmouseover="),
    "javascript link": ("[click](javascript:alert(document.cookie))", 6, "is a script URL"),
    "javascript link, mixed case": ("[click]( JaVaScRiPt:alert(1))", 6, "is a script URL"),
    "javascript link, entity": ('<a href="jav&#x61;script:alert(1)">x</a>', 6, "is a script URL"),
    "javascript link, tab entity": ('<a href="java&#9;script:alert(1)">x</a>', 6, "is a script URL"),
    "vbscript link": ('<a href="vbscript:msgbox(1)">x</a>', 6, "is a script URL"),
    "data link": ('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>', 6, "is a data: URL"),
    "svg xlink": ('<svg><use xlink:href="javascript:alert(1)"/></svg>', 6, "is a script URL"),
    "remote Markdown image": ("Intro.\n\n![photo](https://evil.example.com/p.png)", 8, "loads from outside this site"),
    "protocol-relative image": ("![photo](//evil.example.com/p.png)", 6, "loads from outside this site"),
    "reference-style image": ("![photo][p]\n\n[p]: https://evil.example.com/p.png", 8, "loads from outside this site"),
    "remote srcset": ('<img src="a.png" srcset="a.png 1x, https://cdn.example.com/b.png 2x">', 6, "loads from outside"),
    "remote stylesheet": ('<link rel="stylesheet" href="https://cdn.example.com/s.css">', 6, "<link> is not allowed"),
    "remote video poster": (
        '<video src="v.mp4" poster="https://cdn.example.com/p.jpg"></video>',
        6,
        "<video> is not allowed",
    ),
    "remote audio": ('<audio src="https://cdn.example.com/a.mp3"></audio>', 6, "<audio> is not allowed"),
    "remote source": (
        '<picture><source srcset="https://cdn.example.com/a.webp"><img src="a.png"></picture>',
        6,
        "loads from outside",
    ),
    "svg image": ('<svg><image href="https://cdn.example.com/i.png"/></svg>', 6, "loads from outside"),
    "tracking ping": ('<a href="other.md" ping="https://tracker.example.com/">x</a>', 6, "the attribute ping="),
    "style url": (
        '<p style="background:url(https://evil.example.com/bg.png)">x</p>',
        6,
        "loads 'https://evil.example.com/bg.png'",
    ),
    "style element import": (
        '<style>\n@import "https://fonts.example.com/f.css";\n</style>',
        7,
        "loads 'https://fonts.example.com/f.css'",
    ),
    "css expression": ('<p style="width: expression(alert(1))">x</p>', 6, "runs script"),
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_each_bad_input_is_refused_naming_file_and_line(tmp_path, case):
    body, line, phrase = BAD_INPUTS[case]
    problems = problems_for(tmp_path, body)
    assert problems, f"{case} was not refused"
    assert any(phrase in p.message for p in problems), [str(p) for p in problems]
    first = problems[0]
    assert first.path == "docs/p.en.md"
    assert first.line == line, str(first)
    assert first.fix


def test_two_bad_images_are_reported_on_their_own_lines(tmp_path):
    body = "![a](https://evil.example.com/a.png)\n\n![b](https://evil.example.com/b.png)"
    assert [p.line for p in problems_for(tmp_path, body)] == [6, 8]


def test_a_forbidden_element_is_reported_once(tmp_path):
    [problem] = problems_for(tmp_path, '<iframe src="https://evil.example.com/" onload="x()"></iframe>')
    assert "<iframe> is not allowed" in problem.message


def test_markup_in_front_matter_is_refused(tmp_path):
    [problem] = problems_for(tmp_path, "# T", title="'Policing <img src=x onerror=alert(1)>'")
    assert problem.line == 2
    assert "front matter 'title'" in problem.message


def test_quotation_marks_in_front_matter_are_fine(tmp_path):
    assert problems_for(tmp_path, "# T", title="'The \"four hards\"'") == []


@pytest.mark.parametrize(
    ("name", "text", "line", "phrase"),
    [
        ("logo.svg", '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(1)</script>\n</svg>\n', 2, "<script>"),
        ("logo.svg", '<svg>\n<rect onclick="alert(1)"/>\n</svg>\n', 2, "onclick="),
        ("logo.svg", '<svg>\n\n<image href="https://cdn.example.com/x.png"/>\n</svg>\n', 3, "loads from outside"),
        (
            "page.html",
            '<html><head><meta charset="utf-8">\n<link rel="stylesheet" href="local.css"></head><body>\n<script>alert(1)</script>\n</body></html>\n',
            3,
            "<script>",
        ),
        ("extra.css", 'body {\n  color: red;\n  background: url("https://cdn.example.com/a.png");\n}\n', 3, "loads"),
        ("extra.css", "@import url(//fonts.example.com/f.css);\n", 1, "loads"),
        ("extra.js", "// a helper\nconst x = 1;\nfetch('https://tracker.example.com/p');\n", 3, "on another host"),
    ],
)
def test_published_files_are_checked(tmp_path, name, text, line, phrase):
    path = tmp_path / "docs" / "assets" / name
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    [problem] = check_published_file(path, f"docs/assets/{name}")
    assert problem.path == f"docs/assets/{name}"
    assert problem.line == line
    assert phrase in problem.message


def test_published_files_are_found_under_docs(tmp_path):
    (tmp_path / "docs" / "assets").mkdir(parents=True)
    (tmp_path / "docs" / "assets" / "x.css").write_text("a { background: url(https://e.example/x.png) }")
    problems = problems_for(tmp_path, "# T")
    assert [p.path for p in problems] == ["docs/assets/x.css"]


def test_local_assets_pass(tmp_path):
    path = tmp_path / "site.css"
    path.write_text("a { background: url('../images/x.png') } /* see https://example.org */\n", encoding="utf-8")
    assert check_published_file(path, "site.css") == []


def test_config_refuses_remote_assets_and_markup_in_labels(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "extra_css:\n  - css/site.css\n  - https://cdn.example.com/x.css\nnav:\n  - '<b>Home</b>': index.md\n",
        encoding="utf-8",
    )
    nav = [{"<b>Home</b>": "index.md"}]
    problems = check_config(config, ["css/site.css", "https://cdn.example.com/x.css"], nav_labels(nav))
    assert [(p.path, p.line) for p in problems] == [("mkdocs.yml", 3), ("mkdocs.yml", 5)]


@pytest.mark.parametrize(
    ("url", "off_site"),
    [
        ("images/a.png", False),
        ("../a.png", False),
        ("/police-reform/a.png", False),
        ("#top", False),
        ("https://example.com/a.png", True),
        ("//example.com/a.png", True),
        ("\\\\example.com\\a.png", True),
        ("HTTP://EXAMPLE.COM/", True),
        ("  https://example.com/", True),
        ("ftp://example.com/a", True),
        ("data:image/png;base64,AAAA", True),
    ],
)
def test_is_off_site(url, off_site):
    assert is_off_site(url) is off_site


def test_the_built_content_of_a_generated_page_is_read_again(tmp_path):
    """Whatever the data's generators made: refused as built, naming the page's file."""
    from edition.checks.content_safety import check_rendered
    from edition.checks.rendered import RenderedPages

    edition = edition_from(tmp_path, {"figures.en.md": page("Figures", "<!-- figures: table -->")})
    built = RenderedPages({"docs/figures.en.md": '<p>Made from data</p><img src="x" onerror="alert(1)">'})
    [problem] = check_rendered(edition, built)
    assert problem.path == "docs/figures.en.md" and "final content" in problem.message and "onerror" in problem.message
    assert check_rendered(edition, RenderedPages({"docs/figures.en.md": "<p>Made from data</p>"})) == []
