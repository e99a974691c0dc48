"""What intake tells the apps above it (``netral.common.hooks``). Case handling stands
above reports: it registers its handlers in ``CasesConfig.ready``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from netral.common.hooks import Hook

if TYPE_CHECKING:
    import datetime

    from netral.accounts.models import User
    from netral.reports.models import Report
    from netral.reports.selectors import PublicDecision


@dataclass(frozen=True)
class ReportSubmitted:
    """A report, information or finding was stored (inside the intake's transaction)."""

    report: Report
    actor: User | None  # None for the public


@dataclass(frozen=True)
class ReportOpening:
    """A report, information or finding about to be stored (inside the intake's transaction;
    ``report`` is not saved yet)."""

    report: Report
    actor: User | None  # None for the public


# Fired by public intake and by a supervisor's finding just before the report's row is
# inserted: the cases app opens the case and sets ``report.case`` and
# ``report.handling_region`` (``reports.handling.report_case_set``), so the row is written
# once, with them (an UPDATE after the insert rewrote every index of the row). Required: a
# report must never be stored without the app that handles it.
report_opening: Hook[ReportOpening, None] = Hook("reports.report_opening", required=True)

# Fired by the same writes once the row is stored (the cases app records the case's opening
# in the trail; links are queued for capture). Required, as above.
report_submitted: Hook[ReportSubmitted, None] = Hook("reports.report_submitted", required=True)


@dataclass(frozen=True)
class ReportReceived:
    """A report, information or finding whose intake committed, with its case (loaded with
    ``case``, ``region`` and ``election__cycle``). ``replay``: fired again by
    ``manage.py intake_replay``, so a handler that is not idempotent by itself checks first."""

    report: Report
    actor_id: int | None  # who recorded it: None for the public
    replay: bool = False


# The work intake owes that need not hold the submitter's request (search index, alerts,
# person record, duplicate signature, partner event): fired once per report by ONE task,
# ``reports.received.report_received_task``, queued inside the intake's transaction (so an
# acknowledged report always has it) and run by ``db_worker`` after the commit, the handlers in
# one transaction of their own. Handlers must be idempotent: ``manage.py intake_replay``
# fires it again for reports whose task failed or was lost.
report_received: Hook[ReportReceived, None] = Hook("reports.report_received")


# What the reporter's tracking page shows of the decision on the report's case; answered by
# the cases app (which asks follow-up where each recommendation stands).
report_decisions: Hook[Report, list[PublicDecision]] = Hook("reports.report_decisions")


@dataclass(frozen=True)
class ReportMadeFinding:
    """Anonymous information was taken up as a finding (inside that write's transaction)."""

    report: Report
    actor: User


# Fired by ``findings.information_to_finding``; the cases app moves the case through its
# workflow (``to_finding``: refused once the office has decided) with a case audit entry.
# Required: the report must never change kind without its case.
report_made_finding: Hook[ReportMadeFinding, None] = Hook(
    "reports.report_made_finding", required=True
)


@dataclass(frozen=True)
class ReportPage:
    """A staff member opening a report's page (the report already scoped to them)."""

    actor: User
    report: Report


@dataclass(frozen=True)
class ReportSection:
    """A block an app above adds to the staff report page: ``template`` is included with
    ``section`` in its context."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


# Staff report (and finding) page: extra sections (triage: its suggestions), or None.
report_sections: Hook[ReportPage, ReportSection | None] = Hook("reports.report_sections")


@dataclass(frozen=True)
class ReporterMessaged:
    """The reporter wrote to the handlers through the tracking page (inside that write's
    transaction): the cases app tells the case's assignee, or its office."""

    report: Report


reporter_message_posted: Hook[ReporterMessaged, None] = Hook("reports.reporter_message_posted")


# Text staff search changed on a report (a reporter's message, a NIP filled in, information
# stepping forward), inside that write's transaction: the cases app refreshes the report's
# case in its search index (``netral.cases.search``).
report_text_changed: Hook[Report, None] = Hook("reports.report_text_changed")


@dataclass(frozen=True)
class ReportSteppedForward:
    """Anonymous information became a laporan: its reporter gave their identity within the
    reporting window (inside that write's transaction; ``at`` is when)."""

    report: Report
    at: datetime.datetime


# Fired by ``step_forward.information_step_forward``; the cases app makes the case a laporan
# case with a laporan's handling deadline (refused once the office has decided), audited.
# Required: the report must never change kind without its case.
report_stepped_forward: Hook[ReportSteppedForward, None] = Hook(
    "reports.report_stepped_forward", required=True
)


@dataclass(frozen=True)
class ReportForwardedToLapor:
    """Staff recorded that a report went to SP4N-LAPOR! (inside that write's transaction;
    ``first`` is False when only the tracking number was corrected)."""

    report: Report
    at: datetime.datetime
    first: bool


# Fired by ``lapor.report_forward_to_lapor``; partners records an event for its feed.
report_forwarded_to_lapor: Hook[ReportForwardedToLapor, None] = Hook(
    "reports.report_forwarded_to_lapor"
)
