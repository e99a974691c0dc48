"""Writes on the staff side of reports: reveal requests and their four-eyes decision, the
identity reveal itself, opening evidence, and messages to the reporter.

Whistleblower protection rests on three rules enforced here (not in views):

* the identity is shown only to someone holding an approval from a second person in a
  leadership role (GlobaLeaks' "custodian"), for 24 hours, and every reveal is audited;
* staff open a cleaned copy of evidence by default; the original (with its metadata) only with
  ``evidence.open_original``, and every opening is audited;
* every query starts from a jurisdiction-scoped selector, so outsiders get NotFound.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from netral.accounts.models import Role, User
from netral.accounts.notification_models import Notification
from netral.accounts.notifications import notify, office_staff_ids
from netral.accounts.permissions import can, jurisdiction_q, require
from netral.audit.services import audit_record, audited
from netral.common import clock
from netral.common.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from netral.regions.models import Region
from netral.reports.evidence import NO_CLEAN_COPY, ORIGINAL_ERASED, EvidenceKind, sha256_hex
from netral.reports.handling_selectors import reveal_approval_active
from netral.reports.models import Evidence, Message, Report, Reporter, RevealRequest
from netral.reports.selectors import report_get_for
from netral.reports.services import MAX_MESSAGE, MESSAGE_EMPTY, MESSAGE_TOO_LONG
from netral.reports.storage import evidence_read
from netral.reports.tasks import notify_reporter

# An approval lets the requester see the identity for this long.
REVEAL_APPROVAL_TTL = datetime.timedelta(hours=24)
MIN_REASON = 20
MAX_REASON = 2_000
MAX_NOTE = 2_000

REASON_TOO_SHORT = gettext_noop(
    "Tuliskan alasan yang jelas, paling sedikit %(min)d karakter, mengapa identitas pelapor perlu"
    " dibuka."
)
REASON_TOO_LONG = gettext_noop("Alasan terlalu panjang (paling banyak %(max)d karakter).")
NOTE_TOO_LONG = gettext_noop("Catatan terlalu panjang (paling banyak %(max)d karakter).")
ANONYMOUS_REPORT = gettext_noop(
    "Informasi ini dikirim tanpa identitas: tidak ada identitas pelapor yang dapat dibuka."
)
ALREADY_PENDING = gettext_noop(
    "Anda sudah mengajukan permintaan untuk laporan ini; tunggu keputusan pimpinan."
)
REQUEST_NOT_FOUND = gettext_noop("Permintaan pengungkapan tidak ditemukan.")
FOUR_EYES = gettext_noop(
    "Permintaan pengungkapan harus diputuskan oleh pimpinan lain, bukan oleh pengaju."
)
ALREADY_DECIDED = gettext_noop("Permintaan ini sudah diputuskan (%(status)s).")
NO_APPROVAL = gettext_noop(
    "Tidak ada persetujuan pengungkapan yang berlaku untuk Anda pada laporan ini."
)
EVIDENCE_NOT_FOUND = gettext_noop("Bukti tidak ditemukan.")
EVIDENCE_ALTERED = gettext_noop(
    "Berkas asli tidak cocok dengan sidik SHA-256 yang dicatat saat diterima. Berkas tidak"
    " dibuka; laporkan kepada administrator."
)


# Notification texts (mailed: a case id only, never a name, a code or the reason).
REVEAL_REQUEST_TEXT = "Permintaan pengungkapan identitas pelapor pada {case} menunggu keputusan"
REVEAL_APPROVED_TEXT = "Permintaan pengungkapan identitas pada {case} disetujui"
REVEAL_REJECTED_TEXT = "Permintaan pengungkapan identitas pada {case} ditolak"


class EvidenceIntegrityError(Conflict):
    """The stored original no longer hashes to what was recorded at intake."""


# --- Which office handles a report ----------------------------------------------------------
# Called by the cases app (above this one), inside its own transaction and audit entry: a
# report's case and the region of the office that handles it are always written together, so
# staff access (``handling_region``) can never disagree with the case.


def report_case_set(*, report: Report, case: Any, office_region: Region) -> None:
    """Put a report not yet stored in the case (``cases.Case``, above this app) just opened
    for it at ``office_region``: its row is then inserted with both (``report_opening``)."""
    assert report._state.adding, "the report's row must not exist yet"
    report.case = case
    report.handling_region = office_region


def case_reports_reroute(
    *, case_id: int, office_region: Region, into_case_id: int | None = None
) -> int:
    """The reports of case ``case_id`` are now handled at ``office_region`` (a handover), or
    belong to case ``into_case_id`` handled there (a merge). Returns how many moved."""
    reports = Report.objects.filter(case_id=case_id)
    if into_case_id is not None:
        return reports.update(case_id=into_case_id, handling_region=office_region)
    return reports.update(handling_region=office_region)


def _locked_report(*, actor: User, report_public_id: str) -> Report:
    """The scoped report, re-read under SELECT FOR UPDATE (call inside a transaction)."""
    report = report_get_for(actor=actor, public_id=report_public_id)
    return Report.objects.select_for_update().get(pk=report.pk)


@audited
def reveal_request_create(*, actor: User, report_public_id: str, reason: str) -> RevealRequest:
    """Ask to see a report's reporter identity. A leader of the same jurisdiction decides."""
    # Locking the report serialises two clicks of the same button (one pending per person).
    report = _locked_report(actor=actor, report_public_id=report_public_id)
    require(actor, "identity.reveal_request", report)
    reason = reason.strip()
    if len(reason) < MIN_REASON:
        raise ApplicationError(_(REASON_TOO_SHORT) % {"min": MIN_REASON}, field="reason")
    if len(reason) > MAX_REASON:
        raise ApplicationError(_(REASON_TOO_LONG) % {"max": MAX_REASON}, field="reason")
    if not Reporter.objects.filter(report=report).exists():
        raise ApplicationError(_(ANONYMOUS_REPORT))
    pending = RevealRequest.objects.filter(
        report=report, requested_by=actor, status=RevealRequest.Status.PENDING
    )
    if pending.exists():
        raise Conflict(_(ALREADY_PENDING))
    request = RevealRequest.objects.create(
        report=report, requested_by=actor, reason=reason, requested_at=timezone.now()
    )
    audit_record(
        actor=actor,
        action="identity.reveal_request",
        obj=request,
        after={"report": str(report.public_id), "status": request.status},
        reason=reason,
    )
    # The leaders of the office handling the report decide (never the requester).
    notify(
        user_ids=office_staff_ids(
            region_code=report.handling_region_id, roles=[Role.BAWASLU_LEADER], exclude=actor.pk
        ),
        kind=Notification.Kind.REVEAL_REQUEST,
        text=REVEAL_REQUEST_TEXT.format(case=_case_name(report)),
        link=reverse("reports_staff:reveal_pending"),
    )
    return request


