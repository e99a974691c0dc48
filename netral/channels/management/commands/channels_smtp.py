"""``manage.py channels_smtp``: the SMTP listener a mail relay delivers reports to."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from netral.channels.smtp import controller

NO_ADDRESSES = "EMAIL_INTAKE_ADDRESSES is empty: no address to receive reports for."


class Command(BaseCommand):
    help = "Receive e-mailed reports over SMTP (from a relay) for EMAIL_INTAKE_ADDRESSES."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.EMAIL_INTAKE_SMTP_HOST)
        parser.add_argument("--port", type=int, default=settings.EMAIL_INTAKE_SMTP_PORT)

    def handle(self, *args: Any, host: str, port: int, **options: Any) -> None:
        if not settings.EMAIL_INTAKE_ADDRESSES:
            raise CommandError(NO_ADDRESSES)
        server = controller(addresses=settings.EMAIL_INTAKE_ADDRESSES, hostname=host, port=port)
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        server.start()
        self.stdout.write(
            f"Listening on {host}:{port} for {', '.join(settings.EMAIL_INTAKE_ADDRESSES)}"
        )
        try:
            stop.wait()
        finally:
            server.stop()
