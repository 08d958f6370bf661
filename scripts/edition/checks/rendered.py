"""What one language's build made of its pages, for the ``rendered`` checks: build state, not the model.

The plugin (scripts/edition/plugin.py) keeps the final HTML of each page built with generated parts
and hands it to the ``rendered`` checks of scripts/edition/checks/registry.py with the edition. The
model (edition/model/edition.py) stays what was read; the checks still import no output.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RenderedPages:
    """The final HTML of the pages built so far in this language's build (page file rel -> HTML)."""

    html: dict[str, str] = field(default_factory=dict)
