"""Clarification (klarifikasi): invitations to the reporter, the reported ASN and witnesses,
then the minutes (berita acara) of each meeting with attachments. An attachment's original is
kept sealed; staff open a copy without identifying metadata (EXIF/GPS, document properties)
made by the evidence cleaner, as with a report's evidence.

Only while the case is in the clarification step. Each write: lock the case -> authorize ->
check the step -> validate -> save -> audit entry."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_deferred, audit_record, audited
from netral.cases.attachments import case_attachment_open
from netral.cases.models import (
    CLARIFICATION_BLOBS,
    Case,
    Clarification,
    ClarificationAttachment,
    Status,
)
from netral.cases.services import CASE_NOT_FOUND, NOT_ALLOWED_NOW, case_list_for
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, NotFound
from netral.reports.evidence import (
    PreparedFile,
    evidence_prepare,
)

CLARIFICATION_NOT_FOUND = "Undangan klarifikasi tidak ditemukan."
ROLE_INVALID = "Pilih pihak yang diundang."
LABEL_REQUIRED = "Sebutan pihak yang diundang wajib diisi."
PLACE_REQUIRED = "Tempat klarifikasi wajib diisi."
IN_THE_PAST = "Jadwal klarifikasi tidak boleh di masa lalu."
MINUTES_REQUIRED = "Berita acara wajib diisi bila pihak yang diundang hadir."


def _locked_case(actor: User, case_id: int, action: str) -> Case:
    # The case row only (the jurisdiction filter joins the office's region).
    case = case_list_for(actor=actor).select_for_update(of=("self",)).filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.handle", case)
    if case.status != Status.CLARIFICATION:
        raise ApplicationError(NOT_ALLOWED_NOW, params={"action": action, "status": case.status})
    return case


@audited
def clarification_invite(
    *,
    actor: User,
    case_id: int,
    invitee_role: str,
    invitee_label: str,
    scheduled_at: datetime.datetime,
    place: str,
) -> Clarification:
    case = _locked_case(actor, case_id, "clarification_invite")
    if invitee_role not in Clarification.InviteeRole.values:
        raise ApplicationError(ROLE_INVALID, field="invitee_role")
    label, place = invitee_label.strip(), place.strip()
    if not label:
        raise ApplicationError(LABEL_REQUIRED, field="invitee_label")
    if not place:
        raise ApplicationError(PLACE_REQUIRED, field="place")
    if scheduled_at < clock.now():
        raise ApplicationError(IN_THE_PAST, field="scheduled_at")
    clarification = Clarification.objects.create(
        case=case,
        invitee_role=invitee_role,
        invitee_label=label,
        scheduled_at=scheduled_at,
        place=place,
        created_by=actor,
    )
    audit_record(
        actor=actor,
        action="case.clarification_invite",
        obj=case,
        after={
            "clarification": clarification.pk,
            "invitee_role": invitee_role,
            "scheduled_at": scheduled_at,
        },
    )
    return clarification


def clarification_record_minutes(
    *,
    actor: User,
    clarification_id: int,
    attended: bool,
    minutes: str,
    files: Sequence[UploadedFile] = (),
) -> Clarification:
    """Record whether the invitee came and the minutes, with attachments. Nothing is stored
    when any file is refused. Files are checked and cleaned before the case is locked: the
    count and total size first (from the declared sizes, nothing read), then each file's type
    and size, and only then is anything cleaned."""
    prepared = evidence_prepare(files=files)
    with blobs.deleted_on_failure() as written, transaction.atomic(), audit_deferred():
        return _record_minutes(
            actor=actor,
            clarification_id=clarification_id,
            attended=attended,
            minutes=minutes,
            files=prepared,
            written=written,
        )


def _record_minutes(
    *,
    actor: User,
    clarification_id: int,
    attended: bool,
    minutes: str,
    files: list[PreparedFile],
    written: list[str],
) -> Clarification:
    case_id = (
        Clarification.objects.filter(pk=clarification_id).values_list("case_id", flat=True).first()
    )
    if case_id is None:
        raise NotFound(CLARIFICATION_NOT_FOUND)
    case = _locked_case(actor, case_id, "clarification_minutes")
    clarification = Clarification.objects.select_for_update().get(pk=clarification_id)
    minutes = minutes.strip()
    if attended and not minutes:
        raise ApplicationError(MINUTES_REQUIRED, field="minutes")

    attachments = []
    folder = str(case.pk)
    for prepared in files:
        data, kind, clean = prepared.data, prepared.kind, prepared.clean
        path = blobs.put(CLARIFICATION_BLOBS, data, folder=folder, label="orig")
        written.append(path)
        clean_path = ""
        if clean is not None:
            clean_path = blobs.put(CLARIFICATION_BLOBS, clean.data, folder=folder, label="clean")
            written.append(clean_path)
        attachments.append(
            ClarificationAttachment.objects.create(
                clarification=clarification,
                kind=kind.value,
                size=len(data),
                sha256=prepared.sha256,
                path=path,
                content_type=kind.content_type,
                clean_path=clean_path,
                clean_content_type=clean.content_type if clean else "",
            )
        )
    status = Clarification.Status.ATTENDED if attended else Clarification.Status.ABSENT
    clarification.status = status
    clarification.minutes = minutes
    clarification.save(update_fields=["status", "minutes"])
    audit_record(
        actor=actor,
        action="case.clarification_minutes",
        obj=case,
        after={
            "clarification": clarification.pk,
            "status": clarification.status,
            "attachments": [a.sha256 for a in attachments],
        },
    )
    return clarification


def clarification_list(*, case: Case) -> list[Clarification]:
    """The case's invitations with their attachments (the caller already scoped the case)."""
    return list(case.clarifications.prefetch_related("attachments").order_by("scheduled_at", "pk"))


@audited
def clarification_attachment_open(
    *, actor: User, case_id: int, attachment_id: int, original: bool = False
) -> tuple[bytes, str, str]:
    """Decrypt one attachment: ``(data, content_type, download_name)``; audited.

    Staff who may view the case get the cleaned copy (made on the fly for attachments stored
    before clean copies were kept); the original needs ``evidence.open_original`` and must
    still hash to the SHA-256 taken at upload."""
    return case_attachment_open(
        actor=actor,
        case_id=case_id,
        original=original,
        find=lambda case: ClarificationAttachment.objects.filter(
            pk=attachment_id, clarification__case=case
        ).first(),
        purpose=CLARIFICATION_BLOBS,
        action="case.clarification_attachment_open",
        prefix="klarifikasi",
    )
