"""Serve a folder on 127.0.0.1 in a background thread (the browser tests and tools/lighthouse.py).

It serves the site the way the "Maintaining this site" page asks a host to: text files (HTML,
CSS, JavaScript, JSON, SVG) gzip-compressed when the browser accepts it, the fingerprinted
assets (``?v=`` or ``?digest=`` in the link, so a new version gets a new address) cached for a
year, and HTML revalidated on every visit.
"""

import functools
import gzip
import http.server
import os
import threading
from urllib.parse import urlsplit

COMPRESSED_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml")
FINGERPRINTED = ("v=", "digest=")
YEAR = 365 * 24 * 3600


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static file handler with compression and cache headers, and no log line per request."""

    _gzipped = {}  # (path, mtime) -> compressed bytes, shared by the handler's threads

    def log_message(self, *args):
        pass

    def cache_control(self):
        query = urlsplit(self.path).query
        if any(query.startswith(f) or f"&{f}" in query for f in FINGERPRINTED):
            return f"public, max-age={YEAR}, immutable"
        return "no-cache"

    def end_headers(self):
        self.send_header("Cache-Control", self.cache_control())
        super().end_headers()

    def do_GET(self):
        path = self.translate_path(self.path)
        kind = self.guess_type(path)
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and kind.startswith(COMPRESSED_TYPES)):
            return super().do_GET()
        key = (path, os.stat(path).st_mtime_ns)
        body = self._gzipped.get(key)
        if body is None:
            with open(path, "rb") as f:
                body = gzip.compress(f.read(), compresslevel=6, mtime=0)
            self._gzipped[key] = body
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)


def serve(directory):
    """Serve ``directory`` on a free port; return the server (to ``shutdown()``) and its URL."""
    handler = functools.partial(SiteHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
