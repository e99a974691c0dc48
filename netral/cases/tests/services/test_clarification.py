"""Clarification: invitations and minutes with encrypted attachments, only in the
clarification step, only for the office's own Bawaslu staff."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases import services
from netral.cases.clarification import clarification_invite, clarification_record_minutes
from netral.cases.models import CLARIFICATION_BLOBS, Case, Clarification, ClarificationAttachment
from netral.cases.tests.factories import case_from_report
from netral.common import blobs
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.reports.evidence import EvidenceRejected, sha256_hex
from netral.reports.tests.files import SECRET_WORDS, pdf_with_metadata
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def tomorrow() -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=1)


def in_clarification(staff: User) -> Case:
    case, _ = case_from_report()
    formal = {r.code: True for r in requirement_list(kind="formal")}
    services.case_register(actor=staff, case_id=case.pk, formal=formal)
    return services.case_start_clarification(actor=staff, case_id=case.pk)


def invite(staff: User, case: Case) -> Clarification:
    return clarification_invite(
        actor=staff,
        case_id=case.pk,
        invitee_role=Clarification.InviteeRole.REPORTED,
        invitee_label="Terlapor",
        scheduled_at=tomorrow(),
        place="Kantor Bawaslu Kota Bekasi",
    )


def test_invite_and_minutes_with_an_encrypted_pdf(
    make_user: MakeUser, settings: object, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = in_clarification(staff)
    invitation = invite(staff, case)
    pdf = pdf_with_metadata()
    done = clarification_record_minutes(
        actor=staff,
        clarification_id=invitation.pk,
        attended=True,
        minutes="Terlapor hadir dan memberi keterangan.",
        files=[SimpleUploadedFile("ba.pdf", pdf, content_type="application/pdf")],
    )
    assert done.status == Clarification.Status.ATTENDED
    attachment = ClarificationAttachment.objects.get(clarification=invitation)
    assert attachment.path.startswith(f"clarifications/{case.pk}/")
    assert (tmp_path / attachment.path).read_bytes() != pdf  # encrypted at rest
    original = blobs.get(CLARIFICATION_BLOBS, attachment.path)
    assert sha256_hex(original) == sha256_hex(pdf) == attachment.sha256
    actions = list(
        AuditEntry.objects.filter(object_id=str(case.pk)).values_list("action", flat=True)
    )
    assert "case.clarification_invite" in actions
    minutes_entry = AuditEntry.objects.get(action="case.clarification_minutes")
    assert attachment.sha256 in str(minutes_entry.after)


def test_minutes_required_when_attended_and_absent_allowed(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    invitation = invite(staff, in_clarification(staff))
    with pytest.raises(ApplicationError):
        clarification_record_minutes(
            actor=staff, clarification_id=invitation.pk, attended=True, minutes=" ", files=[]
        )
    done = clarification_record_minutes(
        actor=staff, clarification_id=invitation.pk, attended=False, minutes="", files=[]
    )
    assert done.status == Clarification.Status.ABSENT


def test_refused_outside_clarification_and_in_the_past(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case, _ = case_from_report()
    with pytest.raises(ApplicationError):
        invite(staff, case)
    case = in_clarification(staff)
    with pytest.raises(ApplicationError):
        clarification_invite(
            actor=staff,
            case_id=case.pk,
            invitee_role="witness",
            invitee_label="S.A.",
            scheduled_at=timezone.now() - datetime.timedelta(hours=1),
            place="Kantor",
        )
    invitation = invite(staff, case)
    services.case_start_study(actor=staff, case_id=case.pk)
    with pytest.raises(ApplicationError):
        clarification_record_minutes(
            actor=staff, clarification_id=invitation.pk, attended=False, minutes="", files=[]
        )
    assert not Clarification.objects.exclude(pk=invitation.pk).exists()


def test_other_jurisdiction_not_found_and_ppk_denied(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = in_clarification(staff)
    invitation = invite(staff, case)
    aceh = make_user(Role.BAWASLU_STAFF, "11.01")
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    with pytest.raises(NotFound):
        invite(aceh, case)
    with pytest.raises(NotFound):
        clarification_record_minutes(
            actor=aceh, clarification_id=invitation.pk, attended=False, minutes="", files=[]
        )
    with pytest.raises(PermissionDenied):
        invite(ppk, case)
    with pytest.raises(PermissionDenied):
        clarification_record_minutes(
            actor=ppk, clarification_id=invitation.pk, attended=False, minutes="", files=[]
        )


def test_executable_attachment_refused_with_nothing_stored(
    make_user: MakeUser, settings: object, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    invitation = invite(staff, in_clarification(staff))
    files = [
        SimpleUploadedFile("ba.pdf", pdf_with_metadata()),
        SimpleUploadedFile("ba.pdf.exe", b"MZ\x90\x00" + b"\x00" * 100),
    ]
    with pytest.raises(EvidenceRejected):
        clarification_record_minutes(
            actor=staff, clarification_id=invitation.pk, attended=True, minutes="BA", files=files
        )
    invitation.refresh_from_db()
    assert invitation.status == Clarification.Status.INVITED
    assert not ClarificationAttachment.objects.exists()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
    assert not AuditEntry.objects.filter(action="case.clarification_minutes").exists()


def test_minutes_form_uploads_and_download(
    make_user: MakeUser,
    enrol_totp: Callable[[User], TOTPDevice],
    settings: object,
    tmp_path: Path,
) -> None:
    settings.MEDIA_ROOT = tmp_path  # type: ignore[attr-defined]
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case = in_clarification(staff)
    client = Client()
    response = client.post(
        reverse("accounts:login"),
        {
            "username": staff.username,
            "password": TEST_PASSWORD,
            "otp_token": totp_now(enrol_totp(staff)),
        },
    )
    assert response.status_code == 302
    detail = reverse("cases:case_detail", kwargs={"case_id": case.pk})
    assert "tindakan-clarification_invite" in client.get(detail).content.decode()

    when = timezone.localtime(tomorrow()).strftime("%Y-%m-%dT%H:%M")
    url = reverse(
        "cases:case_action", kwargs={"case_id": case.pk, "action": "clarification_invite"}
    )
    response = client.post(
        url,
        {"invitee_role": "witness", "invitee_label": "S.A.", "scheduled_at": when, "place": "X"},
    )
    assert response.status_code == 302
    invitation = Clarification.objects.get(case=case)
    page = client.get(detail).content.decode()
    assert 'enctype="multipart/form-data"' in page and "S.A." in page

    pdf = pdf_with_metadata()
    url = reverse(
        "cases:case_action", kwargs={"case_id": case.pk, "action": "clarification_minutes"}
    )
    response = client.post(
        url,
        {
            "clarification": invitation.pk,
            "attended": "on",
            "minutes": "Saksi hadir.",
            "attachments": [SimpleUploadedFile("ba.pdf", pdf, content_type="application/pdf")],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    attachment = ClarificationAttachment.objects.get(clarification=invitation)
    download = reverse(
        "cases:clarification_attachment",
        kwargs={"case_id": case.pk, "attachment_id": attachment.pk},
    )
    assert download in client.get(detail).content.decode()
    response = client.get(download)
    assert response.status_code == 200
    # Staff get the cleaned copy: a PDF without the author and company in its metadata.
    assert response.content.startswith(b"%PDF-") and response.content != pdf
    assert not any(word.encode() in response.content for word in SECRET_WORDS)
    assert response["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert AuditEntry.objects.filter(action="case.clarification_attachment_open").exists()
