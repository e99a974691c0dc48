"""A small IMAP4rev1 server on loopback: just what ``imaplib`` sends to read unseen mail
(LOGIN, SELECT, UID SEARCH/FETCH/STORE, LOGOUT)."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

USER, PASSWORD = "lapor", "rahasia"


@dataclass
class Mailbox:
    messages: dict[int, bytes] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)


def _handler(box: Mailbox) -> type[socketserver.StreamRequestHandler]:
    class Handler(socketserver.StreamRequestHandler):
        def out(self, line: bytes) -> None:
            self.wfile.write(line + b"\r\n")

        def handle(self) -> None:
            self.out(b"* OK [CAPABILITY IMAP4rev1] fake ready")
            while line := self.rfile.readline():
                tag, _, rest = line.strip().partition(b" ")
                command, _, args = rest.partition(b" ")
                command = command.upper()
                if command == b"UID":
                    sub, _, args = args.partition(b" ")
                    self.uid(sub.upper(), args)
                elif command == b"CAPABILITY":
                    self.out(b"* CAPABILITY IMAP4rev1")
                elif command == b"LOGIN":
                    if [a.strip(b'"') for a in args.split()] != [USER.encode(), PASSWORD.encode()]:
                        self.out(tag + b" NO wrong password")
                        continue
                elif command == b"SELECT":
                    self.out(b"* %d EXISTS" % len(box.messages))
                elif command == b"LOGOUT":
                    self.out(b"* BYE")
                    self.out(tag + b" OK done")
                    return
                self.out(tag + b" OK done")

        def uid(self, command: bytes, args: bytes) -> None:
            if command == b"SEARCH":
                unseen = [str(u).encode() for u in sorted(box.messages) if u not in box.seen]
                self.out(b" ".join([b"* SEARCH", *unseen]))
                return
            uid_text, _, what = args.partition(b" ")
            uid = int(uid_text)
            raw = box.messages[uid]
            if command == b"FETCH" and b"RFC822.SIZE" in what:
                self.out(b"* %d FETCH (UID %d RFC822.SIZE %d)" % (uid, uid, len(raw)))
            elif command == b"FETCH":
                self.wfile.write(b"* %d FETCH (UID %d BODY[] {%d}\r\n" % (uid, uid, len(raw)))
                self.wfile.write(raw)
                self.out(b")")
            elif command == b"STORE":
                box.seen.add(uid)
                self.out(b"* %d FETCH (UID %d FLAGS (\\Seen))" % (uid, uid))

    return Handler


@contextmanager
def fake_imap_server() -> Iterator[tuple[Mailbox, int]]:
    box = Mailbox()
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _handler(box))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield box, server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
