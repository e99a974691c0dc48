"""E-mailed reports: stored through the intake service, answered with the receipt code."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from django.core import mail
from django.test import Client

from netral.channels.email_intake import Outcome, email_report_receive
from netral.channels.tests.mails import IDENTIFIED, report_mail
from netral.channels.tests.whatsapp_helpers import jpeg
from netral.reports.models import Evidence, Report, Reporter

pytestmark = pytest.mark.usefixtures("elections")


def receive(raw: bytes, capture: Any) -> Outcome:
    with capture(execute=True):
        return email_report_receive(raw=raw, envelope_sender="rina@example.org")


def replies() -> list[Any]:
    """Our answers (the reports app's own status notice may come beside them)."""
    return [m for m in mail.outbox if m.extra_headers.get("Auto-Submitted") == "auto-replied"]


def receipt_code(body: str) -> str:
    marked = body.split("*")[1]
    return "".join(ch for ch in marked if ch.isdigit())


def test_identified_mail_becomes_a_formal_report_with_its_photo(
    django_capture_on_commit_callbacks: Any,
) -> None:
    photo = jpeg()
    raw = report_mail(attachments=[("foto_dari_rina.jpg", photo, "image/jpeg")])
    assert receive(raw, django_capture_on_commit_callbacks) is Outcome.STORED
    report = Report.objects.get()
    assert (report.channel, report.kind) == ("email", "laporan")
    reporter = Reporter.objects.get(report=report)
    assert (reporter.name, reporter.email) == ("Rina Kartika", "rina@example.org")
    assert Evidence.objects.get(report=report).sha256 == hashlib.sha256(photo).hexdigest()
    (reply,) = replies()
    assert reply.to == ["rina@example.org"] and reply.subject.startswith("Diterima")
    assert reply.extra_headers["Auto-Submitted"] == "auto-replied"
    code = receipt_code(reply.body)
    assert len(code) == 16
    assert Client().post("/lacak/", {"receipt_code": code}).status_code == 302


def test_without_name_and_address_it_is_information_and_keeps_no_identity(
    django_capture_on_commit_callbacks: Any,
) -> None:
    body = IDENTIFIED.split("Nama pelapor")[0]
    assert receive(report_mail(body), django_capture_on_commit_callbacks) is Outcome.STORED
    assert Report.objects.get().kind == "informasi"
    assert not Reporter.objects.exists()
    assert "informasi awal" in mail.outbox[0].body


def test_incomplete_mail_is_answered_with_what_is_missing_and_nothing_stored(
    django_capture_on_commit_callbacks: Any,
) -> None:
    body = "Nama terlapor: Budi Santoso\nKabupaten/kota: Atlantis\nTanggal kejadian: besok lusa\n"
    assert receive(report_mail(body), django_capture_on_commit_callbacks) is Outcome.REFUSED
    assert not Report.objects.exists()
    (reply,) = mail.outbox
    for words in ("Atlantis", "Tanggal kejadian", "Nama terlapor:"):
        assert words in reply.body
    assert "Instansi:" in reply.body  # the template comes with it


def test_the_same_mail_delivered_twice_is_one_report(
    django_capture_on_commit_callbacks: Any,
) -> None:
    raw = report_mail(message_id="<same@example.org>")
    assert receive(raw, django_capture_on_commit_callbacks) is Outcome.STORED
    assert receive(raw, django_capture_on_commit_callbacks) is Outcome.DUPLICATE
    assert Report.objects.count() == 1 and len(replies()) == 1


def test_auto_replies_and_bounces_are_never_answered(
    django_capture_on_commit_callbacks: Any,
) -> None:
    auto = report_mail("Saya sedang cuti.", headers={"Auto-Submitted": "auto-replied"})
    bounce = report_mail("Undeliverable", sender="MAILER-DAEMON@example.org")
    assert receive(auto, django_capture_on_commit_callbacks) is Outcome.IGNORED
    assert receive(bounce, django_capture_on_commit_callbacks) is Outcome.IGNORED
    assert mail.outbox == [] and not Report.objects.exists()


def test_refused_attachment_stores_nothing(django_capture_on_commit_callbacks: Any) -> None:
    raw = report_mail(attachments=[("setup.exe", b"MZ" + b"\0" * 200, "application/octet-stream")])
    assert receive(raw, django_capture_on_commit_callbacks) is Outcome.REFUSED
    assert not Report.objects.exists() and not Evidence.objects.exists()
    assert "setup.exe" in mail.outbox[0].body


def test_too_many_attachments_are_refused(django_capture_on_commit_callbacks: Any) -> None:
    photo = jpeg()
    raw = report_mail(attachments=[(f"f{n}.jpg", photo, "image/jpeg") for n in range(11)])
    assert receive(raw, django_capture_on_commit_callbacks) is Outcome.REFUSED
    assert not Report.objects.exists()
    assert "paling banyak 10" in mail.outbox[0].body
