"""Markup and CSS as a browser reads them, checked against an allowlist.

HTML is parsed as browsers parse it (the HTML5 algorithm): a page's content by lexbor, and where it
has SVG, MathML, a template or noscript also by html5lib, which shows their namespaces
(``fragment_findings``); a whole published HTML file by html5lib. So markup hidden from a simpler
parser (``<!-->``, ``<![CDATA[…]]>``, ``<svg><style>…</style></svg>``, an element foster-parented
out of a table) is seen as the browser sees it. SVG and XML files are also read as XML (the browser's parser for them), and
a document type with its own entities is refused, since entities can carry markup. CSS is read with
tinycss2, a CSS Syntax Level 3 tokenizer: escapes (``https\\3a //``), ``image-set("…")`` and
``@import"…"`` written without a space are decoded as a browser decodes them.

Everything not on the lists below is refused: an element, an attribute, a URL scheme. The lists are
what the edition's pages and generated content use; widening one is a change to review.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
import xml.parsers.expat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import html5lib
import tinycss2
from html5lib.constants import namespaces
from selectolax.lexbor import LexborHTMLParser

HTML_NS = namespaces["html"]
SVG_NS = namespaces["svg"]
XLINK_NS = namespaces["xlink"]
XML_NS = namespaces["xml"]
XMLNS_NS = namespaces["xmlns"]

# Elements a page's content may use (HTML).
HTML_ELEMENTS = {
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "button", "caption", "cite", "code", "col",
    "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture",
    "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "source", "span", "strong", "style", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var",
    "wbr",
}  # fmt: skip
# Further elements a whole published HTML document may use (a file under docs/, not a page's content).
DOCUMENT_ELEMENTS = {"html", "head", "body", "title", "meta", "link", "main", "header", "footer", "nav", "section"}
# SVG elements (the charts are inline SVG; icons and figures under docs/ may be SVG files).
SVG_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "path", "text", "tspan", "use", "symbol", "lineargradient", "radialgradient", "stop", "clippath",
    "mask", "pattern", "marker", "style", "image",
}  # fmt: skip
# Elements refused with a reason of their own (the rest: "not an element the edition uses").
REASONS = {
    "script": "runs script in the reader's browser",
    "iframe": "embeds another page",
    "frame": "embeds another page",
    "frameset": "embeds other pages",
    "object": "embeds a plug-in or another document",
    "embed": "embeds a plug-in or another document",
    "applet": "embeds a plug-in",
    "portal": "embeds another page",
    "base": "changes where every link of the page points",
    "form": "sends what readers type to an address of the author's choosing",
    "link": "loads a stylesheet or other resource into the page",
    "meta": "can redirect the reader or change the page's rules",
    "foreignobject": "puts HTML inside SVG, where another set of rules applies",
    "noscript": "is parsed differently with and without script",
    "template": "holds markup the check cannot see as the browser will use it",
    "textarea": "swallows the rest of the page as text",
    "xmp": "swallows the rest of the page as text",
    "plaintext": "swallows the rest of the page as text",
    "noembed": "is parsed differently by different browsers",
    "noframes": "is parsed differently by different browsers",
    "animate": "can change any attribute (such as a link) after the check",
    "set": "can change any attribute (such as a link) after the check",
    "animatetransform": "can change any attribute after the check",
    "animatemotion": "can change any attribute after the check",
    "math": "is parsed by rules of its own (MathML)",
}
GLOBAL_ATTRIBUTES = {
    "class",
    "id",
    "lang",
    "title",
    "dir",
    "role",
    "tabindex",
    "hidden",
    "translate",
    "style",
    "xml:lang",
}
ELEMENT_ATTRIBUTES = {
    "a": {"href", "hreflang", "rel", "download", "type"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding"},
    "source": {"src", "srcset", "type", "media", "sizes", "width", "height"},
    "td": {"colspan", "rowspan", "align", "headers"},
    "th": {"colspan", "rowspan", "align", "headers", "scope", "abbr"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "button": {"type"},
    "details": {"open"},
    "abbr": set(),
    "style": {"media"},
    "meta": {"charset", "name", "content"},  # published documents only; http-equiv is refused
    "link": {"rel", "href", "type", "media", "sizes"},  # published documents only; href must stay on site
    "html": {"xmlns"},
}
SVG_ATTRIBUTES = {
    "viewbox", "width", "height", "xmlns", "xmlns:xlink", "version", "preserveaspectratio", "x", "y",
    "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "transform", "fill",
    "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap",
    "stroke-linejoin", "stroke-dasharray", "opacity", "font-size", "font-weight", "font-family",
    "text-anchor", "dominant-baseline", "dx", "dy", "offset", "stop-color", "stop-opacity",
    "gradientunits", "gradienttransform", "clip-path", "clippathunits", "mask", "href", "xlink:href",
    "aria-labelledby", "aria-describedby", "aria-label", "aria-hidden", "focusable", "vector-effect",
    "patternunits", "markerwidth", "markerheight", "refx", "refy", "orient", "xml:space",
}  # fmt: skip
# Attributes whose value is a URL the browser fetches by itself (not on a click).
RESOURCE_ATTRIBUTES = {"src", "srcset"}
LINK_SCHEMES = {"http", "https", "mailto"}  # for <a href> only: a reader follows them by choice
SCRIPT_SCHEMES = {"javascript", "vbscript"}
# CSS functions whose string arguments are URLs the browser fetches.
CSS_URL_FUNCTIONS = {"url", "src", "image-set", "-webkit-image-set", "image", "cross-fade", "-webkit-cross-fade"}
CSS_SCRIPT_FUNCTIONS = {"expression", "-moz-binding"}
CSS_SCRIPT_PROPERTIES = {"behavior", "-moz-binding", "-ms-behavior"}
C0_AND_SPACE = "".join(map(chr, range(0x21)))


@dataclass(frozen=True)
class Finding:
    """One thing the allowlist refuses, with strings to find its line in the source."""

    message: str
    fix: str
    needles: tuple[str, ...]  # tried in order
    line: int | None = None  # known when the source is the text itself (CSS)
    element: str = ""  # a line that also has "<element" is preferred (raw HTML in Markdown)


def clean_url(value: str) -> str:
    """The URL as a browser reads it: surrounding blanks and controls dropped, tabs and newlines removed."""
    return re.sub(r"[\t\n\r]", "", value).strip(C0_AND_SPACE)


def url_scheme(url: str) -> str:
    """The scheme of a URL as a browser reads it ('' for a relative URL)."""
    try:
        return urlsplit(clean_url(url).replace("\\", "/")).scheme.lower()
    except ValueError:
        return "invalid"


def is_off_site(url: str) -> bool:
    """True for any URL that is not a relative path on this site (another host, or any scheme)."""
    url = clean_url(url).replace("\\", "/")
    if url.startswith("//"):
        return True
    try:
        parts = urlsplit(url)
    except ValueError:
        return True  # a URL the parser rejects is not a plain relative path either
    return bool(parts.scheme or parts.netloc)


def srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset ("a.png 1x, b.png 2x")."""
    return [candidate.split()[0] for candidate in value.split(",") if candidate.split()]


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- CSS -----------------------------------------------------------------------------------------


