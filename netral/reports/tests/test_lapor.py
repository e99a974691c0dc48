"""The SP4N-LAPOR! hand-off (issue #16 item 4), as people use it without JavaScript.

The public form says plainly, while no NIP is given, that a matter outside Bawaslu's reach
goes to SP4N-LAPOR! and offers a printable summary that stores nothing; staff of the handling
office mark a report as forwarded there with the LAPOR! tracking number (audited, validated);
the reporter's tracking page then shows where it went.
"""

from __future__ import annotations

import io
from html import unescape
from typing import Any

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from pypdf import PdfReader

from netral.accounts.models import Role
from netral.audit.models import AuditEntry
from netral.cases.models import Status
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.reports.findings import finding_register
from netral.reports.lapor import (
    TRACKING_NUMBER_INVALID,
    report_forward_to_lapor,
    tracking_number_normalise,
)
from netral.reports.lapor_models import LaporForward
from netral.reports.models import Report
from netral.reports.tests.services.test_findings import finding_form
from netral.reports.tests.views.test_public_views import form_data as public_form_data

pytestmark = pytest.mark.usefixtures("elections")
SUMMARY = "/lapor/ringkasan-lapor/"
GUIDANCE_ID = 'id="lapor-guidance"'
VALID_NIP = "198503172010011004"


def form_data(**overrides: Any) -> dict[str, Any]:
    """The public form of ``test_public_views`` with a position and this module's story."""
    data: dict[str, Any] = {
        "position": "Kepala Bidang",
        "chronology": "Terlapor memotong tunjangan guru yang tidak hadir apel pagi di dinas.",
        "violation_type": None,
    }
    return public_form_data(**{**data, **overrides})


def forwarded_report() -> tuple[Report, str]:
    """A web report without NIP, its case opened at Kota Bekasi; and its receipt code."""
    case, code = case_from_report(reported_nip="")
    return Report.objects.get(case=case), code


# --- The public form -------------------------------------------------------------------------


def test_the_form_says_where_to_go_without_a_nip_and_stays_small(client: Client) -> None:
    page = client.get("/lapor/")
    html = page.content.decode()
    assert page.status_code == 200
    assert GUIDANCE_ID in html
    assert "Tidak tahu NIP atau NIK ASN yang dilaporkan?" in html
    assert "SP4N-LAPOR!" in html and "lapor.go.id" in html
    # The summary button works without JavaScript: it posts the same form elsewhere.
    assert f'formaction="{SUMMARY}"' in html and "<script" not in html.split(GUIDANCE_ID)[1][:2000]
    assert len(page.content) < 150_000


def test_the_guidance_is_in_english_with_the_language_cookie(client: Client) -> None:
    client.cookies["django_language"] = "en"
    html = unescape(client.get("/lapor/").content.decode())
    assert "Don't know the reported civil servant's NIP or NIK?" in html


def test_the_guidance_steps_back_once_a_valid_nip_is_given(client: Client) -> None:
    page = client.post("/lapor/", {**form_data(reported_nip=VALID_NIP), "check": "nip"})
    assert page.status_code == 200
    assert GUIDANCE_ID not in page.content.decode()
    without = client.post("/lapor/", {**form_data(), "check": "nip"})
    assert GUIDANCE_ID in without.content.decode()


def test_the_printable_summary_has_the_report_and_stores_nothing(client: Client) -> None:
    page = client.post(SUMMARY, form_data())
    html = page.content.decode()
    assert page.status_code == 200
    for text in (
        "Drs. Bambang Wijaya",
        "Dinas Pendidikan Kota Bekasi",
        "Kepala Bidang",
        "memotong tunjangan guru",
        "Kota Bekasi",
        "lapor.go.id",
    ):
        assert text in html
    # The reporter's identity is theirs to give at LAPOR!: the printed page does not carry it.
    assert "Rina Kartika" not in html and "081234567890" not in html
    assert "no-store" in page["Cache-Control"]
    assert not Report.objects.exists()
    assert not Session.objects.exists()


def test_the_summary_comes_as_a_pdf_too(client: Client) -> None:
    assert 'name="format" value="pdf"' in client.get("/lapor/").content.decode()
    page = client.post(SUMMARY, {**form_data(), "format": "pdf"})
    assert page.status_code == 200 and page["Content-Type"] == "application/pdf"
    assert "no-store" in page["Cache-Control"]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.content)).pages)
    for shown in ("Drs. Bambang Wijaya", "Dinas Pendidikan Kota Bekasi", "memotong tunjangan"):
        assert shown in text
    assert "Rina Kartika" not in text
    assert not Report.objects.exists()


def test_an_empty_summary_is_refused_plainly(client: Client) -> None:
    page = client.post(SUMMARY, {"reported_name": "", "chronology": " "})
    assert page.status_code == 400
    assert "Isi dulu nama ASN yang dilaporkan dan apa yang terjadi" in page.content.decode()


def test_the_summary_bounds_what_it_prints(client: Client) -> None:
    page = client.post(SUMMARY, form_data(chronology="x" * 50_000, reported_name="y" * 5_000))
    assert page.status_code == 200
    html = page.content.decode()
    assert "x" * 20_000 in html and "x" * 20_001 not in html
    assert "y" * 201 not in html
    huge = {**form_data(chronology="x" * 50_000), "format": "pdf"}
    assert client.post(SUMMARY, huge)["Content-Type"] == "application/pdf"


