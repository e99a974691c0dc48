"""Notices to the reporter go through a real SMTP server (aiosmtpd) and reveal nothing."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from netral.reports.models import Report, Reporter
from netral.reports.tasks import notify_reporter
from netral.reports.tests.apis.test_submit_api import valid


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content)))
        return "250 OK"


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    inbox = Inbox()
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    yield inbox
    controller.stop()


@pytest.mark.usefixtures("elections")
def test_receipt_notice_reaches_the_contact_without_code_or_identity(
    client: Client, smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/reports", json.dumps(valid()), content_type="application/json")
    assert response.status_code == 201
    code = response.json()["receipt_code"]
    assert len(smtp.messages) == 1
    recipients, mail = smtp.messages[0]
    assert recipients == ["rina@example.org"]
    assert "diterima" in mail["Subject"]
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    body = payload.decode()
    assert "/lacak/" in body
    for secret in (code, "Rina", "Kartika", "3275015703900001", "Bambang"):
        assert secret not in body and secret not in mail["Subject"]


@pytest.mark.usefixtures("elections")
def test_anonymous_reporter_may_leave_an_address_for_notices_only(
    client: Client, smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    body = valid(anonymous=True, reporter=None, notify_email="kabar@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/api/reports", json.dumps(body), content_type="application/json")
    assert response.status_code == 201
    assert [m[0] for m in smtp.messages] == [["kabar@example.org"]]
    assert Report.objects.get().kind == "informasi"
    assert not Reporter.objects.exists()  # the notice address is not an identity


@pytest.mark.usefixtures("elections")
def test_no_contact_no_mail(client: Client, smtp: Inbox) -> None:
    body = valid(anonymous=True, reporter=None)
    response = client.post("/api/reports", json.dumps(body), content_type="application/json")
    report = Report.objects.get()
    assert response.status_code == 201
    assert notify_reporter.call(report_id=report.pk, event="status") is False
    assert smtp.messages == []