def css_findings(css: str, where: str, declarations: bool = False) -> Iterator[Finding]:
    """What in CSS text loads from another host or runs script (``declarations``: a style attribute)."""
    if declarations:
        nodes = tinycss2.parse_blocks_contents(css, skip_comments=True, skip_whitespace=True)
    else:
        nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    yield from _css_nodes(nodes, where)


def _css_nodes(nodes: Iterable, where: str) -> Iterator[Finding]:
    for node in nodes:
        if node.type == "at-rule":
            if node.lower_at_keyword == "import":
                yield from _css_import(node, where)
            yield from _css_values(node.prelude, where)
            if node.content is not None:
                yield from _css_nodes(tinycss2.parse_blocks_contents(node.content, True, True), where)
        elif node.type == "qualified-rule":
            yield from _css_values(node.prelude, where)
            yield from _css_nodes(tinycss2.parse_blocks_contents(node.content, True, True), where)
        elif node.type == "declaration":
            if node.lower_name in CSS_SCRIPT_PROPERTIES:
                yield _css_script(node.name, node, where)
            yield from _css_values(node.value, where)


def _css_import(node, where: str) -> Iterator[Finding]:
    """``@import`` of another stylesheet: only a file of this site (any form: url(), a string)."""
    for token in node.prelude:
        if token.type == "string" and is_off_site(token.value):  # url() tokens: see _css_values
            yield _css_remote(token.value, token, where)


