"""axe-core (pinned in package.json, installed by ``npm ci``) run inside a page Playwright opened."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        where = ", ".join(self.targets[:3]) + (" …" if len(self.targets) > 3 else "")
        return f"{self.rule} ({self.impact}): {self.help} at {where}"


def run_axe(page: Any) -> list[Violation]:
    """Inject axe-core into ``page`` (a Playwright page) and return every violation it finds."""
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does)")
    # Through the DevTools protocol, as a console would: the site's Content-Security-Policy rightly
    # blocks an injected <script> (page.add_script_tag), but not the browser's own tools.
    session = page.context.new_cdp_session(page)
    try:
        session.send("Runtime.evaluate", {"expression": AXE_SCRIPT.read_text(encoding="utf-8")})
    finally:
        session.detach()
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [
        Violation(
            rule=item["id"],
            impact=item.get("impact") or "",
            help=item["help"],
            targets=tuple(" ".join(map(str, node["target"])) for node in item["nodes"]),
        )
        for item in results["violations"]
    ]
