"""Staff handling of protected reports: reveal requests (four eyes), the audited reveal,
evidence opening with chain of custody, and messages to the reporter."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from netral.reports.forms import ReportForm
from netral.reports.handling import (
    EvidenceIntegrityError,
    evidence_open,
    reporter_identity_reveal,
    reveal_request_create,
    reveal_request_decide,
    staff_message_post,
)
from netral.reports.handling_selectors import reveal_requests_pending_for
from netral.reports.models import Evidence, Message, Report, RevealRequest
from netral.reports.selectors import report_tracking
from netral.reports.services import report_submit
from netral.reports.tests.files import SECRET_WORDS, jpeg_with_exif

pytestmark = pytest.mark.usefixtures("elections", "media")

MakeUser = Callable[..., User]
REPORTER_NAME = "Rina Kartika"
REPORTER_VALUES = (REPORTER_NAME, "3275015703900001", "081234567890", "rina@example.org")
REASON = "Perlu klarifikasi langsung kepada pelapor sebagai saksi kunci dalam kajian."


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> None:
    """Evidence files go to a temporary folder, not the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


def report_make(
    *,
    region: str = "32.75",
    reported_name: str = "Drs. Bambang Wijaya",
    anonymous: bool = False,
    files: Sequence[tuple[str, bytes]] = (),
    late: bool = False,
) -> Report:
    """A report submitted through the public intake service, as a reporter would."""
    today = timezone.localdate()
    known = today - datetime.timedelta(days=40 if late else 1)
    data: dict[str, Any] = {
        "region": region,
        "reported_name": reported_name,
        "agency": "Dinas Pendidikan",
        "position": "Kepala Bidang",
        "chronology": "Terlapor mengunggah foto kampanye pasangan calon di akun pribadinya.",
        "event_date": str(known - datetime.timedelta(days=1)),
        "known_date": str(known),
    }
    if anonymous:
        data["anonymous"] = "on"
    else:
        data.update(
            reporter_name=REPORTER_NAME,
            reporter_nik=REPORTER_VALUES[1],
            reporter_address="Jl. Ahmad Yani 1, Bekasi",
            reporter_phone=REPORTER_VALUES[2],
            reporter_email=REPORTER_VALUES[3],
        )
    form = ReportForm(data)
    assert form.is_valid(), form.errors
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    return report_submit(form=form, files=uploads, channel="web").report


@pytest.fixture
def report() -> Report:
    return report_make(files=[("foto_dari_rina.jpg", jpeg_with_exif())])


@pytest.fixture
def staff(make_user: MakeUser) -> User:
    return make_user("bawaslu_staff", "32.75")


@pytest.fixture
def leader(make_user: MakeUser) -> User:
    return make_user("bawaslu_leader", "32.75")


def pid(report: Report) -> str:
    return str(report.public_id)


def approved_request(report: Report, staff: User, leader: User) -> RevealRequest:
    request = reveal_request_create(actor=staff, report_public_id=pid(report), reason=REASON)
    return reveal_request_decide(actor=leader, request_id=request.pk, approve=True, note="ok")


def audit_text() -> str:
    return json.dumps(list(AuditEntry.objects.values("action", "before", "after", "reason")))


# --- Reveal ------------------------------------------------------------------------------


def test_reveal_happy_path(report: Report, staff: User, leader: User) -> None:
    request = reveal_request_create(actor=staff, report_public_id=pid(report), reason=REASON)
    assert request.status == RevealRequest.Status.PENDING
    assert list(reveal_requests_pending_for(actor=leader)) == [request]

    decided = reveal_request_decide(actor=leader, request_id=request.pk, approve=True, note="")
    assert decided.status == RevealRequest.Status.APPROVED and decided.decided_by == leader
    assert decided.expires_at is not None
    assert decided.expires_at - decided.decided_at == datetime.timedelta(hours=24)  # type: ignore[operator]

    reporter = reporter_identity_reveal(actor=staff, report_public_id=pid(report))
    assert reporter.name == REPORTER_NAME

    actions = list(AuditEntry.objects.values_list("action", flat=True))
    assert actions[-3:] == ["identity.reveal_request", "identity.reveal_approve", "identity.reveal"]
    entry = AuditEntry.objects.get(action="identity.reveal")
    assert entry.actor == staff and entry.after and entry.after["request"] == request.pk
    for value in REPORTER_VALUES:  # the trail records that it happened, never what was seen
        assert value not in audit_text()


