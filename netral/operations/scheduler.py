"""Running the periodic jobs of ``common.schedule`` once per slot, across processes.

``scheduler_tick`` claims each job's current slot by inserting its unique ``JobRun`` row in a
transaction of its own; a second scheduler inserting the same row gets an IntegrityError and
skips the slot. The claim commits before the job runs, so a job never runs inside the
claim's transaction and a failing job cannot undo its claim.
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
import traceback

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from netral.common import clock, schedule
from netral.operations.models import JobRun

log = logging.getLogger(__name__)

RESULT_MAX = 300
ERROR_MAX = 4000


def _runner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:200]


def _claim(job: schedule.Job, slot: datetime.datetime) -> JobRun | None:
    """The new run of ``job`` for ``slot``, or None when another process claimed it."""
    try:
        with transaction.atomic():
            return JobRun.objects.create(
                job=job.name, slot=slot, started_at=timezone.now(), runner=_runner()
            )
    except IntegrityError:
        return None


def _execute(job: schedule.Job, run: JobRun) -> JobRun:
    try:
        value = job.run()
    except Exception as error:  # a job's failure is recorded, the scheduler carries on
        log.exception("periodic job %s failed", job.name)
        run.outcome = JobRun.Outcome.FAILED
        run.error = "".join(traceback.format_exception_only(error)).strip()[:ERROR_MAX]
    else:
        run.outcome = JobRun.Outcome.OK
        run.result = ("" if value is None else str(value))[:RESULT_MAX]
    run.finished_at = timezone.now()
    run.save(update_fields=["outcome", "result", "error", "finished_at"])
    return run


def scheduler_tick(*, now: datetime.datetime | None = None) -> list[JobRun]:
    """Run every job whose current slot no process has claimed yet; return those runs.

    ``now`` is domain time (default: ``clock.now()``)."""
    at = now or clock.now()
    done = []
    for job in schedule.jobs():
        run = _claim(job, job.slot(at))
        if run is not None:
            done.append(_execute(job, run))
    return done


def job_runs_latest() -> QuerySet[JobRun]:
    """The runs, newest first (administrators read them in the back office)."""
    return JobRun.objects.order_by("-started_at", "-pk")
