"""The SMTP listener for a relay: an aiosmtpd handler that takes mail for the intake
addresses only (not an open relay) and hands each message to the e-mail intake.

aiosmtpd runs an event loop in its own thread; the intake (database, evidence cleaning) runs
in a worker thread beside it, so one slow report does not stop the listener. A message that
fails for an unexpected reason is answered 451, and the relay tries again later.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from django.db import connections

from netral.channels.email_intake import email_report_receive
from netral.channels.mailparse import MAX_MAIL_BYTES

logger = logging.getLogger(__name__)


def _receive(raw: bytes, envelope_sender: str | None) -> None:
    try:
        outcome = email_report_receive(raw=raw, envelope_sender=envelope_sender)
        logger.info("E-mail intake: %s", outcome)
    finally:
        connections.close_all()  # this worker thread's own connections


class IntakeHandler:
    def __init__(self, addresses: Iterable[str]) -> None:
        self.addresses = {a.strip().lower() for a in addresses if a.strip()}

    async def handle_RCPT(
        self, server: Any, session: Any, envelope: Any, address: str, rcpt_options: Any
    ) -> str:
        if address.strip().lower() not in self.addresses:
            return "550 5.1.1 Alamat ini tidak menerima laporan"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        content = envelope.original_content or envelope.content
        if not isinstance(content, bytes) or len(content) > MAX_MAIL_BYTES:
            return "552 5.3.4 Pesan terlalu besar"
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(None, _receive, content, envelope.mail_from)
        except Exception:
            logger.exception("E-mail intake failed; the relay will retry")
            return "451 4.3.0 Pesan belum dapat diproses; coba lagi nanti"
        return "250 2.0.0 Diterima"


def controller(*, addresses: Iterable[str], hostname: str, port: int) -> Any:
    """An aiosmtpd ``Controller`` (not started) serving the intake addresses."""
    from aiosmtpd.controller import Controller  # only the listener process needs aiosmtpd

    return Controller(
        IntakeHandler(addresses),
        hostname=hostname,
        port=port,
        data_size_limit=MAX_MAIL_BYTES,
    )
