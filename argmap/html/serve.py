"""Serve the page on the loopback with automatic reload, for ``argmap watch``.

A :class:`LivePage` holds the current page and a version number; :func:`serve` answers
``GET /`` with the page and ``GET /version`` with the number. The page carries
:data:`RELOAD_SCRIPT`, which asks for ``/version`` a few times a second and reloads
when it changed, so a save shows in the browser without a click (the link's
``#node=...`` is kept across the reload). A case that does not validate is shown as
an :func:`error_page` naming file and line, never as the last good map.

>>> page = LivePage()
>>> page.show("<html><body>hi</body></html>")
>>> page.version, b"/version" in page.body
(1, True)
"""

from __future__ import annotations

import html
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["RELOAD_SCRIPT", "LivePage", "error_page", "serve"]

RELOAD_SCRIPT = """(function () {
  var seen = null;
  function poll() {
    fetch("/version", { cache: "no-store" }).then(function (r) { return r.text(); })
      .then(function (v) { if (seen !== null && v !== seen) { location.reload(); } seen = v; })
      .catch(function () {}).then(function () { setTimeout(poll, 300); });
  }
  poll();
})();"""
"""Reloads the page when ``/version`` changes (no network beyond the page's own server)."""


def error_page(title: str, lines: list[str]) -> str:
    """A page showing why the case could not be rendered, every line escaped."""
    shown = "\n".join(html.escape(line) for line in lines)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>Error: {html.escape(title)}</title>"
        "<style>body{font:16px/1.4 system-ui,sans-serif;margin:24px;color:#1b1b1b}"
        ".error{border:3px solid #b00020;padding:12px;background:#fff4f4;"
        "white-space:pre-wrap;font:15px monospace}</style></head><body>"
        "<main><h1>The case does not validate</h1><p>Fix it and save: the page reloads.</p>"
        f'<pre class="error" role="alert" id="argmap-error">{shown}</pre></main>'
        "</body></html>"
    )


class LivePage:
    """The page being served and its version; safe to update from another thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.version = 0
        self.body = b""

    def show(self, page: str) -> None:
        """Serve ``page`` (with the reload script added) from now on."""
        script = f"<script>{RELOAD_SCRIPT}</script>"
        marker = "</body>"
        at = page.rfind(marker)
        text = page[:at] + script + page[at:] if at >= 0 else page + script
        with self._lock:
            self.body = text.encode("utf-8")
            self.version += 1

    def snapshot(self) -> tuple[int, bytes]:
        with self._lock:
            return self.version, self.body


def serve(page: LivePage, port: int = 8000) -> ThreadingHTTPServer:
    """Start serving ``page`` on 127.0.0.1:``port`` (0: any free port) in a daemon
    thread; ``server.server_address[1]`` is the port, ``server.shutdown()`` stops it."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            version, body = page.snapshot()
            path = self.path.split("?", 1)[0]
            if path == "/version":
                self._send(str(version).encode(), "text/plain; charset=utf-8")
            elif path in ("/", "/index.html"):
                self._send(body, "text/html; charset=utf-8")
            else:
                self.send_error(404)

        def _send(self, data: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # quiet: one poll per 300 ms
            return

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
