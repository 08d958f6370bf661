""" "Report a mistake": a link to the repository's correction form, filled in for one paragraph.

Why: a reader who finds a mistake should reach the maintainers in one step, from the paragraph,
without learning how issues work. GitHub opens an issue form with fields filled in from the
address's query: ``?template=<form file>&<field id>=<value>`` (the field ids of
.github/ISSUE_TEMPLATE/translation-correction.yml; tests/test_report.py holds these names to that
form). The paragraph's tools link to the form with the page, the paragraph and the language filled
in; edition.js adds the paragraph's current wording when the link is followed, and the Cite panel
offers the same link.

The repository is the site's ``repo_url`` (mkdocs.yml), which the deploy sets from the repository
it runs in (``EDITION_REPOSITORY_URL``): without it there is no link, and About says so.
"""

from __future__ import annotations

from urllib.parse import urlencode

FORM = "translation-correction.yml"  # under .github/ISSUE_TEMPLATE/
TITLE = "Correction: #{id}"  # the form's own title, with the paragraph
# The form's field ids, and each language's option of its "Which text?" dropdown (its exact label).
FIELDS = {"page": "page", "paragraph": "paragraph", "language": "language", "current": "current"}
LANGUAGE_OPTIONS = {
    "zh": "Chinese text (differs from the source) / 中文原文（与来源不符）",
    "en": "English translation / 英文译文",
}


def repository_name(repo_url: str) -> str:
    """'owner/name' of a repository's address (what the header and About show)."""
    return repo_url.rstrip("/").split("://", 1)[-1].split("/", 1)[-1]


def form_url(repo_url: str, lang: str, page_url: str, paragraph: str = "", current: str = "") -> str:
    """The correction form's address with what is known filled in (nothing empty is sent)."""
    values = {
        "template": FORM,
        "title": TITLE.format(id=paragraph),
        FIELDS["page"]: page_url,
        FIELDS["paragraph"]: paragraph,
        FIELDS["language"]: LANGUAGE_OPTIONS.get(lang, ""),
        FIELDS["current"]: current,
    }
    query = urlencode({key: value for key, value in values.items() if value})
    return f"{repo_url.rstrip('/')}/issues/new?{query}"
