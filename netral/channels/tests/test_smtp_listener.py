"""The SMTP listener end to end: a relay delivers to real aiosmtpd, the reply goes out through
a second real SMTP server, and the receipt code in it resolves at /lacak/."""

from __future__ import annotations

import smtplib
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from netral.channels.smtp import controller
from netral.channels.tests.mails import INTAKE, report_mail
from netral.common.tests.smtp import Inbox, smtp_inbox
from netral.reports.models import Report


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    with smtp_inbox(settings) as inbox:
        yield inbox


@pytest.fixture
def listener() -> Iterator[int]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = controller(addresses=[INTAKE], hostname="127.0.0.1", port=port)
    server.start()
    try:
        yield port
    finally:
        server.stop()


# The listener's worker thread has its own database connection: it must see committed data.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("elections")
def test_relayed_mail_is_stored_and_answered_with_a_code_that_resolves(
    listener: int, smtp: Inbox
) -> None:
    with smtplib.SMTP("127.0.0.1", listener) as relay:
        relay.sendmail("rina@example.org", [INTAKE], report_mail())
        with pytest.raises(smtplib.SMTPRecipientsRefused):  # not an open relay
            relay.sendmail("rina@example.org", ["someone@elsewhere.example"], report_mail())
    report = Report.objects.get()
    assert (report.channel, report.kind) == ("email", "laporan")
    (reply,) = [m for _, m in smtp.messages if m["Auto-Submitted"] == "auto-replied"]
    assert reply["To"] == "rina@example.org"
    payload = reply.get_payload(decode=True)
    assert isinstance(payload, bytes)
    body = payload.decode()
    code = "".join(ch for ch in body.split("*")[1] if ch.isdigit())
    assert Client().post("/lacak/", {"receipt_code": code}).status_code == 302
