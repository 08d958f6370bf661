"""Serve a built site on 127.0.0.1 the way a static host does: gzip for text, 404.html for misses."""

from __future__ import annotations

import gzip
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSED_TYPES = ("text/", "application/json", "application/javascript", "image/svg+xml", "application/xml")


class StaticSiteHandler(SimpleHTTPRequestHandler):
    """GET/HEAD of files under ``directory``; directories serve their index.html, like GitHub Pages.

    ``base_path`` is where the site lives on the host ("/police-reform/" for a project site);
    addresses outside it get the site's 404 page.
    """

    base_path = "/"

    def __init__(self, *args: object, base_path: str = "/", **kwargs: object) -> None:
        self.base_path = base_path
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._respond(with_body=True)

    def do_HEAD(self) -> None:
        self._respond(with_body=False)

    def _respond(self, with_body: bool) -> None:
        path = urlsplit(self.path).path
        inside = path.startswith(self.base_path) or path + "/" == self.base_path
        target = Path(self.translate_path("/" + path[len(self.base_path) :])) if inside else Path("/nonexistent")
        if target.is_dir():
            if not path.endswith("/"):
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            target = target / "index.html"
        status = HTTPStatus.OK
        if not target.is_file():
            status, target = HTTPStatus.NOT_FOUND, Path(self.directory) / "404.html"
        body = target.read_bytes() if target.is_file() else b"Not found"
        content_type = self.guess_type(str(target))
        if content_type.startswith("text/") or content_type == "application/json":
            content_type += "; charset=utf-8"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        compress = accepts_gzip and content_type.startswith(COMPRESSED_TYPES)
        if compress:
            body = gzip.compress(body, compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def translate_path(self, path: str) -> str:
        return super().translate_path(unquote(path))

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests and the benchmark report what matters themselves."""


@contextmanager
def serve(directory: Path, base_path: str = "/", handler: type[StaticSiteHandler] = StaticSiteHandler) -> Iterator[str]:
    """Serve ``directory`` at ``base_path`` on a free port of 127.0.0.1 in a thread; yield its URL.
    ``handler``: ``StaticSiteHandler`` or a subclass (the tests' adds GitHub Pages' caching header)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(directory), base_path=base_path))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{base_path}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
