"""The cases app's answers to the hooks of the apps below it (registered in
``CasesConfig.ready``)."""

from __future__ import annotations

from netral.cases import services, step_forward
from netral.cases.first_report import case_first_report_refresh
from netral.cases.hooks import followups_of
from netral.cases.models import Verdict
from netral.cases.search import case_search_refresh
from netral.cases.services import case_open_audit, case_open_for_report
from netral.reports.hooks import (
    ReportMadeFinding,
    ReportOpening,
    ReportReceived,
    ReportSteppedForward,
    ReportSubmitted,
)
from netral.reports.models import Report
from netral.reports.selectors import PublicDecision


def open_case(event: ReportOpening) -> None:
    """Every report, information or finding opens its case at the office with jurisdiction,
    before its row is inserted (the row is then written with its case)."""
    case_open_for_report(report=event.report)


def case_opened(event: ReportSubmitted) -> None:
    """The report is stored: the case's opening goes into the trail (with the report's id)."""
    case_open_audit(report=event.report)


def search_index_received(event: ReportReceived) -> None:
    """After the intake committed (``report_received``): the new case's search document.
    Idempotent (an upsert of what is stored now)."""
    if event.report.case_id is not None:
        case_search_refresh(case_ids=[event.report.case_id])


def report_decisions(report: Report) -> list[PublicDecision]:
    """The plenary decision on the report's case, once taken: what the reporter is told."""
    case = report.case
    if case is None or case.decided_at is None:
        return []
    labels = [str(Verdict(v).label) for v in case.verdicts if v in Verdict.values]
    lines = [
        f"{standing.addressee_label}: {standing.status_label}"
        for standing in followups_of([case.pk]).get(case.pk, [])
    ]
    return [
        PublicDecision(
            decided_at=case.decided_at,
            verdicts=labels,
            summary=case.public_summary,
            followups=lines,
        )
    ]


def case_to_finding(event: ReportMadeFinding) -> None:
    """Information taken up as a finding: its case follows, through the workflow."""
    case_id = event.report.case_id
    assert case_id is not None  # every intake opens a case
    services.case_to_finding(actor=event.actor, case_id=case_id)


def search_refresh(report: Report) -> None:
    """A report's searchable text changed: its case's index row and its stored first report
    follow, in the same transaction."""
    if report.case_id is not None:
        case_search_refresh(case_ids=[report.case_id])
        case_first_report_refresh(case_ids=[report.case_id])


def case_to_report(event: ReportSteppedForward) -> None:
    """Information whose reporter stepped forward: its case becomes a laporan case."""
    case_id = event.report.case_id
    assert case_id is not None  # every intake opens a case
    step_forward.case_to_report(case_id=case_id, at=event.at)
