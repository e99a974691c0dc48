"""``manage.py channels_imap``: poll the intake mailbox (``EMAIL_INTAKE_IMAP_URL``)."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.channels.imap import ImapConfigError, imap_poll

NO_URL = "EMAIL_INTAKE_IMAP_URL is empty: no mailbox to poll."


class Command(BaseCommand):
    help = "Read e-mailed reports from an IMAP mailbox, once or every --interval seconds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="One pass, then exit.")
        parser.add_argument("--interval", type=int, default=settings.EMAIL_INTAKE_IMAP_SECONDS)

    def handle(self, *args: Any, once: bool, interval: int, **options: Any) -> None:
        url = settings.EMAIL_INTAKE_IMAP_URL
        if not url:
            raise CommandError(NO_URL)
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        while True:
            try:
                outcomes = imap_poll(url=url)
            except ImapConfigError as error:
                raise CommandError(str(error)) from None
            except OSError as error:  # the server is away: try again at the next interval
                self.stderr.write(f"IMAP poll failed: {error}")
            else:
                summary = ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())) or "nothing"
                self.stdout.write(f"IMAP poll: {summary}")
            if once or stop.wait(max(10, interval)):
                return
