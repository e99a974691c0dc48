"""Reads for the staff side of reports: the case page, reveal requests, evidence, messages.

Every read starts from a jurisdiction-scoped query, so a report outside the actor's area is
indistinguishable from a missing one. Nothing here loads a ``Reporter`` row: the identity is
decrypted only by ``reporter_identity_reveal``, which writes the audit entry.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from netral.accounts.models import User
from netral.accounts.permissions import can, jurisdiction_q, require
from netral.reports.models import Evidence, Message, Report, Reporter, RevealRequest
from netral.reports.selectors import PublicDeadline, report_deadlines, report_get_for
from netral.rules.selectors import violation_type_list


@dataclass(frozen=True)
class RevealState:
    """The actor's own reveal requests for one report."""

    pending: RevealRequest | None
    # Approved for this actor and not yet expired: the identity may be shown.
    approved: RevealRequest | None


@dataclass(frozen=True)
class ReportDetail:
    report: Report
    violation_type_name: str
    deadlines: list[PublicDeadline]
    evidence: list[Evidence]
    messages: list[Message]
    # Whether the report has a reporter identity at all (anonymous information has none).
    has_reporter: bool
    reveal: RevealState
    can_request_reveal: bool
    can_handle: bool
    can_open_original: bool


@dataclass(frozen=True)
class ReportRow:
    report: Report
    violation_type_name: str


def violation_type_names() -> dict[str, str]:
    """Violation type code -> its name in the rulebook."""
    return {vt.code: vt.name for vt in violation_type_list()}


def report_rows(*, reports: Iterable[Report]) -> list[ReportRow]:
    """List rows with the violation type's name (codes stay codes if the rulebook lacks one)."""
    names = violation_type_names()
    return [
        ReportRow(report=r, violation_type_name=names.get(r.violation_type, r.violation_type))
        for r in reports
    ]


def reveal_approval_active(*, actor: User, report: Report) -> RevealRequest | None:
    """The actor's approved, unexpired reveal request for ``report``, if any."""
    return (
        RevealRequest.objects.filter(
            report=report,
            requested_by=actor,
            status=RevealRequest.Status.APPROVED,
            expires_at__gt=timezone.now(),
        )
        .order_by("-expires_at")
        .first()
    )


def reveal_state_for(*, actor: User, report: Report) -> RevealState:
    pending = RevealRequest.objects.filter(
        report=report, requested_by=actor, status=RevealRequest.Status.PENDING
    ).first()
    return RevealState(pending=pending, approved=reveal_approval_active(actor=actor, report=report))


def reveal_requests_pending_for(*, actor: User) -> QuerySet[RevealRequest]:
    """Pending reveal requests for reports inside the approver's jurisdiction, oldest first.

    The actor's own requests are included (so the page can say why they cannot be decided
    here); ``reveal_request_decide`` refuses them.
    """
    require(actor, "identity.reveal_approve")
    return (
        RevealRequest.objects.filter(jurisdiction_q(actor, field="report__handling_region"))
        .filter(status=RevealRequest.Status.PENDING)
        .select_related("report__region", "report__election", "requested_by")
        .order_by("requested_at", "pk")
    )


def evidence_list_for(*, report: Report) -> list[Evidence]:
    """The report's evidence. ``report`` must come from a scoped selector."""
    return list(Evidence.objects.filter(report=report).order_by("received_at", "pk"))


def message_list_for(*, report: Report) -> list[Message]:
    """The report's message thread, oldest first. ``report`` must come from a scoped selector."""
    return list(
        Message.objects.filter(report=report).select_related("author").order_by("created_at", "pk")
    )


def report_detail_for(*, actor: User, public_id: str) -> ReportDetail:
    """Everything the case page shows, except the reporter's identity. Raises NotFound for
    a report that is missing or outside the actor's jurisdiction."""
    report = report_get_for(actor=actor, public_id=public_id)
    code = report.violation_type
    return ReportDetail(
        report=report,
        violation_type_name=violation_type_names().get(code, code) if code else "",
        deadlines=report_deadlines(report=report),
        evidence=evidence_list_for(report=report),
        messages=message_list_for(report=report),
        has_reporter=Reporter.objects.filter(report=report).exists(),
        reveal=reveal_state_for(actor=actor, report=report),
        can_request_reveal=can(actor, "identity.reveal_request", report),
        can_handle=can(actor, "case.handle", report),
        can_open_original=can(actor, "evidence.open_original", report),
    )
