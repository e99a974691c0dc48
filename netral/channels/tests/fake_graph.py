"""A local stand-in for Meta's Graph API: a real HTTP server on a free loopback port, with
the three calls intake makes (media description, media download, send message)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

TOKEN = "test-access-token"


@dataclass
class FakeGraph:
    url: str = ""
    media: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    sent: list[dict[str, Any]] = field(default_factory=list)
    unauthorised: int = 0

    def texts(self, to: str | None = None) -> list[str]:
        return [m["text"]["body"] for m in self.sent if to is None or m["to"] == to]


def _handler(graph: FakeGraph) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # quiet test output
            pass

        def _answer(self, status: int, body: bytes, content_type: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _authorised(self) -> bool:
            if self.headers.get("Authorization") == f"Bearer {TOKEN}":
                return True
            graph.unauthorised += 1
            self._answer(401, b'{"error": {"message": "bad token"}}', "application/json")
            return False

        def do_GET(self) -> None:
            if not self._authorised():
                return
            parts = self.path.strip("/").split("/")
            if len(parts) == 2 and parts[0] == "files" and parts[1] in graph.media:
                data, mime = graph.media[parts[1]]
                return self._answer(200, data, mime)
            if len(parts) == 1 and parts[0] in graph.media:
                data, mime = graph.media[parts[0]]
                meta = {
                    "messaging_product": "whatsapp",
                    "url": f"{graph.url}/files/{parts[0]}",
                    "mime_type": mime,
                    "sha256": "",
                    "file_size": len(data),
                    "id": parts[0],
                }
                return self._answer(200, json.dumps(meta).encode(), "application/json")
            self._answer(404, b'{"error": {"message": "unknown"}}', "application/json")

        def do_POST(self) -> None:
            if not self._authorised():
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            parts = self.path.strip("/").split("/")
            if len(parts) == 2 and parts[1] == "messages":
                graph.sent.append(json.loads(body))
                answer = {"messaging_product": "whatsapp", "messages": [{"id": "wamid.out"}]}
                return self._answer(200, json.dumps(answer).encode(), "application/json")
            self._answer(404, b"{}", "application/json")

    return Handler


@contextmanager
def fake_graph_server() -> Iterator[FakeGraph]:
    graph = FakeGraph()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(graph))
    graph.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield graph
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
