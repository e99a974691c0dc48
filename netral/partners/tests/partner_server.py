"""A real partner system for the tests: an HTTP server on a free local port, in a thread,
that keeps every request it gets and answers with ``status``."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Partner:
    status: int = 200
    received: list[Received] = field(default_factory=list)
    url: str = ""


def start(partner: Partner) -> tuple[ThreadingHTTPServer, threading.Thread]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            partner.received.append(
                Received(self.path, dict(self.headers.items()), self.rfile.read(length))
            )
            self.send_response(partner.status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    partner.url = f"http://127.0.0.1:{server.server_address[1]}/netral-hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread
