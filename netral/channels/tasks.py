"""Background work of the channels: capturing links given as evidence."""

from __future__ import annotations

from django_tasks import task

from netral.channels.capture import capture_attempt


@task()
def capture_run(*, job_id: int) -> str:
    """One attempt at capturing job ``job_id``; returns the job's status afterwards."""
    job = capture_attempt(job_id=job_id)
    return "not due" if job is None else job.status
