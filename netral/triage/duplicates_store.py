"""Keeping each report's duplicate signature (``netral.triage.duplicates``): computed by a task
after the report's intake commits (the ``report_received`` hook, in the post-intake task) and
by the backfill command.

Derived data only, no audit entry: it says nothing a report does not already say, and
``signatures_backfill`` rebuilds it at any time.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django_tasks import task

from netral.audit.services import audited
from netral.reports.hooks import ReportReceived
from netral.reports.models import Report
from netral.triage.duplicates import VERSION, Signature, pack
from netral.triage.models import ReportSignature, ReportSignatureKey

_FIELDS = ("pk", "reported_nip", "reported_name", "agency", "region_id", "event_date", "chronology")


def report_signature(report: Report) -> Signature:
    return Signature.of(
        text=report.chronology,
        nip=report.reported_nip,
        name=report.reported_name,
        agency=report.agency,
        region_code=report.region_id or "",
        event_date=report.event_date,
    )


def _rows(
    report: Report, now: datetime.datetime
) -> tuple[ReportSignature, list[ReportSignatureKey]]:
    sig = report_signature(report)
    row = ReportSignature(
        report_id=report.pk,
        version=VERSION,
        reported_nip=sig.nip,
        name_key=sig.name,
        agency_key=sig.agency,
        region_code=sig.region_code,
        event_date=sig.event_date,
        text_minhash=pack(sig.minhash),
        computed_at=now,
    )
    return row, [ReportSignatureKey(report_id=report.pk, key=k) for k in sig.lsh_keys()]


@audited
def signatures_store(*, reports: Iterable[Report]) -> int:
    """(Re)compute the signatures of ``reports``: old rows and keys go, new ones come in two
    bulk inserts. Returns how many were stored."""
    now = timezone.now()
    rows: list[ReportSignature] = []
    keys: list[ReportSignatureKey] = []
    for report in reports:
        row, report_keys = _rows(report, now)
        rows.append(row)
        keys.extend(report_keys)
    ids = [row.report_id for row in rows]
    ReportSignatureKey.objects.filter(report_id__in=ids).delete()
    ReportSignature.objects.filter(report_id__in=ids).delete()
    ReportSignature.objects.bulk_create(rows)
    ReportSignatureKey.objects.bulk_create(keys, batch_size=2000)
    return len(rows)


def signature_store(*, report_id: int) -> None:
    """One report's signature (a report deleted meanwhile is skipped)."""
    report = Report.objects.filter(pk=report_id).only(*_FIELDS).first()
    if report is not None:
        signatures_store(reports=[report])


@task()
def signature_store_task(*, report_id: int) -> None:
    # No longer queued (the post-intake task does it); kept so rows queued before still run.
    signature_store(report_id=report_id)


def on_report_received(event: ReportReceived) -> None:
    """``report_received`` handler: the signature is computed in the post-intake task, once
    the intake has committed, off the submitter's request; a failure there never undoes or
    refuses the report (``manage.py intake_replay`` or the backfill command catches up).
    Idempotent: the old rows go first."""
    signatures_store(reports=[event.report])


def signatures_backfill(*, batch: int = 1000, all_reports: bool = False) -> int:
    """Signatures for every report lacking a current one (``all_reports``: every report), in
    batches of ``batch`` by id, each in its own transaction. Returns how many were stored."""
    current = ReportSignature.objects.filter(version=VERSION).values("report_id")
    todo = Report.objects.all() if all_reports else Report.objects.exclude(pk__in=current)
    done, last = 0, 0
    while True:
        chunk = list(todo.filter(pk__gt=last).order_by("pk").only(*_FIELDS)[:batch])
        if not chunk:
            return done
        done += signatures_store(reports=chunk)
        last = chunk[-1].pk