def _css_values(tokens: Iterable, where: str, in_url_function: bool = False) -> Iterator[Finding]:
    for token in tokens:
        if token.type == "url" or (in_url_function and token.type == "string"):
            if is_off_site(token.value):
                yield _css_remote(token.value, token, where)
        elif token.type == "function":
            name = token.lower_name
            if name in CSS_SCRIPT_FUNCTIONS:
                yield _css_script(f"{token.name}(", token, where)
            yield from _css_values(token.arguments, where, name in CSS_URL_FUNCTIONS)
        elif token.type in ("() block", "[] block", "{} block"):
            yield from _css_values(token.content, where, in_url_function)
        elif token.type == "ident" and token.lower_value in ("javascript", "vbscript"):
            yield _css_script(token.value, token, where)


def _css_remote(url: str, token, where: str) -> Finding:
    return Finding(
        f"{where} loads '{_short(url)}' from outside this site.",
        "put the file under docs/ and refer to it with a relative path (nothing may load from another host).",
        (url, "url(", "image-set", "@import"),
        token.source_line,
    )


def _css_script(what: str, token, where: str) -> Finding:
    return Finding(
        f"{where} contains '{what}', which runs script.",
        "remove it; styles may only set presentation.",
        (what, what.rstrip("(")),
        token.source_line,
    )


# --- HTML and SVG --------------------------------------------------------------------------------


# Elements whose subtree lexbor's Python API cannot show as html5lib's does: the namespace of
# foreign content (SVG, MathML), a template's content (a fragment of its own), and noscript (parsed
# by the scripting flag). html5lib reads content that has any of them.
NOT_ON_FAST_PATH = {"svg", "math", "template", "noscript"}


def fragment_findings(html: str) -> list[Finding]:
    """What the allowlist refuses in a page's content, parsed as inside the page's <article> (a <div>).

    Lexbor (selectolax, C) and html5lib (pure Python) both implement the HTML5 parsing algorithm;
    lexbor is some ten times faster (html5lib alone took a third of a second of every build:
    ``make bench``) and follows today's standard where html5lib does not (html5lib loses an element
    foster-parented out of a table). Lexbor's tree is always read, without the subtrees of
    ``NOT_ON_FAST_PATH``; content that has such a subtree is read by html5lib too, and what
    either finds is refused. tests/test_check_sanitize.py compares the two parsers.
    """
    tree, left_out = lexbor_fragment(html)
    findings = list(markup_findings(tree))
    if left_out:
        findings += [finding for finding in markup_findings(html5lib_fragment(html)) if finding not in findings]
    return findings


def parse_fragment(html: str) -> ElementTree.Element:
    """The whole tree of a page's content: lexbor's, or html5lib's where it has foreign content."""
    tree, left_out = lexbor_fragment(html)
    return html5lib_fragment(html) if left_out else tree


def html5lib_fragment(html: str) -> ElementTree.Element:
    return html5lib.parseFragment(html, container="div", treebuilder="etree", namespaceHTMLElements=True)


