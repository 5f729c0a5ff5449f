"""The one local web server the tests use: a built site served as static files, as GitHub Pages does.

Used by conftest.py (`site_url`), test_publishing_browser.py (with the 404 page) and
quality_helpers.py (under the published path, with linkchecker's header).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    not_found_page: str | None = None
    headers_to_add: dict[str, str] = {}

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        # Serve the site under its published path, as GitHub Pages does.
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix):]
        return super().translate_path(path)

    def end_headers(self):
        for name, value in self.headers_to_add.items():
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        # An unknown address gets the site's own 404 page, with status 404, as GitHub Pages does.
        page = Path(self.directory) / self.not_found_page if self.not_found_page else None
        if code != 404 or page is None or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve(directory: Path, *, prefix: str = "/", not_found_page: str | None = None,
          headers: dict[str, str] | None = None) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 (a free port) under `prefix`; yields the site's root URL, ending in '/'.

    `not_found_page` (a file in `directory`, e.g. "404.html") answers unknown addresses; without it
    they get Python's plain error page. `headers` are added to every response.
    """
    attributes = {"prefix": prefix, "not_found_page": not_found_page, "headers_to_add": dict(headers or {})}
    handler = type("Handler", (_SiteHandler,), attributes)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()
