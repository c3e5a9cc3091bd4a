"""Serve a folder on 127.0.0.1 in a background thread (the browser tests and tools/lighthouse.py)."""

import functools
import http.server
import threading


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Python's static file handler, without a log line per request."""

    def log_message(self, *args):
        pass


def serve(directory):
    """Serve ``directory`` on a free port; return the server (to ``shutdown()``) and its URL."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
