"""Keep the built site to its own host: Material's bundle names three third-party resources.

Each sits behind a condition this site never meets today, but a reader's browser would fetch it if
the condition changed, from a host that mainland China may block:

- a ResizeObserver polyfill from unpkg.com, for browsers older than 2020;
- the Mermaid library from unpkg.com, for pages with diagrams (this site has none);
- repository facts from api.github.com or a GitLab host, when ``repo_url`` is set (it is not).

They are replaced with empty ``data:`` URLs, so the code runs its "failed to load" path without a
request. Also removed: source maps (only developer tools read them, and their sources carry many
third-party links) and the lunr language files (both search indexes use lunr's built-in English
pipeline; Chinese is segmented at build time), so that no built file names another host for a
resource, which tests/test_site.py checks file by file. The strings are those of the pinned
Material 9.8.2; after an upgrade that test names any new one.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

THEME_RESOURCES = {
    "https://unpkg.com/resize-observer-polyfill": "data:text/javascript,",
    "https://unpkg.com/mermaid@11/dist/mermaid.min.js": "data:text/javascript,",
    "https://api.github.com": "data:,",
    "https://${e}/api/v4": "data:,",  # GitLab; the host is a variable of the minified bundle
}
SOURCE_MAP_COMMENT = re.compile(r"\n?/[/*]# sourceMappingURL=[^\n]*?(\*/)?\n?$")
UNUSED_THEME_FOLDERS = ["assets/javascripts/lunr"]


def keep_to_own_host(site: Path) -> list[str]:
    """Rewrite or remove the theme's files in ``site`` as described above; return what changed."""
    changed: list[str] = []
    for script in sorted((site / "assets").rglob("*.js")):
        text = script.read_text(encoding="utf-8")
        new = SOURCE_MAP_COMMENT.sub("\n", text)
        for url, replacement in THEME_RESOURCES.items():
            new = new.replace(url, replacement)
        if new != text:
            script.write_text(new, encoding="utf-8")
            changed.append(str(script.relative_to(site)))
    for stylesheet in sorted((site / "assets").rglob("*.css")):
        text = stylesheet.read_text(encoding="utf-8")
        new = SOURCE_MAP_COMMENT.sub("\n", text)
        if new != text:
            stylesheet.write_text(new, encoding="utf-8")
            changed.append(str(stylesheet.relative_to(site)))
    for source_map in sorted(site.rglob("*.map")):
        source_map.unlink()
        changed.append(str(source_map.relative_to(site)))
    for folder in UNUSED_THEME_FOLDERS:
        if (site / folder).is_dir():
            shutil.rmtree(site / folder)
            changed.append(folder)
    return changed
