"""Reads for reports: the reporter's view through a receipt code, and the staff's scoped view."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.accounts.permissions import jurisdiction_q, require
from netral.common.errors import NotFound
from netral.common.identifiers import is_uuid
from netral.reports import hooks
from netral.reports.models import Message, Report
from netral.reports.receipts import receipt_code_normalise, receipt_digest, receipt_digests
from netral.rules.labels import rule_name
from netral.rules.selectors import deadline_due, deadline_rule_list

REPORT_NOT_FOUND = "Laporan tidak ditemukan."
# A well-formed code that matches nothing costs the same scrypt work as one that matches.
_DUMMY_CODE = "0" * 16


def report_find_by_code(*, code: str) -> Report | None:
    """The report a receipt code belongs to, or None (malformed and unknown alike)."""
    normalised = receipt_code_normalise(code)
    if normalised is None:
        receipt_digest(_DUMMY_CODE)  # same cost as a real look-up
        return None
    return (
        Report.objects.select_related("region", "handling_region", "election__cycle", "case")
        .filter(receipt_digest__in=receipt_digests(normalised))
        .first()
    )


@dataclass(frozen=True)
class PublicDeadline:
    code: str
    name: str
    due: datetime.datetime
    legal_basis: str


@dataclass(frozen=True)
class PublicMessage:
    sender: str  # "reporter" | "staff"
    body: str
    created_at: datetime.datetime
    evidence_count: int


@dataclass(frozen=True)
class Tracking:
    kind: str
    kind_label: str
    status: str
    status_label: str
    submitted_at: datetime.datetime
    # When the case counts as received (a report sent outside office hours counts from the
    # office's next opening): the statutory clock starts here.
    received_at: datetime.datetime
    # The case's own current deadline while the office still handles it (extensions
    # included); None once handling ended or for information without a deadline.
    due_at: datetime.datetime | None
    region_name: str
    election_name: str
    late: bool
    evidence_count: int
    deadlines: list[PublicDeadline]
    messages: list[PublicMessage]
    decisions: list[PublicDecision]


@dataclass(frozen=True)
class PublicDecision:
    decided_at: datetime.datetime
    verdicts: list[str]  # labels, e.g. "Pelanggaran netralitas ASN"
    summary: str  # the announced public summary, once announced
    # Where each recommendation stands, e.g. "BKN: Sanksi dijatuhkan" (no names).
    followups: list[str]


def report_decisions(*, report: Report) -> list[PublicDecision]:
    """The plenary decision on the report's case, once taken: what the reporter is told.
    Case handling stands above reports and answers (``reports.hooks.report_decisions``)."""
    if report.case_id is None:
        return []
    return [decision for answer in hooks.report_decisions.ask(report) for decision in answer]


def report_received_at(*, report: Report) -> datetime.datetime:
    """When the report counts as received: its case's receipt (moved to the office's next
    opening when it came out of hours), or its submission before a case holds it."""
    case = report.case
    return case.received_at if case is not None else report.submitted_at


def report_deadlines(*, report: Report) -> list[PublicDeadline]:
    """Statutory deadlines running from the case's receipt (a laporan only: anonymous
    information has none), in the handling office's local time."""
    if report.kind != Report.Kind.LAPORAN:
        return []
    kind = report.election.cycle.kind
    office = report.handling_region or report.region
    return [
        PublicDeadline(
            code=rule.code,
            name=rule_name(rule),
            due=deadline_due(
                kind=kind,
                code=rule.code,
                start=report_received_at(report=report),
                tz_name=office.tzinfo_name,
            ),
            legal_basis=rule.legal_basis,
        )
        for rule in deadline_rule_list(kind=kind, track="handling")
        if rule.from_ == "received"
    ]


def report_tracking(*, report: Report) -> Tracking:
    """What the reporter may see: no staff names, no internal notes, nothing identifying."""
    messages = [
        PublicMessage(
            sender=m.sender,
            body=m.body,
            created_at=m.created_at,
            evidence_count=len(m.evidence.all()),
        )
        for m in Message.objects.filter(report=report).prefetch_related("evidence")
    ]
    return Tracking(
        kind=report.kind,
        kind_label=str(report.get_kind_display()),
        status=report.case.status if report.case else report.status,
        status_label=str(
            report.case.get_status_display() if report.case else report.get_status_display()
        ),
        submitted_at=report.submitted_at,
        received_at=report_received_at(report=report),
        due_at=(
            report.case.due_at
            if report.case is not None and report.case.finished_at is None
            else None
        ),
        region_name=report.region.name,
        election_name=report.election.name,
        late=report.late,
        evidence_count=report.evidence.count(),
        deadlines=report_deadlines(report=report),
        messages=messages,
        decisions=report_decisions(report=report),
    )


def report_list_for(*, actor: User) -> QuerySet[Report]:
    """Reports whose case the actor's office handles (not where the event happened: a
    governor-election report from a regency is the province's), newest first."""
    require(actor, "case.view")
    return (
        Report.objects.filter(jurisdiction_q(actor, field="handling_region"))
        .select_related("region", "election", "handling_region")
        .order_by("-submitted_at")
    )


def report_get_for(*, actor: User, public_id: str) -> Report:
    """One report the actor may see; missing and out-of-jurisdiction look the same."""
    report = (
        report_list_for(actor=actor).filter(public_id=public_id).first()
        if is_uuid(public_id)
        else None
    )
    if report is None:
        raise NotFound(_(REPORT_NOT_FOUND))
    return report