def test_every_reveal_is_its_own_audit_entry(report: Report, staff: User, leader: User) -> None:
    approved_request(report, staff, leader)
    for _ in range(3):
        reporter_identity_reveal(actor=staff, report_public_id=pid(report))
    assert AuditEntry.objects.filter(action="identity.reveal", actor=staff).count() == 3


def test_an_approval_is_personal(
    report: Report, staff: User, leader: User, make_user: MakeUser
) -> None:
    approved_request(report, staff, leader)
    colleague = make_user("bawaslu_staff", "32.75")
    with pytest.raises(PermissionDenied):
        reporter_identity_reveal(actor=colleague, report_public_id=pid(report))
    # The refused attempt is in the trail too; no reveal was recorded for the colleague.
    assert AuditEntry.objects.filter(action="identity.reveal_refused", actor=colleague).exists()
    assert not AuditEntry.objects.filter(action="identity.reveal", actor=colleague).exists()


def test_expired_approval_is_refused(report: Report, staff: User, leader: User) -> None:
    request = approved_request(report, staff, leader)
    RevealRequest.objects.filter(pk=request.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    with pytest.raises(PermissionDenied):
        reporter_identity_reveal(actor=staff, report_public_id=pid(report))
    assert not AuditEntry.objects.filter(action="identity.reveal").exists()


def test_pending_and_rejected_requests_reveal_nothing(
    report: Report, staff: User, leader: User
) -> None:
    request = reveal_request_create(actor=staff, report_public_id=pid(report), reason=REASON)
    with pytest.raises(PermissionDenied):
        reporter_identity_reveal(actor=staff, report_public_id=pid(report))
    reveal_request_decide(actor=leader, request_id=request.pk, approve=False, note="Tidak perlu.")
    assert AuditEntry.objects.filter(action="identity.reveal_reject").exists()
    with pytest.raises(PermissionDenied):
        reporter_identity_reveal(actor=staff, report_public_id=pid(report))
    # Decided once: a second decision is refused.
    with pytest.raises(Conflict):
        reveal_request_decide(actor=leader, request_id=request.pk, approve=True, note="")


def test_four_eyes(report: Report, leader: User, make_user: MakeUser) -> None:
    request = reveal_request_create(actor=leader, report_public_id=pid(report), reason=REASON)
    with pytest.raises(PermissionDenied):
        reveal_request_decide(actor=leader, request_id=request.pk, approve=True, note="")
    assert RevealRequest.objects.get(pk=request.pk).status == RevealRequest.Status.PENDING
    # The database refuses it as well, whatever path a write takes.
    with pytest.raises(IntegrityError), transaction.atomic():
        RevealRequest.objects.filter(pk=request.pk).update(decided_by=leader)
    # Another leader covering the region (the province) may decide.
    provincial = make_user("bawaslu_leader", "32")
    reveal_request_decide(actor=provincial, request_id=request.pk, approve=True, note="")
    assert reporter_identity_reveal(actor=leader, report_public_id=pid(report)).name


def test_reason_is_required(report: Report, staff: User) -> None:
    with pytest.raises(ApplicationError) as error:
        reveal_request_create(actor=staff, report_public_id=pid(report), reason="  perlu  ")
    assert error.value.field == "reason"
    assert not RevealRequest.objects.exists()


def test_anonymous_information_cannot_be_revealed(staff: User) -> None:
    anonymous = report_make(anonymous=True)
    with pytest.raises(ApplicationError):
        reveal_request_create(actor=staff, report_public_id=pid(anonymous), reason=REASON)
    assert not RevealRequest.objects.exists()


def test_one_pending_request_per_person(report: Report, staff: User, make_user: MakeUser) -> None:
    reveal_request_create(actor=staff, report_public_id=pid(report), reason=REASON)
    with pytest.raises(Conflict):
        reveal_request_create(actor=staff, report_public_id=pid(report), reason=REASON)
    colleague = make_user("bawaslu_staff", "32.75")
    reveal_request_create(actor=colleague, report_public_id=pid(report), reason=REASON)
    assert RevealRequest.objects.count() == 2


def test_wrong_region_is_not_found(
    report: Report, staff: User, leader: User, make_user: MakeUser
) -> None:
    aceh_staff = make_user("bawaslu_staff", "11.71")
    aceh_leader = make_user("bawaslu_leader", "11")
    with pytest.raises(NotFound):
        reveal_request_create(actor=aceh_staff, report_public_id=pid(report), reason=REASON)
    request = reveal_request_create(actor=staff, report_public_id=pid(report), reason=REASON)
    assert list(reveal_requests_pending_for(actor=aceh_leader)) == []
    with pytest.raises(NotFound):
        reveal_request_decide(actor=aceh_leader, request_id=request.pk, approve=True, note="")
    reveal_request_decide(actor=leader, request_id=request.pk, approve=True, note="")
    with pytest.raises(NotFound):
        reporter_identity_reveal(actor=aceh_staff, report_public_id=pid(report))
    evidence = report.evidence.get()
    for original in (False, True):
        with pytest.raises(NotFound):
            evidence_open(
                actor=aceh_leader,
                report_public_id=pid(report),
                evidence_id=evidence.pk,
                original=original,
            )
    with pytest.raises(NotFound):
        staff_message_post(actor=aceh_staff, report_public_id=pid(report), body="Halo")
    assert not AuditEntry.objects.filter(actor__in=[aceh_staff, aceh_leader]).exists()


def test_wrong_role_is_refused(report: Report, staff: User, make_user: MakeUser) -> None:
    bkn = make_user("bkn", "32.75")
    with pytest.raises(PermissionDenied):
        reveal_request_create(actor=bkn, report_public_id=pid(report), reason=REASON)
    request = reveal_request_create(actor=staff, report_public_id=pid(report), reason=REASON)
    colleague = make_user("bawaslu_staff", "32.75")
    with pytest.raises(PermissionDenied):
        reveal_request_decide(actor=colleague, request_id=request.pk, approve=True, note="")
    with pytest.raises(PermissionDenied):
        reveal_requests_pending_for(actor=colleague)
    with pytest.raises(PermissionDenied):
        staff_message_post(actor=bkn, report_public_id=pid(report), body="Halo")


# --- Evidence ----------------------------------------------------------------------------


def test_clean_copy_is_opened_by_default(report: Report, staff: User) -> None:
    evidence = report.evidence.get()
    data, content_type, name = evidence_open(
        actor=staff, report_public_id=pid(report), evidence_id=evidence.pk, original=False
    )
    assert content_type == "image/jpeg" and data.startswith(b"\xff\xd8")
    for word in SECRET_WORDS:
        assert word.encode() not in data
    assert b"Exif" not in data
    # A neutral name: the uploaded one ("foto_dari_rina.jpg") may identify the reporter.
    assert name.endswith(".jpg") and "rina" not in name
    entry = AuditEntry.objects.get(action="evidence.open_clean")
    assert entry.actor == staff and entry.after and entry.after["sha256"] == evidence.sha256


def test_original_needs_the_permission(report: Report, staff: User, leader: User) -> None:
    evidence = report.evidence.get()
    with pytest.raises(PermissionDenied):
        evidence_open(
            actor=staff, report_public_id=pid(report), evidence_id=evidence.pk, original=True
        )
    data, content_type, name = evidence_open(
        actor=leader, report_public_id=pid(report), evidence_id=evidence.pk, original=True
    )
    assert hashlib.sha256(data).hexdigest() == evidence.sha256
    assert data == jpeg_with_exif()  # exactly as received, metadata and all
    assert content_type == "image/jpeg" and name.endswith("-asli.jpg")
    entry = AuditEntry.objects.get(action="evidence.open_original")
    assert entry.actor == leader and entry.after and entry.after["sha256"] == evidence.sha256
    assert not AuditEntry.objects.filter(action="evidence.open_original", actor=staff).exists()


def test_altered_original_is_refused(report: Report, leader: User) -> None:
    evidence = report.evidence.get()
    Evidence.objects.filter(pk=evidence.pk).update(sha256="0" * 64)
    with pytest.raises(EvidenceIntegrityError):
        evidence_open(
            actor=leader, report_public_id=pid(report), evidence_id=evidence.pk, original=True
        )
    assert AuditEntry.objects.filter(action="evidence.integrity_failure").exists()
    assert not AuditEntry.objects.filter(action="evidence.open_original").exists()


def test_without_a_clean_copy_only_the_original_opens(
    report: Report, staff: User, leader: User
) -> None:
    evidence = report.evidence.get()
    Evidence.objects.filter(pk=evidence.pk).update(clean_path="", clean_content_type="")
    for actor in (staff, leader):
        with pytest.raises(ApplicationError):
            evidence_open(
                actor=actor, report_public_id=pid(report), evidence_id=evidence.pk, original=False
            )
    data, _, _ = evidence_open(
        actor=leader, report_public_id=pid(report), evidence_id=evidence.pk, original=True
    )
    assert hashlib.sha256(data).hexdigest() == evidence.sha256


def test_an_original_erased_under_retention_says_so(report: Report, leader: User) -> None:
    evidence = report.evidence.get()
    Evidence.objects.filter(pk=evidence.pk).update(original_path="", original_name="")
    with pytest.raises(ApplicationError) as refused:
        evidence_open(
            actor=leader, report_public_id=pid(report), evidence_id=evidence.pk, original=True
        )
    assert "retensi" in str(refused.value)
    assert not AuditEntry.objects.filter(action="evidence.integrity_failure").exists()


def test_evidence_of_another_report_is_not_found(report: Report, staff: User) -> None:
    other = report_make(files=[("b.jpg", jpeg_with_exif())])
    with pytest.raises(NotFound):
        evidence_open(
            actor=staff,
            report_public_id=pid(report),
            evidence_id=other.evidence.get().pk,
            original=False,
        )


# --- Messages ----------------------------------------------------------------------------


def test_staff_message_reaches_the_reporter(
    report: Report, staff: User, django_capture_on_commit_callbacks: Any
) -> None:
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        message = staff_message_post(
            actor=staff, report_public_id=pid(report), body="  Mohon kirim foto tambahan.  "
        )
    assert message.sender == Message.Sender.STAFF and message.author == staff
    assert message.body == "Mohon kirim foto tambahan."
    entry = AuditEntry.objects.get(action="report.staff_message")
    assert entry.actor == staff and entry.after and entry.after["message"] == message.pk
    # The reporter reads it with the receipt code, without the staff member's name.
    tracking = report_tracking(report=report)
    assert [(m.sender, m.body) for m in tracking.messages] == [
        ("staff", "Mohon kirim foto tambahan.")
    ]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [REPORTER_VALUES[3]]
    assert "Mohon" not in mail.outbox[0].body  # the notice carries no case content


def test_empty_message_is_refused(report: Report, staff: User) -> None:
    with pytest.raises(ApplicationError) as error:
        staff_message_post(actor=staff, report_public_id=pid(report), body="   ")
    assert error.value.field == "body"
    assert not Message.objects.exists()