def _case_name(report: Report) -> str:
    """How an alert names the report: its case's id (no name, no code; alerts are mailed)."""
    return f"Kasus #{report.case_id}" if report.case_id else f"laporan {report.public_id}"


@audited
def reveal_request_decide(
    *, actor: User, request_id: int, approve: bool, note: str
) -> RevealRequest:
    """Approve or reject a pending reveal request (four eyes: never one's own)."""
    require(actor, "identity.reveal_approve")  # wrong role: 403 before anything is looked up
    request = (
        RevealRequest.objects.select_for_update(of=("self",))
        .select_related("report__handling_region")
        .filter(jurisdiction_q(actor, field="report__handling_region"))
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise NotFound(_(REQUEST_NOT_FOUND))
    require(actor, "identity.reveal_approve", request.report)
    # Also a database check constraint; checked here to answer with a reason.
    if request.requested_by_id == actor.pk:
        raise PermissionDenied(_(FOUR_EYES))
    if request.status != RevealRequest.Status.PENDING:
        raise Conflict(_(ALREADY_DECIDED) % {"status": request.get_status_display()})
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ApplicationError(_(NOTE_TOO_LONG) % {"max": MAX_NOTE}, field="note")
    now = timezone.now()
    before = request.status
    request.status = RevealRequest.Status.APPROVED if approve else RevealRequest.Status.REJECTED
    request.decided_by = actor
    request.decided_at = now
    request.decision_note = note
    request.expires_at = now + REVEAL_APPROVAL_TTL if approve else None
    request.save(
        update_fields=["status", "decided_by", "decided_at", "decision_note", "expires_at"]
    )
    audit_record(
        actor=actor,
        action="identity.reveal_approve" if approve else "identity.reveal_reject",
        obj=request,
        before={"status": before},
        after={
            "status": request.status,
            "report": str(request.report.public_id),
            "requested_by": request.requested_by_id,
            "expires_at": request.expires_at,
        },
        reason=note,
    )
    notify(
        user_ids=[request.requested_by_id],
        kind=Notification.Kind.REVEAL_DECISION,
        text=(REVEAL_APPROVED_TEXT if approve else REVEAL_REJECTED_TEXT).format(
            case=_case_name(request.report)
        ),
        link=reverse("reports_staff:report_detail", kwargs={"public_id": request.report.public_id}),
    )
    return request


def reporter_identity_reveal(*, actor: User, report_public_id: str) -> Reporter:
    """The reporter's identity, for an actor holding an approved, unexpired request.

    Every successful call is an audit entry ("identity.reveal", with the request id and never
    the identity itself). A refused attempt on a report the actor can see is audited too
    ("identity.reveal_refused"), then PermissionDenied.
    """
    report = report_get_for(actor=actor, public_id=report_public_id)
    # The role must still allow asking: an approval does not outlive a change of role.
    may = can(actor, "identity.reveal_request", report)
    approval = reveal_approval_active(actor=actor, report=report) if may else None
    reporter = Reporter.objects.filter(report=report).first() if approval else None
    if approval is None or reporter is None:
        # Recorded in its own transaction: an attempt without approval is worth knowing about.
        audit_record(
            actor=actor,
            action="identity.reveal_refused",
            obj=report,
            after={"report": str(report.public_id)},
        )
        raise PermissionDenied(_(NO_APPROVAL))
    audit_record(
        actor=actor,
        action="identity.reveal",
        obj=report,
        after={
            "report": str(report.public_id),
            "request": approval.pk,
            "expires_at": approval.expires_at,
        },
        reason=approval.reason,
    )
    return reporter


def _extension(evidence: Evidence, *, original: bool) -> str:
    kind = EvidenceKind(evidence.kind)
    if original:
        return kind.extension
    # A cleaned image may change format (transparent images become PNG).
    for candidate in EvidenceKind:
        if candidate.content_type == evidence.clean_content_type:
            return candidate.extension
    return kind.extension


def evidence_open(
    *, actor: User, report_public_id: str, evidence_id: int, original: bool
) -> tuple[bytes, str, str]:
    """Decrypt one evidence file: ``(data, content_type, download_name)``.

    The cleaned copy needs ``case.view``; the original needs ``evidence.open_original`` and
    must still hash to the SHA-256 taken at intake (chain of custody). Both are audited. The
    download name is neutral: the uploaded name may identify the reporter.
    """
    report = report_get_for(actor=actor, public_id=report_public_id)
    evidence = Evidence.objects.filter(report=report, pk=evidence_id).first()
    if evidence is None:
        raise NotFound(_(EVIDENCE_NOT_FOUND))
    require(actor, "evidence.open_original" if original else "case.view", report)
    if not original and not evidence.has_clean_copy:
        raise ApplicationError(_(NO_CLEAN_COPY))
    if original:
        if not evidence.original_path:  # erased under retention (netral.operations)
            raise ApplicationError(_(ORIGINAL_ERASED))
        data = evidence_read(evidence.original_path)
        if sha256_hex(data) != evidence.sha256:
            # Audited before refusing (its own transaction): a mismatch is an incident.
            audit_record(
                actor=actor,
                action="evidence.integrity_failure",
                obj=evidence,
                after={"report": str(report.public_id), "sha256_expected": evidence.sha256},
            )
            raise EvidenceIntegrityError(_(EVIDENCE_ALTERED))
        content_type = evidence.content_type
    else:
        data = evidence_read(evidence.clean_path)
        content_type = evidence.clean_content_type or "application/octet-stream"
    audit_record(
        actor=actor,
        action="evidence.open_original" if original else "evidence.open_clean",
        obj=evidence,
        after={"report": str(report.public_id), "sha256": evidence.sha256, "size": len(data)},
    )
    suffix = "-asli" if original else ""
    extension = _extension(evidence, original=original)
    return data, content_type, f"bukti-{str(report.public_id)[:8]}-{evidence.pk}{suffix}{extension}"


@audited
def staff_message_post(*, actor: User, report_public_id: str, body: str) -> Message:
    """Write to the reporter, who reads it through the receipt code (and gets a notice)."""
    report = report_get_for(actor=actor, public_id=report_public_id)
    require(actor, "case.handle", report)
    body = body.strip()
    if not body:
        raise ApplicationError(_(MESSAGE_EMPTY), field="body")
    if len(body) > MAX_MESSAGE:
        raise ApplicationError(_(MESSAGE_TOO_LONG), field="body")
    message = Message.objects.create(
        report=report,
        sender=Message.Sender.STAFF,
        author=actor,
        body=body,
        created_at=clock.now(),
    )
    audit_record(
        actor=actor,
        action="report.staff_message",
        obj=report,
        after={"message": message.pk, "length": len(body)},
    )
    report_id = report.pk
    # robust: a queue hiccup must not undo a sent message.
    transaction.on_commit(
        lambda: notify_reporter.enqueue(report_id=report_id, event="message"), robust=True
    )
    return message