def lexbor_fragment(html: str) -> tuple[ElementTree.Element, bool]:
    """The fragment as html5lib's ElementTree holds it, from lexbor's parse, without the subtrees
    of ``NOT_ON_FAST_PATH``; and whether any was left out.

    Sibling chains are walked with ``first_child``/``next``: selectolax reads a fragment's first
    node as the whole fragment in ``iter`` and ``text``.
    """
    document = LexborHTMLParser(html, is_fragment=True, fragment_tag="div")
    container = ElementTree.Element("DOCUMENT_FRAGMENT")  # as html5lib names the root it returns
    left_out = False
    chains = [(document.root, container)]  # the first node of each list of siblings, and their parent
    while chains:
        node, parent = chains.pop()
        last: ElementTree.Element | None = None
        while node is not None:
            if node.is_element_node:
                tag = node.tag or ""
                if tag in NOT_ON_FAST_PATH:
                    left_out = True  # the element and its subtree: html5lib's to read
                else:
                    attributes = {name: value or "" for name, value in node.attributes.items()}
                    last = ElementTree.SubElement(parent, f"{{{HTML_NS}}}{tag}", attributes)
                    chains.append((node.first_child, last))
            elif node.is_text_node:
                text = node.text_content or ""
                if last is None:
                    parent.text = (parent.text or "") + text
                else:
                    last.tail = (last.tail or "") + text
            node = node.next
    return container, left_out


def parse_document(html: str) -> ElementTree.Element:
    """A whole HTML document as the browser parses it."""
    return html5lib.parse(html, treebuilder="etree", namespaceHTMLElements=True)


class UnsafeXmlError(ValueError):
    """An XML document type with its own entities or definitions: the check cannot see their expansion."""


def parse_xml(text: str) -> ElementTree.Element:
    """An SVG/XML file as a browser's XML parser reads it; a DOCTYPE with declarations is refused."""

    def refuse(*_args: object) -> None:
        raise UnsafeXmlError("a DOCTYPE with its own declarations (entities can carry markup)")

    expat = xml.parsers.expat.ParserCreate()
    expat.EntityDeclHandler = refuse
    expat.StartDoctypeDeclHandler = lambda name, sysid, pubid, internal: refuse() if internal or sysid else None
    expat.ExternalEntityRefHandler = refuse
    expat.Parse(text.encode("utf-8"), True)  # first pass: declarations only (raises on any)
    return ElementTree.fromstring(text.encode("utf-8"))


def local_name(tag: str) -> tuple[str, str]:
    """('{ns}name') -> (namespace, lowercase local name)."""
    if tag.startswith("{"):
        namespace, _, name = tag[1:].partition("}")
        return namespace, name.lower()
    return "", tag.lower()


def attribute_name(name: str) -> str:
    """An attribute's name as written: '{xlink ns}href' -> 'xlink:href'."""
    namespace, local = local_name(name)
    prefix = {XLINK_NS: "xlink:", XML_NS: "xml:", XMLNS_NS: "xmlns:"}.get(namespace, "")
    if prefix == "xmlns:" and local == "xmlns":
        return "xmlns"
    return prefix + local


def markup_findings(root: ElementTree.Element, document: bool = False, xml: bool = False) -> Iterator[Finding]:
    """Walk a parsed tree against the allowlist.

    ``document``: a whole published file, not a page's content; ``xml``: a tree from the XML parser
    (its root is the document element; elements without a namespace are read as SVG's).
    """
    yield from _walk(root, document, skip_root=not xml, default_namespace=SVG_NS if xml else HTML_NS)


def _walk(
    element: ElementTree.Element, document: bool, skip_root: bool = False, default_namespace: str = HTML_NS
) -> Iterator[Finding]:
    if not isinstance(element.tag, str):
        return  # a comment or processing instruction: text the browser does not render
    if not skip_root:
        namespace, name = local_name(element.tag)
        namespace = namespace or default_namespace
        refused = _element_finding(element, namespace, name, document)
        if refused is not None:
            yield refused
            return  # refused as a whole: its content and attributes need no separate report
        for attribute, value in element.attrib.items():
            yield from _attribute_findings(namespace, name, attribute_name(attribute), value)
        if name == "style":
            where = "a <style> element"
            for finding in css_findings("".join(element.itertext()), where):
                yield Finding(finding.message, finding.fix, finding.needles, None, "style")
    for child in element:
        yield from _walk(child, document, default_namespace=default_namespace)


