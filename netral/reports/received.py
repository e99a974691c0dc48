"""The work that follows a report's intake, off the submitter's request (issue #13 item 3).

Intake stores, in its transaction, what the receipt acknowledges: the report, its reporter,
evidence and case, the rollup deltas and the audit entries. Everything derived from them that
staff or partners read a moment later (the case's search document, the office's "new case"
alert, the person record, the duplicate signature, the partner event) is done by ONE task,
``report_received_task``, queued inside that same transaction (its row commits with the
report, or not at all) and run by ``manage.py db_worker``: it fires ``report_received`` with
the report as committed, every handler in one transaction of its own, then queues the
reporter's notice. With the test suite's immediate backend the task runs in the request, so
tests see the derived rows at once.

Derived data may lag by the worker's delay; it is never lost: a task that failed is left as a
failed row, and ``manage.py intake_replay`` (``--failed``, or ``--since`` a time) fires the
hook again. Every handler is idempotent (or checks when ``replay`` is set).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django_tasks import task

from netral.audit.services import audit_deferred
from netral.reports.hooks import ReportReceived, report_received
from netral.reports.models import Report
from netral.reports.tasks import notify_reporter

TASK_PATH = "netral.reports.received.report_received_task"
REPLAY_BATCH = 500


def report_received_enqueue(*, report: Report, notify: bool) -> None:
    """Queue the post-intake task (call inside the intake's transaction, after
    ``report_submitted``): one row, committed with the report. ``notify``: the reporter's
    contact address hears that the report arrived, once the task has run."""
    report_received_task.enqueue(report_id=report.pk, notify=notify)


def _reports(ids: Iterable[int]) -> list[Report]:
    return list(
        Report.objects.select_related(
            "case", "case__office_region", "region", "election__cycle"
        ).filter(pk__in=list(ids))
    )


def _fire(report: Report, *, replay: bool) -> None:
    """The handlers in one transaction, their audit entries appended last."""
    with transaction.atomic(), audit_deferred():
        report_received.fire(
            ReportReceived(report=report, actor_id=report.created_by_id, replay=replay)
        )


def report_received_run(*, report_id: int) -> bool:
    """Fire ``report_received`` for one report. False when the report is gone (deleted
    meanwhile)."""
    found = _reports([report_id])
    if found:
        _fire(found[0], replay=False)
    return bool(found)


@task()
def report_received_task(*, report_id: int, notify: bool = False) -> bool:
    done = report_received_run(report_id=report_id)
    if done and notify:
        # Last: a mail that fails must not undo the derived rows (its own task, as before).
        transaction.on_commit(
            lambda: notify_reporter.enqueue(report_id=report_id, event="received"), robust=True
        )
    return done


def failed_report_ids() -> list[int]:
    """Reports whose post-intake task is recorded as failed (``django_tasks_db``)."""
    from django_tasks_db.models import DBTaskResult

    rows = DBTaskResult.objects.filter(task_path=TASK_PATH, status="FAILED").values_list(
        "args_kwargs", flat=True
    )
    return sorted({int(row["kwargs"]["report_id"]) for row in rows})


def intake_replay(*, report_ids: Iterable[int] = (), since: datetime.datetime | None = None) -> int:
    """Fire ``report_received`` again (``replay``) for ``report_ids`` and for every report
    submitted at or after ``since``, in batches by id, each report in its own transaction.
    Returns how many reports were replayed. No reporter notice is sent again."""
    ids = set(report_ids)
    if since is not None:
        ids.update(Report.objects.filter(submitted_at__gte=since).values_list("pk", flat=True))
    ordered = sorted(ids)
    done = 0
    for start in range(0, len(ordered), REPLAY_BATCH):
        for report in _reports(ordered[start : start + REPLAY_BATCH]):
            _fire(report, replay=True)
            done += 1
    return done
