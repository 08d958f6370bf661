"""The edition's checks, in the order they run: one registry, each check a small module.

Every check is ``check(edition) -> list[Problem]`` (a ``rendered`` check: ``check(edition, rendered)``). ``boundary`` checks come first: mkdocs.yml and
the files are the repository's own (a problem stops the build before anything else reads a file);
``model`` checks read the pages, data and
settings before anything is rendered (a problem there stops the build at once: nothing else is
worth building); ``rendered`` checks read each language's pages as built (generated parts
included); ``site`` checks read the built site once every language is written. The plugin
(scripts/edition/plugin.py) runs each stage and fails the build if any check found a problem.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from edition.checks import (
    alignment,
    block_ids,
    content_safety,
    csp,
    documents,
    errata,
    figures,
    file_boundary,
    footnotes,
    front_matter,
    glossary,
    interface_facts,
    measures,
    numbers,
    paragraph_ids,
    qualifiers,
    scaffold,
    settings,
    source_slips,
    source_text,
    strings,
    term_forms,
    trust,
    twins,
    visible_text,
    yaml_files,
)
from edition.model.problems import Problem

Stage = Literal["boundary", "model", "rendered", "site"]


@dataclass(frozen=True)
class Check:
    name: str  # shown in each message: "[front-matter] docs/x.en.md:3: …"
    # check(edition) -> problems; a ``rendered`` check also gets the pages as built
    # (check(edition, rendered), edition/checks/rendered.py): what the build made is not the model's.
    run: Callable[..., list[Problem]]
    stage: Stage = "model"


CHECKS: tuple[Check, ...] = (
    # What everything else reads: mkdocs.yml, the YAML files, the strings, each page's front matter.
    # The trust boundary: mkdocs.yml alone, no code or file from outside the repository. A problem
    # here stops the build before any other check reads a file (and could quote it in a message).
    Check("trust", trust.check, "boundary"),
    Check("file-boundary", file_boundary.check, "boundary"),
    # What is shown is what is checked: no bidi controls, invisible or look-alike characters.
    Check("visible-text", visible_text.check),
    Check("settings", settings.check),
    Check("data-files", yaml_files.check),
    Check("strings", strings.check),
    Check("interface-facts", interface_facts.check),
    Check("front-matter", front_matter.check),
    # The text: pairs, ids, the source's words, numbers, the sentence alignment, 〔〕 corrections, safety.
    Check("twins", twins.check),
    Check("paragraph-ids", paragraph_ids.check),
    Check("source-text", source_text.check),
    Check("numbers", numbers.check),
    Check("qualifiers", qualifiers.check),
    Check("block-ids", block_ids.check),
    Check("alignment", alignment.check),
    Check("corrections", source_slips.check),
    Check("footnotes", footnotes.check),
    # The published text against the last recorded release (docs/data/releases.json).
    Check("release", errata.check_release_files),
    Check("errata", errata.check),
    Check("documents", documents.check),
    Check("content-safety", content_safety.check),
    Check("scaffold", scaffold.check),
    # The data against the text.
    Check("figures", figures.check),
    Check("measures", measures.check),
    Check("glossary", glossary.check),
    Check("term-forms", term_forms.check),
    # What the build made.
    Check("content-safety", content_safety.check_rendered, "rendered"),
    Check("csp", csp.check, "site"),
)


def checks(stage: Stage) -> list[Check]:
    return [check for check in CHECKS if check.stage == stage]
