"""Staff pages for reports: jurisdiction, the protected identity, evidence downloads,
messages and the leaders' reveal page, through real sign-in (password + TOTP)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import SignIn
from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.reports.models import Message, Report, RevealRequest
from netral.reports.tests.files import jpeg_with_exif
from netral.reports.tests.services.test_handling import (
    REASON,
    REPORTER_VALUES,
    media,  # noqa: F401 - fixture
    report_make,
)

pytestmark = pytest.mark.usefixtures("elections", "media")

MakeUser = Callable[..., User]


def detail_url(report: Report) -> str:
    return reverse("reports_staff:report_detail", kwargs={"public_id": report.public_id})


def evidence_url(report: Report, *, original: bool = False) -> str:
    name = "reports_staff:evidence_original" if original else "reports_staff:evidence_clean"
    return reverse(
        name, kwargs={"public_id": report.public_id, "evidence_id": report.evidence.get().pk}
    )


def test_urls() -> None:
    assert reverse("reports_staff:report_list") == "/ruang-kerja/laporan/"
    assert reverse("reports_staff:reveal_pending") == "/ruang-kerja/pengungkapan/"


def test_list_shows_only_the_jurisdiction(sign_in: SignIn) -> None:
    report_make(reported_name="Pegawai Bekasi Satu")
    report_make(reported_name="Pegawai Bekasi Terlambat", late=True, anonymous=True)
    report_make(region="11.71", reported_name="Pegawai Banda Aceh")
    client, _ = sign_in("bawaslu_staff", "32.75")
    response = client.get(reverse("reports_staff:report_list"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Pegawai Bekasi Satu" in body and "Pegawai Bekasi Terlambat" in body
    assert "Pegawai Banda Aceh" not in body
    assert "Kota Bekasi" in body and "Dinas Pendidikan" in body
    assert "Informasi awal" in body and "Laporan" in body
    assert body.count("badge--late") == 1
    # Newest first.
    assert body.index("Pegawai Bekasi Terlambat") < body.index("Pegawai Bekasi Satu")
    assert "no-store" in response["Cache-Control"]


def test_list_query_count_does_not_grow_with_reports(sign_in: SignIn) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    url = reverse("reports_staff:report_list")
    report_make()
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(4):
        report_make()
    with CaptureQueriesContext(connection) as five:
        response = client.get(url)
    assert len(response.context["rows"]) == 5
    assert len(five) == len(one)


def test_list_is_paginated(sign_in: SignIn, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("netral.reports.staff_views.PAGE_SIZE", 2)
    for _ in range(3):
        report_make()
    client, _ = sign_in("bawaslu_staff", "32.75")
    first = client.get(reverse("reports_staff:report_list"))
    second = client.get(reverse("reports_staff:report_list") + "?page=2")
    assert len(first.context["rows"]) == 2 and len(second.context["rows"]) == 1
    assert 'rel="next"' in first.content.decode()


def test_out_of_jurisdiction_is_404(sign_in: SignIn) -> None:
    aceh = report_make(region="11.71", files=[("a.jpg", jpeg_with_exif())])
    client, _ = sign_in("bawaslu_staff", "32.75")
    assert client.get(detail_url(aceh)).status_code == 404
    assert client.get(evidence_url(aceh)).status_code == 404
    kwargs = {"public_id": aceh.public_id}
    response = client.post(
        reverse("reports_staff:reveal_request", kwargs=kwargs), {"reason": REASON}
    )
    assert response.status_code == 404
    response = client.post(reverse("reports_staff:message_post", kwargs=kwargs), {"body": "Hai"})
    assert response.status_code == 404
    assert not RevealRequest.objects.exists() and not Message.objects.exists()
    # A well-formed id that matches nothing looks exactly the same.
    missing = detail_url(aceh).replace(str(aceh.public_id), "00000000-0000-4000-8000-000000000000")
    assert client.get(missing).status_code == 404


def test_detail_never_shows_the_identity_unless_revealed(sign_in: SignIn) -> None:
    report = report_make(files=[("foto_dari_rina.jpg", jpeg_with_exif())])
    staff_client, staff = sign_in("bawaslu_staff", "32.75")
    leader_client, leader = sign_in("bawaslu_leader", "32")

    def page() -> str:
        body = staff_client.get(detail_url(report)).content.decode()
        for value in REPORTER_VALUES:
            assert value not in body
        assert "foto_dari_rina" not in body
        return body

    body = page()
    assert "Identitas pelapor: dilindungi" in body
    assert 'name="reason"' in body
    assert report.chronology in body and report.agency in body

    kwargs = {"public_id": report.public_id}
    response = staff_client.post(
        reverse("reports_staff:reveal_request", kwargs=kwargs), {"reason": "singkat"}
    )
    assert response.status_code == 400 and "paling sedikit 20" in response.content.decode()
    response = staff_client.post(
        reverse("reports_staff:reveal_request", kwargs=kwargs), {"reason": REASON}
    )
    assert response.status_code == 302
    assert "menunggu persetujuan" in page()

    pending = leader_client.get(reverse("reports_staff:reveal_pending")).content.decode()
    assert REASON in pending and staff.username in pending
    for value in REPORTER_VALUES:
        assert value not in pending
    request = RevealRequest.objects.get()
    response = leader_client.post(
        reverse("reports_staff:reveal_decide", kwargs={"request_id": request.pk}),
        {"decision": "approve", "note": "Disetujui untuk klarifikasi."},
    )
    assert response.status_code == 302
    assert leader_client.get(reverse("reports_staff:reveal_pending")).context["pending"] == []

    assert "Tampilkan identitas pelapor" in page()  # approved, but still not shown on a GET
    response = staff_client.post(reverse("reports_staff:identity_reveal", kwargs=kwargs))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"].split(", ")
    shown = response.content.decode()
    for value in REPORTER_VALUES:
        assert value in shown
    assert AuditEntry.objects.filter(action="identity.reveal", actor=staff).count() == 1
    page()  # and gone again on the next visit
    assert leader.pk != staff.pk


def test_reveal_without_approval_is_403(sign_in: SignIn) -> None:
    report = report_make()
    client, _ = sign_in("bawaslu_staff", "32.75")
    response = client.post(
        reverse("reports_staff:identity_reveal", kwargs={"public_id": report.public_id})
    )
    assert response.status_code == 403
    assert REPORTER_VALUES[0] not in response.content.decode()


def test_leader_cannot_decide_own_request(sign_in: SignIn) -> None:
    report = report_make()
    client, _ = sign_in("bawaslu_leader", "32.75")
    kwargs = {"public_id": report.public_id}
    client.post(reverse("reports_staff:reveal_request", kwargs=kwargs), {"reason": REASON})
    request = RevealRequest.objects.get()
    body = client.get(reverse("reports_staff:reveal_pending")).content.decode()
    assert "Anda sendiri yang mengajukan" in body
    response = client.post(
        reverse("reports_staff:reveal_decide", kwargs={"request_id": request.pk}),
        {"decision": "approve"},
    )
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == RevealRequest.Status.PENDING


def test_reveal_page_is_for_leaders(sign_in: SignIn) -> None:
    client, _ = sign_in("bawaslu_staff", "32.75")
    assert client.get(reverse("reports_staff:reveal_pending")).status_code == 403


def test_evidence_downloads(sign_in: SignIn) -> None:
    report = report_make(files=[("foto_dari_rina.jpg", jpeg_with_exif())])
    staff_client, _ = sign_in("bawaslu_staff", "32.75")
    leader_client, _ = sign_in("bawaslu_leader", "32.75")

    body = staff_client.get(detail_url(report)).content.decode()
    assert evidence_url(report) in body and evidence_url(report, original=True) not in body
    assert report.evidence.get().sha256[:12] in body
    response = staff_client.get(evidence_url(report))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cache-Control"] == "no-store"
    assert b"Exif" not in response.content
    assert staff_client.get(evidence_url(report, original=True)).status_code == 403

    assert (
        evidence_url(report, original=True)
        in leader_client.get(detail_url(report)).content.decode()
    )
    response = leader_client.get(evidence_url(report, original=True))
    assert response.status_code == 200 and response.content == jpeg_with_exif()
    assert response["Content-Disposition"].startswith("attachment;")
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"evidence.open_clean", "evidence.open_original"} <= actions


def test_staff_reply_is_posted(sign_in: SignIn) -> None:
    report = report_make()
    client, _ = sign_in("bawaslu_staff", "32.75")
    url = reverse("reports_staff:message_post", kwargs={"public_id": report.public_id})
    assert client.post(url, {"body": ""}).status_code == 400
    response = client.post(url, {"body": "Terima kasih, laporan sedang kami kaji."})
    assert response.status_code == 302
    body = client.get(detail_url(report)).content.decode()
    assert "Terima kasih, laporan sedang kami kaji." in body and "Pesan terkirim" in body
    assert Message.objects.get().sender == Message.Sender.STAFF


def test_other_roles_and_strangers_are_kept_out(sign_in: SignIn) -> None:
    report = report_make()
    client, _ = sign_in("bkn", "32.75")
    assert client.get(reverse("reports_staff:report_list")).status_code == 403
    assert client.get(detail_url(report)).status_code == 403
    response = Client().get(detail_url(report))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]
