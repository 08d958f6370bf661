"""What a screen reader is given, read on the live document: names and languages (issue 24's audit).

- ``heading_and_control_names``: the browser's own accessibility tree (Chromium's, through the
  DevTools protocol, as the audit read it). Every heading's name is its text alone (the paragraph
  tools once made it "… Link to paragraph a2 Cite paragraph a2"); every control (link, button,
  field, …) has a name, in the page's language: a name in the other script must come from an
  element marked with that language (the language menu's "English" on a Chinese page).
- ``unmarked_language``: every run of Han characters and every run of Latin words of the page's
  text sits inside an element whose ``lang`` is that language (zh, en). Not counted: codes, which
  read the same in either voice (paragraph ids, web addresses, file names and formats, acronyms:
  ``CODES``), and the texts of scripts, styles, SVG and code.

test_every_page_in_a_browser runs both on each page of both languages, on the visit it makes anyway;
tests/test_browser_access.py shows each refuses what it must.
"""

from __future__ import annotations

import re
from typing import Any

from project import WRITTEN_IDS

# The paragraph ids the pages write ("引用第 a2-1 段" names one) are codes (tests/project.py WRITTEN_IDS),
# longest first in the pattern.
SITE_IDS = sorted(WRITTEN_IDS, key=lambda block_id: (-len(block_id), block_id))
# Latin that is no English word (the test's own list, not the build's: edition/outputs/lang_marks.py).
CODES = (
    r"^(?:"
    + "|".join(map(re.escape, SITE_IDS))
    + r"|[A-Z]{1,5}\d*|CSL-JSON|BibLaTeX|GitHub|Atom|[\w-]+\.(?:csv|json|ya?ml|md|txt|pdf|ris|bib|atom|xml))$"
)
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.'’-]*[A-Za-z0-9]|[A-Za-z]")
URL = re.compile(r"(?:https?://|www\.)\S+")

# Each text of the document outside scripts, styles, SVG and code, with the language it is marked
# in, for runs of the other script than that language's: "where" names the element.
UNMARKED = r"""
codes => {
  const code = new RegExp(codes);
  const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  const LATIN = /[A-Za-z][A-Za-z0-9'’-]*(?:[ ,.;:()'’-]+[A-Za-z][A-Za-z0-9'’-]*)*/g;
  const URL = /(?:https?:\/\/|www\.)\S+/g;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('script, style, svg, code, pre, kbd, samp, noscript, template')) continue;
    const marked = (parent.closest('[lang]')?.lang || '').split('-')[0].toLowerCase();
    const text = node.textContent;
    const where = () => {
      const e = parent.closest('[id]');
      return `${parent.tagName.toLowerCase()}${e ? ' in #' + e.id : ''}`;
    };
    for (const run of text.match(HAN) || []) if (marked !== 'zh') found.push(`${where()}: "${run}" (lang=${marked})`);
    for (const run of text.replace(URL, ' ').match(LATIN) || []) {
      if (!/[A-Za-z]{2}/.test(run) || code.test(run)) continue;  // a letter, a code
      if (marked !== 'en') found.push(`${where()}: "${run}" (lang=${marked})`);
    }
  }
  return found;
}
"""


def unmarked_language(page: Any) -> list[str]:
    """The runs of text of the open page not inside an element marked with their language."""
    return page.evaluate(UNMARKED, CODES)


CONTROLS = {
    "button",
    "link",
    "textbox",
    "searchbox",
    "combobox",
    "checkbox",
    "radio",
    "switch",
    "menuitem",
    "tab",
    "slider",
    "spinbutton",
    "listbox",
}
# The text of each heading the reader is shown, without the paragraph tools (which are no part of
# its text, wherever they are), by the AX node's DOM node.
HEADING_TEXT = """function () {
  const copy = this.cloneNode(true);
  copy.querySelectorAll('.edition-tools').forEach(tools => tools.remove());
  return copy.textContent.replace(/\\s+/g, ' ').trim();
}"""
MARKED_LANG = (
    "function () { return ((this.closest ? this : this.parentElement).closest('[lang]')?.lang || '').split('-')[0]; }"
)


def heading_and_control_names(page: Any) -> list[str]:
    """The headings whose accessible name is not their text, and the controls with no name or a
    name in the other language than the one their element is marked with."""
    lang = page.evaluate("() => document.documentElement.lang.split('-')[0]")
    session = page.context.new_cdp_session(page)
    problems = []
    try:
        session.send("DOM.getDocument", {"depth": 0})
        nodes = session.send("Accessibility.getFullAXTree")["nodes"]

        def call(node: dict[str, Any], function: str) -> str:
            target = session.send("DOM.resolveNode", {"backendNodeId": node["backendDOMNodeId"]})["object"]
            result = session.send(
                "Runtime.callFunctionOn",
                {"objectId": target["objectId"], "functionDeclaration": function, "returnByValue": True},
            )
            return str(result["result"].get("value") or "")

        for node in nodes:
            if node.get("ignored") or "backendDOMNodeId" not in node:
                continue
            role = node.get("role", {}).get("value", "")
            name = " ".join(str(node.get("name", {}).get("value", "")).split())
            words = URL.sub(" ", name)
            if role == "heading":
                text = call(node, HEADING_TEXT)
                if name != text:
                    problems.append(f'heading named "{name}", its text "{text}"')
            elif role in CONTROLS:
                if not name:
                    problems.append(
                        f"{role} without a name: {call(node, 'function () { return this.outerHTML.slice(0, 120); }')}"
                    )
                    continue
                other = (
                    HAN.search(words)
                    if lang == "en"
                    else any(not re.fullmatch(CODES, word) and len(word) > 1 for word in LATIN_WORD.findall(words))
                )
                if other and call(node, MARKED_LANG) == lang:
                    problems.append(f'{role} "{name}" is not in the page\'s language ({lang})')
    finally:
        session.detach()
    return problems
