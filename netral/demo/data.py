"""Loading the synthetic Pilkada Serentak 2024 demo data set (``make demo``).

Demo data is synthetic. The bulk rows planned by ``demo_plan`` are inserted directly with
``bulk_create``: no audit entries, no notifications, no real receipt codes (their digests are
unique markers starting with ``demo-`` that no code hashes to), no clarification records.
Only the few *tracking* reports go through the real intake (``report_submit``, audited), so
their receipt codes can be printed and tried on ``/lacak/``.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import ProtectedError

from netral.analytics.rollups import rollups_rebuild
from netral.audit.services import audited
from netral.cases.first_report import case_first_report_rebuild
from netral.cases.models import Case, RegisterCounter, Status
from netral.cases.search import case_search_rebuild
from netral.demo.accounts import demo_plenary_user
from netral.demo.alerts import demo_alerts_delete, demo_alerts_load
from netral.demo.appeals import demo_appeals_delete, demo_appeals_load
from netral.demo.commitments import demo_commitments_delete, demo_commitments_load
from netral.demo.followup import demo_followups_delete, demo_followups_load
from netral.demo.persons import demo_persons_delete, demo_persons_load
from netral.demo.plan import (
    DEMO_FLAG,
    DIGEST_PREFIX,
    TRACKING_FLAG,
    DemoRow,
    context_load,
    demo_plan,
    register_number,
)
from netral.demo.pledges import demo_pledges_delete, demo_pledges_load
from netral.demo.retention import demo_retention_delete, demo_retention_load
from netral.demo.warnings import demo_warnings_delete, demo_warnings_load
from netral.reports.forms import ReportForm
from netral.reports.models import Report, Reporter
from netral.reports.services import report_submit

BATCH = 500


@dataclass(frozen=True)
class TrackingCode:
    code: str  # the receipt code, to try on /lacak/ (never stored)
    status: str
    region: str


@dataclass(frozen=True)
class DemoSummary:
    reports: int
    cases: int
    reporters: int
    by_status: dict[str, int]
    tracking: list[TrackingCode]
    seconds: float
    recommendations: int = 0
    pledges: int = 0
    appeals: int = 0
    commitments: dict[str, int] = field(default_factory=dict)  # pacts, meetings, activities
    warnings: int = 0  # regions with an early warning on the demo day
    persons: int = 0  # reported civil servants in the person record
    notifications: int = 0  # demo staff's "assigned to you" notifications
    holds: int = 0  # closed demo cases under a legal hold (retention spares them)


def demo_data_loaded() -> bool:
    return Case.objects.filter(**{f"checklist__{DEMO_FLAG}": True}).exists()


@audited
def demo_data_load(*, seed: int = 2024, reports: int = 6000) -> DemoSummary:
    """Insert ``reports`` demo reports with their cases; a few through the real intake.

    Call on a database with the regions, elections and rulebook loaded, and without demo data
    (``demo_data_loaded``); the caller decides what to do when it is there.
    """
    started = time.monotonic()
    ctx = context_load()
    rows = demo_plan(ctx=ctx, seed=seed, total=reports)
    counters = _register_numbers_assign(rows)
    bulk = [row for row in rows if not row.tracking]
    Case.objects.bulk_create([r.case for r in bulk if r.merge_into is None], batch_size=BATCH)
    for row in bulk:
        row.case.merged_into = row.merge_into
    Case.objects.bulk_create([r.case for r in bulk if r.merge_into], batch_size=BATCH)
    for row in bulk:
        row.report.case = row.merge_into or row.case
        # Staff access follows the handling office (as reports.handling writes it live).
        row.report.handling_region_id = row.report.case.office_region_id
    Report.objects.bulk_create([r.report for r in bulk], batch_size=BATCH)
    reporters = [r.reporter for r in bulk if r.reporter is not None]
    Reporter.objects.bulk_create(reporters, batch_size=BATCH)
    _counters_save(counters)
    case_search_rebuild()  # the bulk rows bypassed the services that index cases
    case_first_report_rebuild()  # and those that store a case's first report
    tracking = [_tracking_submit(row) for row in rows if row.tracking]
    recommendations = demo_followups_load(seed=seed, issuer=demo_plenary_user())
    pledges = demo_pledges_load(seed=seed)
    appeals = demo_appeals_load(seed=seed, author=demo_plenary_user())
    commitments = demo_commitments_load(seed=seed)
    persons = demo_persons_load()
    notifications = demo_alerts_load()
    holds = demo_retention_load()
    rollups_rebuild()  # the bulk inserts above bypass the statistics' rollups
    # Last: the early warnings read the reports, follow-up and appeals loaded above.
    warnings = demo_warnings_load()
    return DemoSummary(
        recommendations=recommendations,
        pledges=pledges,
        appeals=appeals,
        commitments=commitments,
        warnings=warnings,
        persons=persons,
        notifications=notifications,
        holds=holds,
        reports=len(rows),
        cases=len(rows) + sum(1 for r in bulk if r.merge_into),
        reporters=len(reporters) + len(tracking),
        by_status=dict(Counter(str(row.case.status) for row in rows)),
        tracking=tracking,
        seconds=time.monotonic() - started,
    )


@audited
def demo_tracking_refresh(*, seed: int = 2024) -> list[TrackingCode]:
    """Replace the tracking reports with new ones and return their codes (codes are never
    stored, so a second ``make demo`` can only show new ones)."""
    _tracking_delete()
    ctx = context_load()
    rows = [r for r in demo_plan(ctx=ctx, seed=seed, total=2 * len(ctx.elections)) if r.tracking]
    _counters_save(_register_numbers_assign(rows))
    codes = [_tracking_submit(row) for row in rows]
    rollups_rebuild()  # the submissions' dates were moved by QuerySet.update
    return codes


@transaction.atomic
def demo_data_delete() -> int:
    """Delete every demo report and case; returns the number of reports deleted."""
    cases = Case.objects.filter(**{f"checklist__{DEMO_FLAG}": True})
    reports = Report.objects.filter(
        receipt_digest__startswith=DIGEST_PREFIX
    ) | Report.objects.filter(case__in=cases)
    deleted = reports.count()
    demo_alerts_delete()
    demo_followups_delete(cases=cases)
    demo_pledges_delete()
    demo_appeals_delete()
    demo_commitments_delete()
    demo_warnings_delete()
    demo_retention_delete(cases=cases)
    reports.delete()
    cases.filter(merged_into__isnull=False).delete()
    cases.delete()
    demo_persons_delete()
    return deleted


def _tracking_delete() -> None:
    """Delete the previous tracking reports, unless someone built on them in the demo (a
    case merged into one of them, a follow-up): then they stay beside the new ones."""
    cases = Case.objects.filter(**{f"checklist__{TRACKING_FLAG}": True})
    try:
        with transaction.atomic():
            Report.objects.filter(case__in=cases).delete()
            cases.delete()
    except ProtectedError:
        pass


Counters = tuple[dict[tuple[str, int, str], RegisterCounter], dict[tuple[str, int, str], int]]


def _register_numbers_assign(rows: Sequence[DemoRow]) -> Counters:
    """Number the registered cases in order of registration, after the numbers already
    issued (so the real service goes on without collisions)."""
    existing = {
        (c.office_region_id, c.year, c.origin): c
        for c in RegisterCounter.objects.select_for_update()
    }
    last = {key: c.last for key, c in existing.items()}
    registered = [r.case for r in rows if r.case.registered_at is not None]
    for case in sorted(registered, key=lambda c: c.registered_at or c.received_at):
        assert case.registered_at is not None
        key = (case.office_region_id, case.registered_at.year, case.origin)
        last[key] = last.get(key, 0) + 1
        case.register_number = register_number(number=last[key], case=case, at=case.registered_at)
    return existing, last


def _counters_save(counters: Counters) -> None:
    existing, last = counters
    changed = [c for key, c in existing.items() if c.last != last[key]]
    for counter in changed:
        counter.last = last[(counter.office_region_id, counter.year, counter.origin)]
    RegisterCounter.objects.bulk_update(changed, ["last"])
    RegisterCounter.objects.bulk_create(
        RegisterCounter(office_region_id=key[0], year=key[1], origin=key[2], last=n)
        for key, n in last.items()
        if key not in existing
    )


CASE_FIELDS = (
    "status",
    "received_at",
    "registered_at",
    "register_number",
    "decided_at",
    "announced_at",
    "closed_at",
    "finished_at",
    "due_at",
    "extended",
    "extension_reason",
    "completion_due_at",
    "checklist",
    "not_registered_reason",
    "study_facts",
    "study_analysis",
    "study_conclusion",
    "verdicts",
    "decision_reason",
    "public_summary",
)


def _tracking_submit(row: DemoRow) -> TrackingCode:
    """Submit a planned row through the real intake, then move its case to the planned step
    and date (the intake stamps today; the demo lives in 2024)."""
    planned, reporter = row.report, row.reporter
    assert reporter is not None
    form = ReportForm(
        {
            "region": planned.region_id,
            "election": planned.election_id,
            "location": planned.location,
            "reported_name": planned.reported_name,
            "reported_nip": planned.reported_nip,
            "agency": planned.agency,
            "position": planned.position,
            "position_class": planned.position_class,
            "violation_type": planned.violation_type,
            "chronology": planned.chronology,
            "event_date": planned.event_date.isoformat(),
            "known_date": planned.known_date.isoformat(),
            "candidate_pair": planned.candidate_pair,
            "links": "\n".join(planned.links),
            "reporter_name": reporter.name,
            "reporter_nik": reporter.nik,
            "reporter_address": reporter.address,
            "reporter_phone": reporter.phone,
        }
    )
    if not form.is_valid():  # pragma: no cover - the plan makes valid rows
        raise RuntimeError(f"demo tracking report invalid: {form.errors.as_json()}")
    result = report_submit(form=form, files=[], channel="web")
    Report.objects.filter(pk=result.report.pk).update(
        submitted_at=planned.submitted_at, late=planned.late
    )
    case = Case.objects.get(reports=result.report)
    for name in CASE_FIELDS:
        setattr(case, name, getattr(row.case, name))
    case.checklist = {**case.checklist, TRACKING_FLAG: True}
    case.save(update_fields=list(CASE_FIELDS))
    return TrackingCode(
        code=result.receipt_code,
        status=str(Status(case.status).label),
        region=planned.region.name,
    )
