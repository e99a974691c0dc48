"""Notices to the reporter go through a real SMTP server (aiosmtpd) and reveal nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client

from netral.common.tests.smtp import Inbox, smtp_inbox
from netral.reports.models import Report, Reporter
from netral.reports.tasks import notify_reporter
from netral.reports.tests.apis.test_submit_api import valid


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    with smtp_inbox(settings) as inbox:
        yield inbox


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