def test_the_summary_is_rate_limited(client: Client, settings: Any) -> None:
    settings.NETRAL_RATE_LIMITS = {"lapor-summary": (1, 3600)}
    assert client.post(SUMMARY, form_data()).status_code == 200
    refused = client.post(SUMMARY, form_data())
    assert refused.status_code == 429
    assert "Drs. Bambang Wijaya" not in refused.content.decode()


def test_the_summary_is_posted_not_fetched(client: Client) -> None:
    assert client.get(SUMMARY).status_code == 405


# --- Staff mark a report forwarded ------------------------------------------------------------


def test_tracking_numbers_are_normalised_and_bounded() -> None:
    assert tracking_number_normalise(" #1234567 ") == "1234567"
    assert tracking_number_normalise("lpr-2024 0001") == "LPR-20240001"
    for bad in ("", "12", "12345'; DROP", "9" * 31, "9" * 10_000, "\uff11\uff12\uff13\uff14\uff15"):
        with pytest.raises(ApplicationError) as refused:
            tracking_number_normalise(bad)
        assert refused.value.field == "tracking_number"


def test_staff_of_the_handling_office_mark_it_forwarded_audited(make_user: Any) -> None:
    report, _ = forwarded_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    forward = report_forward_to_lapor(
        actor=staff, report_public_id=str(report.public_id), tracking_number="#7654321"
    )
    assert (forward.tracking_number, forward.forwarded_by_id) == ("7654321", staff.pk)
    entry = AuditEntry.objects.get(action="report.forward_lapor")
    assert entry.after is not None and entry.after["tracking_number"] == "7654321"
    assert entry.object_id == str(forward.pk)
    # The same number again changes nothing; a corrected number is recorded with the old one.
    report_forward_to_lapor(
        actor=staff, report_public_id=str(report.public_id), tracking_number="7654321"
    )
    assert AuditEntry.objects.filter(action="report.forward_lapor").count() == 1
    report_forward_to_lapor(
        actor=staff, report_public_id=str(report.public_id), tracking_number="7654322"
    )
    corrected = AuditEntry.objects.filter(action="report.forward_lapor").order_by("seq").last()
    assert corrected is not None and corrected.before and corrected.after
    assert (corrected.before["tracking_number"], corrected.after["tracking_number"]) == (
        "7654321",
        "7654322",
    )
    # The case stays in its own workflow (no status the law does not know).
    report.refresh_from_db()
    assert report.case is not None and report.case.status == Status.RECEIVED


def test_a_supervisors_finding_is_not_forwarded(make_user: Any) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    finding = finding_register(actor=staff, form=finding_form(), files=[], source="media_report")
    with pytest.raises(ApplicationError) as refused:
        report_forward_to_lapor(
            actor=staff, report_public_id=str(finding.public_id), tracking_number="7654321"
        )
    assert "Temuan pengawas tidak diteruskan" in refused.value.message
    assert not LaporForward.objects.exists()


def test_the_wrong_role_and_the_wrong_office_are_refused(make_user: Any) -> None:
    report, _ = forwarded_report()
    with pytest.raises(PermissionDenied):
        report_forward_to_lapor(
            actor=make_user(Role.BKN_OFFICER, None),
            report_public_id=str(report.public_id),
            tracking_number="7654321",
        )
    with pytest.raises(NotFound):
        report_forward_to_lapor(
            actor=make_user(Role.BAWASLU_STAFF, "31"),
            report_public_id=str(report.public_id),
            tracking_number="7654321",
        )
    assert not LaporForward.objects.exists()
    assert not AuditEntry.objects.filter(action="report.forward_lapor").exists()


def test_staff_page_forwards_and_the_reporter_sees_where_it_went(sign_in: Any) -> None:
    report, code = forwarded_report()
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    url = f"/ruang-kerja/laporan/{report.public_id}/lapor/"
    detail = client.get(f"/ruang-kerja/laporan/{report.public_id}/").content.decode()
    assert f'action="{url}"' in detail

    empty = client.post(url, {"tracking_number": ""})
    assert empty.status_code == 400
    assert str(TRACKING_NUMBER_INVALID)[:40] in empty.content.decode()
    refused = client.post(url, {"tracking_number": "no!"})
    assert refused.status_code == 400
    assert str(TRACKING_NUMBER_INVALID)[:40] in refused.content.decode()
    assert not LaporForward.objects.exists()

    done = client.post(url, {"tracking_number": "7654321"})
    assert done.status_code == 302
    assert "7654321" in client.get(done["Location"]).content.decode()

    reporter = Client()
    assert reporter.post("/lacak/", {"receipt_code": code}).status_code == 302
    page = reporter.get("/lacak/laporan/").content.decode()
    assert 'id="lapor-forward"' in page
    assert "SP4N-LAPOR!" in page and "7654321" in page and "lapor.go.id" in page


def test_staff_page_refuses_other_offices_and_roles(sign_in: Any) -> None:
    report, _ = forwarded_report()
    url = f"/ruang-kerja/laporan/{report.public_id}/lapor/"
    elsewhere, _ = sign_in(Role.BAWASLU_STAFF, "31")
    assert elsewhere.post(url, {"tracking_number": "7654321"}).status_code == 404
    partner, _ = sign_in(Role.PPK_OFFICE, "32.75")
    assert partner.post(url, {"tracking_number": "7654321"}).status_code == 403
    assert not LaporForward.objects.exists()
