"""Clarification (klarifikasi): invitations to the reporter, the reported ASN and witnesses,
then the minutes (berita acara) of each meeting with attachments stored encrypted.

Only while the case is in the clarification step. Each write: lock the case -> authorize ->
check the step -> validate -> save -> audit entry."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record
from netral.cases.models import Case, Clarification, ClarificationAttachment, Status
from netral.cases.services import CASE_NOT_FOUND, NOT_ALLOWED_NOW, case_list_for
from netral.common.errors import ApplicationError, NotFound
from netral.reports.evidence import EvidenceKind, check_limits, sha256_hex, sniff
from netral.reports.storage import evidence_delete, evidence_read, evidence_write

CLARIFICATION_NOT_FOUND = "Undangan klarifikasi tidak ditemukan."
ATTACHMENT_NOT_FOUND = "Lampiran tidak ditemukan."
ROLE_INVALID = "Pilih pihak yang diundang."
LABEL_REQUIRED = "Sebutan pihak yang diundang wajib diisi."
PLACE_REQUIRED = "Tempat klarifikasi wajib diisi."
IN_THE_PAST = "Jadwal klarifikasi tidak boleh di masa lalu."
MINUTES_REQUIRED = "Berita acara wajib diisi bila pihak yang diundang hadir."
ATTACHMENT_ALTERED = "Lampiran tidak cocok dengan sidik jarinya; hubungi administrator."


def _locked_case(actor: User, case_id: int, action: str) -> Case:
    case = case_list_for(actor=actor).select_for_update().filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.handle", case)
    if case.status != Status.CLARIFICATION:
        raise ApplicationError(NOT_ALLOWED_NOW.format(action=action, status=case.status))
    return case


@transaction.atomic
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
    if scheduled_at < timezone.now():
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


@transaction.atomic
def clarification_record_minutes(
    *,
    actor: User,
    clarification_id: int,
    attended: bool,
    minutes: str,
    files: Sequence[UploadedFile] = (),
) -> Clarification:
    """Record whether the invitee came and the minutes, with attachments. Nothing is stored
    when any file is refused."""
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

    kinds, blobs, names = [], [], []
    for upload in files:
        name = upload.name or "berkas"
        data = upload.read()
        kinds.append(sniff(data, name))
        blobs.append(data)
        names.append(name)
    check_limits([len(b) for b in blobs], kinds, names=names)

    written: list[str] = []
    try:
        attachments = []
        for data, kind in zip(blobs, kinds, strict=True):
            path = evidence_write(folder=f"cases/{case.pk}", data=data, label="klarifikasi")
            written.append(path)
            attachments.append(
                ClarificationAttachment.objects.create(
                    clarification=clarification,
                    kind=kind.value,
                    size=len(data),
                    sha256=sha256_hex(data),
                    path=path,
                    content_type=kind.content_type,
                )
            )
        clarification.status = (
            Clarification.Status.ATTENDED if attended else Clarification.Status.ABSENT
        )
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
    except Exception:
        evidence_delete(written)
        raise
    return clarification


def clarification_list(*, case: Case) -> list[Clarification]:
    """The case's invitations with their attachments (the caller already scoped the case)."""
    return list(case.clarifications.prefetch_related("attachments").order_by("scheduled_at", "pk"))


@transaction.atomic
def clarification_attachment_open(
    *, actor: User, case_id: int, attachment_id: int
) -> tuple[bytes, str, str]:
    """Decrypt one attachment: ``(data, content_type, download_name)``; audited."""
    case = case_list_for(actor=actor).filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.view", case)
    attachment = ClarificationAttachment.objects.filter(
        pk=attachment_id, clarification__case=case
    ).first()
    if attachment is None:
        raise NotFound(ATTACHMENT_NOT_FOUND)
    data = evidence_read(attachment.path)
    if sha256_hex(data) != attachment.sha256:
        raise ApplicationError(ATTACHMENT_ALTERED)
    audit_record(
        actor=actor,
        action="case.clarification_attachment_open",
        obj=case,
        after={"attachment": attachment.pk, "sha256": attachment.sha256},
    )
    extension = EvidenceKind(attachment.kind).extension
    return data, attachment.content_type, f"klarifikasi-{case.pk}-{attachment.pk}{extension}"
