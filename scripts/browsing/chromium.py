"""Debian's Chromium, driven by Playwright (Playwright's own browser download is not used)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> Path | None:
    """The Chromium executable: $CHROME_PATH if set, else Debian's package, else None."""
    configured = os.environ.get("CHROME_PATH")
    if configured:
        return Path(configured) if Path(configured).exists() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).exists():
            return Path(candidate)
    found = shutil.which("chromium")
    return Path(found) if found else None


def launch_options() -> dict[str, object]:
    """Keyword arguments for ``playwright.chromium.launch``."""
    path = chromium_path()
    if path is None:
        raise RuntimeError("Chromium not found: install Debian's chromium (apt-get install chromium)")
    return {"executable_path": str(path), "args": CHROMIUM_ARGS, "headless": True}
