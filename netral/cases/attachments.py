"""Opening a case's sealed attachments (clarification minutes, internal notes): one rule.

The cleaned copy for those who may view the case; the original needs
``evidence.open_original`` and must still hash to the SHA-256 taken at upload. Every opening
is an audit entry; the download name is neutral (the uploaded name may identify someone).
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.translation import gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record
from netral.cases.models import Case, ClarificationAttachment
from netral.cases.models.notes import CaseNoteAttachment
from netral.cases.services import CASE_NOT_FOUND, case_list_for
from netral.common import blobs
from netral.common.blobs import BlobPurpose
from netral.common.errors import NotFound
from netral.reports.evidence import EvidenceKind, sealed_copy_read

ATTACHMENT_NOT_FOUND = gettext_noop("Lampiran tidak ditemukan.")
ATTACHMENT_ALTERED = gettext_noop(
    "Lampiran tidak cocok dengan sidik jarinya; hubungi administrator."
)

Attachment = ClarificationAttachment | CaseNoteAttachment


def case_attachment_open(
    *,
    actor: User,
    case_id: int,
    original: bool,
    find: Callable[[Case], Attachment | None],
    purpose: BlobPurpose,
    action: str,
    prefix: str,
) -> tuple[bytes, str, str]:
    """``(data, content_type, download_name)`` of the attachment ``find`` picks from the
    actor's case ``case_id`` (call inside the caller's audited transaction)."""
    case = case_list_for(actor=actor).filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "evidence.open_original" if original else "case.view", case)
    attachment = find(case)
    if attachment is None:
        raise NotFound(ATTACHMENT_NOT_FOUND)
    data, content_type, extension = sealed_copy_read(
        lambda path: blobs.get(purpose, path),
        kind=EvidenceKind(attachment.kind),
        path=attachment.path,
        sha256=attachment.sha256,
        clean_path=attachment.clean_path,
        clean_content_type=attachment.clean_content_type,
        original=original,
        altered=ATTACHMENT_ALTERED,
        content_type=attachment.content_type,
    )
    audit_record(
        actor=actor,
        action=action,
        obj=case,
        after={"attachment": attachment.pk, "sha256": attachment.sha256, "original": original},
    )
    suffix = "-asli" if original else ""
    return data, content_type, f"{prefix}-{case.pk}-{attachment.pk}{suffix}{extension}"