def _element_finding(element: ElementTree.Element, namespace: str, name: str, document: bool) -> Finding | None:
    allowed = SVG_ELEMENTS if namespace == SVG_NS else HTML_ELEMENTS if namespace in (HTML_NS, "") else set()
    if document and namespace in (HTML_NS, ""):
        allowed = allowed | DOCUMENT_ELEMENTS
    if name == "meta" and "http-equiv" in element.attrib:
        return Finding(
            f'<meta http-equiv="{_short(element.attrib["http-equiv"])}"> is not allowed: it can redirect the reader or change the page\'s rules.',
            "remove the <meta http-equiv> element.",
            ("http-equiv", "<meta"),
            None,
            "meta",
        )
    if name in allowed:
        return None
    reason = REASONS.get(name, "is not an element the edition uses")
    verb = "it " + reason if name in REASONS else reason.replace("is not", "it is not", 1)
    return Finding(
        f"<{name}> is not allowed: {verb}.",
        f"remove the <{name}> element (a plain Markdown link to another site is fine).",
        (f"<{name}",),
        None,
        name,
    )


def _attribute_findings(namespace: str, element: str, attribute: str, value: str) -> Iterator[Finding]:
    needles = (value, value[len(value) // 2 :], f"{attribute}=", f"<{element}")
    if attribute.startswith("on"):
        yield Finding(
            f"<{element}> has the inline event handler {attribute}=, which runs script.",
            f"remove the {attribute}= attribute.",
            (f"{attribute}=", f"{attribute} =", *needles),
            None,
            element,
        )
        return
    allowed = GLOBAL_ATTRIBUTES | ELEMENT_ATTRIBUTES.get(element, set())
    if namespace == SVG_NS:
        allowed = allowed | SVG_ATTRIBUTES
    is_data = attribute.startswith("data-") and not attribute.startswith("data-md-")
    if attribute not in allowed and not attribute.startswith("aria-") and not is_data:
        yield Finding(
            f"<{element}> has the attribute {attribute}=, which the edition does not allow.",
            f"remove the {attribute}= attribute (allowed on <{element}>: {', '.join(sorted(allowed - {'style'}))}, aria-*, data-*).",
            (f"{attribute}=", *needles),
            None,
            element,
        )
        return
    if attribute == "style":
        for finding in css_findings(value, f"the style of <{element}>", declarations=True):
            yield Finding(finding.message, finding.fix, (*finding.needles, *needles), None, element)
        return
    yield from _url_findings(element, attribute, value, needles)


def _url_findings(element: str, attribute: str, value: str, needles: tuple[str, ...]) -> Iterator[Finding]:
    """A URL-valued attribute: no script or data: URL; a fetched resource only from this site."""
    if attribute not in ("href", "xlink:href", "src", "srcset", "cite"):
        return
    for url in srcset_urls(value) if attribute == "srcset" else [value]:
        scheme = url_scheme(url)
        if scheme in SCRIPT_SCHEMES:
            yield Finding(
                f'<{element} {attribute}="{_short(value)}"> is a script URL.',
                "link to a page or a file instead; javascript: and vbscript: URLs are never allowed.",
                (*needles, "javascript:", "vbscript:"),
                None,
                element,
            )
        elif scheme == "data":
            yield Finding(
                f'<{element} {attribute}="{_short(url)}"> is a data: URL.',
                "save the content as a file under docs/ and refer to it with a relative path.",
                (url, *needles),
                None,
                element,
            )
        elif element == "a" and attribute in ("href", "xlink:href"):
            if scheme and scheme not in LINK_SCHEMES:
                yield Finding(
                    f'<a href="{_short(url)}"> uses the scheme {scheme}:, which is not allowed.',
                    f"link with {', '.join(sorted(LINK_SCHEMES))} or a relative path.",
                    (url, *needles),
                    None,
                    element,
                )
        elif is_off_site(url):
            yield Finding(
                f'<{element} {attribute}="{_short(url)}"> loads from outside this site.',
                "save the file under docs/ (e.g. docs/images/) and use a relative path; nothing may load from another host.",
                (url, *needles),
                None,
                element,
            )


def text_markup(value: str) -> list[str]:
    """The elements (and character references) the browser would make of a string written into a page."""
    found = [local_name(e.tag)[1] for e in parse_fragment(value).iter() if isinstance(e.tag, str)][1:]
    if "<" in value or ">" in value:
        found.append("< or >")
    return found
