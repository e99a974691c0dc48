"""Findings (temuan): supervisors register their own, or turn anonymous information into one."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.cases.models import Case
from netral.common.errors import NotFound, PermissionDenied
from netral.reports.findings import FindingForm, finding_register, information_to_finding
from netral.reports.models import Report
from netral.reports.storage import evidence_read
from netral.reports.tests.files import jpeg_with_exif
from netral.reports.tests.services.test_handling import (
    media,  # noqa: F401 - fixture
    report_make,
)

pytestmark = pytest.mark.usefixtures("elections", "media")

MakeUser = Callable[..., User]


def finding_form(region: str = "32.75", **extra: Any) -> FindingForm:
    known = timezone.localdate() - datetime.timedelta(days=1)
    data: dict[str, Any] = {
        "region": region,
        "source": "field_patrol",
        "reported_name": "Drs. Bambang Wijaya",
        "agency": "Dinas Pendidikan",
        "chronology": "Terlapor menghadiri kampanye pasangan calon dengan seragam dinas.",
        "event_date": str(known),
        "known_date": str(known),
        **extra,
    }
    form = FindingForm(data)
    assert form.is_valid(), form.errors
    return form


def test_form_has_no_reporter_block() -> None:
    form = FindingForm()
    assert "reporter_name" not in form.fields and "anonymous" not in form.fields
    assert "source" in form.fields


def test_bekasi_staff_registers_a_finding_with_a_photo(make_user: MakeUser) -> None:
    staff = make_user("bawaslu_staff", "32.75")
    photo = SimpleUploadedFile("patroli.jpg", jpeg_with_exif())
    report = finding_register(
        actor=staff, form=finding_form(), files=[photo], source="field_patrol"
    )
    report.refresh_from_db()
    assert report.kind == Report.Kind.TEMUAN
    assert report.finding_source == "field_patrol" and report.created_by == staff
    assert len(report.receipt_digest) == 64 and not hasattr(report, "reporter")
    case = Case.objects.get(reports=report)
    assert case.origin == "temuan" and case.office_region_id == "32.75"
    assert case.due_at is not None  # pilkada: the laporan rule, from receipt
    entry = AuditEntry.objects.get(action="finding.register")
    assert entry.actor == staff
    evidence = report.evidence.get()
    assert evidence.has_clean_copy
    assert b"Exif" not in evidence_read(evidence.clean_path)


def test_aceh_staff_cannot_register_for_bekasi(make_user: MakeUser) -> None:
    staff = make_user("bawaslu_staff", "11.71")
    with pytest.raises((PermissionDenied, NotFound)):
        finding_register(actor=staff, form=finding_form(), files=[], source="field_patrol")
    assert not Report.objects.filter(kind=Report.Kind.TEMUAN).exists()


def test_ppk_cannot_register(make_user: MakeUser) -> None:
    ppk = make_user("ppk", "32.75")
    with pytest.raises(PermissionDenied):
        finding_register(actor=ppk, form=finding_form(), files=[], source="media_report")


def test_information_to_finding(make_user: MakeUser) -> None:
    staff = make_user("bawaslu_staff", "32.75")
    info = report_make(anonymous=True)
    assert info.kind == Report.Kind.INFORMASI
    report = information_to_finding(actor=staff, report_public_id=str(info.public_id))
    report.refresh_from_db()
    assert report.kind == Report.Kind.TEMUAN
    assert report.finding_source == "from_information" and report.created_by == staff
    case = Case.objects.get(reports=report)
    assert case.origin == "temuan" and case.due_at is not None
    assert AuditEntry.objects.filter(action="finding.from_information", actor=staff).exists()


def test_information_to_finding_outside_jurisdiction(make_user: MakeUser) -> None:
    info = report_make(anonymous=True)
    with pytest.raises(NotFound):
        information_to_finding(
            actor=make_user("bawaslu_staff", "11.71"), report_public_id=str(info.public_id)
        )


def test_finding_page(make_user: MakeUser, enrol_totp: Any) -> None:
    staff = make_user("bawaslu_staff", "32.75")
    device = enrol_totp(staff)
    client = Client()
    client.post(
        reverse("accounts:login"),
        {"username": staff.username, "password": TEST_PASSWORD, "otp_token": totp_now(device)},
    )
    url = reverse("reports_staff:finding_create")
    assert url == "/ruang-kerja/temuan/baru/"
    assert client.get(url).status_code == 200
    known = str(timezone.localdate() - datetime.timedelta(days=1))
    response = client.post(
        url,
        {
            "province": "32",
            "regency": "32.75",
            "source": "social_media_patrol",
            "reported_name": "Pegawai Temuan",
            "agency": "Dinas Pendidikan",
            "chronology": "Unggahan dukungan kepada pasangan calon di media sosial pribadi.",
            "event_date": known,
            "known_date": known,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get(reported_name="Pegawai Temuan")
    assert report.kind == Report.Kind.TEMUAN
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    info = report_make(anonymous=True)
    detail = client.get(reverse("reports_staff:report_detail", args=[info.public_id]))
    assert "Jadikan temuan" in detail.content.decode()
    made = client.post(reverse("reports_staff:make_finding", args=[info.public_id]))
    assert made.status_code == 302
    info.refresh_from_db()
    assert info.kind == Report.Kind.TEMUAN
