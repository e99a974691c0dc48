"""Captured social-media posts (issue #15 item 3): every link given as evidence, by a
reporter on the form or the API, by WhatsApp or e-mail, or by a patrol recording a finding,
is captured in the background as PDF, PNG and HTML and sealed as evidence of the report
(``netral.reports.captured``).

A job per link is created in the intake's transaction (``report_submitted``) and its first
attempt enqueued after the commit. An attempt takes a lease on the job, fetches the page
outside any transaction (``capture_fetch``) and stores the result; a failure is retried with
back-off (``BACKOFF``) by the scheduler's ``channels.capture_due`` job, up to
``MAX_ATTEMPTS``, then the job is failed with its last error, shown on the staff report page,
where staff who may (``evidence.capture_retry``) start it again.
"""

from __future__ import annotations

import datetime
import logging
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_deferred, audit_record, audited
from netral.channels.capture_fetch import MAX_URL, CaptureFailed, capture_page
from netral.channels.models import CaptureJob
from netral.common.errors import ApplicationError, NotFound
from netral.reports.captured import evidence_capture_store
from netral.reports.evidence import EvidenceRejected
from netral.reports.hooks import ReportSubmitted
from netral.reports.selectors import report_get_for

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 4
# Wait before attempt 2, 3, 4 (a post the ASN deletes the next morning: retry soon).
BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=10),
    datetime.timedelta(hours=1),
)
# An attempt's lease: a worker that dies mid-attempt leaves the job due again after this.
LEASE = datetime.timedelta(minutes=5)
DUE_BATCH = 50

JOB_NOT_FOUND = gettext_noop("Penangkapan tautan tidak ditemukan.")
NOT_FAILED = gettext_noop("Hanya penangkapan yang gagal yang dapat diulang.")
UNEXPECTED = "Kesalahan tak terduga saat menangkap halaman."


def _now() -> datetime.datetime:
    """Real time (a custody fact, like the audit trail's), one place so tests can move it."""
    return timezone.now()


def capture_enabled() -> bool:
    return bool(getattr(settings, "NETRAL_CAPTURE_ENABLED", True))


def _enqueue(job_id: int) -> None:
    from netral.channels.tasks import capture_run

    capture_run.enqueue(job_id=job_id)


def on_report_submitted(event: ReportSubmitted) -> None:
    """``report_submitted`` handler: one job per distinct link (inside the intake's
    transaction, so a stored report always has its jobs); first attempts after the commit
    (``robust``: a queue hiccup never undoes the report; the scheduler picks the job up)."""
    if not capture_enabled():
        return
    links = list(dict.fromkeys(str(link) for link in event.report.links or []))
    urls = [url for url in links if url.startswith(("http://", "https://")) and len(url) <= MAX_URL]
    if not urls:
        return
    now = _now()
    jobs = CaptureJob.objects.bulk_create(
        [
            CaptureJob(report=event.report, url=url, created_at=now, next_attempt_at=now)
            for url in urls
        ]
    )
    for job in jobs:
        transaction.on_commit(partial(_enqueue, job.pk), robust=True)


def _lease(job_id: int, now: datetime.datetime) -> CaptureJob | None:
    """Take the job for one attempt, or None when it is not due (captured, failed, or
    another worker holds it)."""
    with transaction.atomic():
        job = CaptureJob.objects.select_for_update(of=("self",)).filter(pk=job_id).first()
        if job is None or job.status != CaptureJob.Status.PENDING:
            return None
        if job.next_attempt_at is not None and job.next_attempt_at > now:
            return None
        job.attempts += 1
        job.next_attempt_at = now + LEASE
        job.save(update_fields=["attempts", "next_attempt_at"])
        return job


def capture_attempt(*, job_id: int) -> CaptureJob | None:
    """One attempt at job ``job_id`` (the task's body). Returns the job as it is afterwards,
    or None when it was not due."""
    job = _lease(job_id, _now())
    if job is None:
        return None
    try:
        snapshot = capture_page(job.url)  # outside any transaction: it takes seconds
        with transaction.atomic(), audit_deferred():
            captured_at = _now()
            pdf, png, html = evidence_capture_store(
                report_id=job.report_id, snapshot=snapshot, captured_at=captured_at
            )
            job.status = CaptureJob.Status.CAPTURED
            job.captured_at = captured_at
            job.next_attempt_at = None
            job.last_error = ""
            job.pdf, job.png, job.html = pdf, png, html
            job.save(
                update_fields=[
                    "status",
                    "captured_at",
                    "next_attempt_at",
                    "last_error",
                    "pdf",
                    "png",
                    "html",
                ]
            )
        return job
    except (CaptureFailed, EvidenceRejected) as error:
        return _failed(job, str(error))
    except Exception:  # a bug or a browser crash: recorded, retried like any failure
        logger.exception("capture of job %s failed", job.pk)
        return _failed(job, UNEXPECTED)


def _failed(job: CaptureJob, message: str) -> CaptureJob:
    now = _now()
    with transaction.atomic(), audit_deferred():
        job.last_error = message[:500]
        if job.attempts >= MAX_ATTEMPTS:
            job.status = CaptureJob.Status.FAILED
            job.next_attempt_at = None
            audit_record(
                actor=None,
                action="evidence.capture_failed",
                obj=job.report,
                after={"url": job.url, "attempts": job.attempts, "error": job.last_error},
            )
        else:
            job.next_attempt_at = now + BACKOFF[min(job.attempts, len(BACKOFF)) - 1]
        job.save(update_fields=["status", "next_attempt_at", "last_error"])
    return job


def capture_due() -> int:
    """Enqueue an attempt for every pending job that is due (the scheduler's job, every
    minute). Returns how many were enqueued; an attempt not due any more does nothing."""
    now = _now()
    due = list(
        CaptureJob.objects.filter(status=CaptureJob.Status.PENDING, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:DUE_BATCH]
    )
    for job_id in due:
        _enqueue(job_id)
    return len(due)


@audited
def capture_retry(*, actor: User, report_public_id: str, job_id: int) -> CaptureJob:
    """Start a failed capture again (attempts counted afresh). Outside the jurisdiction:
    NotFound; without ``evidence.capture_retry``: PermissionDenied."""
    report = report_get_for(actor=actor, public_id=report_public_id)
    require(actor, "evidence.capture_retry", report)
    job = (
        CaptureJob.objects.select_for_update(of=("self",)).filter(report=report, pk=job_id).first()
    )
    if job is None:
        raise NotFound(_(JOB_NOT_FOUND))
    if job.status != CaptureJob.Status.FAILED:
        raise ApplicationError(_(NOT_FAILED))
    before = {"status": job.status, "attempts": job.attempts, "error": job.last_error}
    job.status = CaptureJob.Status.PENDING
    job.attempts = 0
    job.next_attempt_at = _now()
    job.save(update_fields=["status", "attempts", "next_attempt_at"])
    audit_record(
        actor=actor,
        action="evidence.capture_retry",
        obj=report,
        before=before,
        after={"url": job.url, "status": job.status, "job": job.pk},
    )
    transaction.on_commit(partial(_enqueue, job.pk), robust=True)
    return job
