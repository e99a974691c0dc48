"""Reads for captured links: a report's capture jobs and their custody record."""

from __future__ import annotations

from dataclasses import dataclass

from netral.audit.models import AuditEntry
from netral.channels.models import CaptureJob
from netral.reports.models import Report

CUSTODY_ACTIONS = ("evidence.capture", "evidence.capture_failed", "evidence.capture_retry")


@dataclass(frozen=True)
class CaptureRecord:
    """What the staff report page shows: each link's job (with its three evidence files once
    captured) and the audit entries of the captures (the chain of custody)."""

    jobs: list[CaptureJob]
    entries: list[AuditEntry]


def capture_record(*, report: Report) -> CaptureRecord:
    """The report's capture jobs and custody entries (call with a report already scoped to
    the viewer). Three queries, however many links."""
    jobs = list(
        CaptureJob.objects.filter(report=report)
        .select_related("pdf", "png", "html")
        .order_by("created_at", "pk")
    )
    entries = (
        list(
            AuditEntry.objects.filter(
                object_type=Report._meta.label_lower,
                object_id=str(report.pk),
                action__in=CUSTODY_ACTIONS,
            ).order_by("seq")
        )
        if jobs
        else []
    )
    return CaptureRecord(jobs=jobs, entries=entries)
