"""The registry of periodic jobs: what runs every day or every hour, without cron.

Each app declares its own jobs in a ``jobs`` module (found the first time the registry is
read, as ``documents`` finds ``document_kinds``): ``register(name, run, at=...)`` for a daily
job at a time of day (the project's time zone, Asia/Jakarta), ``every=...`` for one that
repeats. ``manage.py scheduler`` (``netral.operations``) runs them; it lives above every app,
this registry below them, so no app imports the scheduler and the scheduler imports no app.

A job's *slot* is the latest instant it was due at, on the domain clock
(``netral.common.clock``): the scheduler runs each (job, slot) once, however many scheduler
processes there are, and a slot missed while no scheduler ran is caught up once.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.module_loading import autodiscover_modules

JOB_CLASH = "Periodic job {name!r} is already registered differently."
JOB_WHEN = "Periodic job {name!r} needs exactly one of every= or at=."
JOB_EVERY = "Periodic job {name!r} must repeat at least every minute."
# Slots of ``every`` jobs count from this instant, so every process agrees on them.
_EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    run: Callable[[], object]
    every: datetime.timedelta | None = None
    at: datetime.time | None = None
    summary: str = ""

    def slot(self, now: datetime.datetime) -> datetime.datetime:
        """The latest instant at or before ``now`` (aware) the job was due at."""
        if self.every is not None:
            return _EPOCH + ((now - _EPOCH) // self.every) * self.every
        assert self.at is not None
        zone = ZoneInfo(settings.TIME_ZONE)
        local = now.astimezone(zone)
        due = datetime.datetime.combine(local.date(), self.at, tzinfo=zone)
        if due > local:
            due = datetime.datetime.combine(
                local.date() - datetime.timedelta(days=1), self.at, tzinfo=zone
            )
        return due

    @property
    def when(self) -> str:
        """``"daily 07:00"`` or ``"every 1:00:00"``, for listings."""
        if self.at is not None:
            return f"daily {self.at:%H:%M}"
        return f"every {self.every}"


_JOBS: dict[str, Job] = {}
_discovered = False


def register(
    name: str,
    run: Callable[[], object],
    *,
    every: datetime.timedelta | None = None,
    at: datetime.time | None = None,
    summary: str = "",
) -> Job:
    """Declare a periodic job (from an app's ``jobs`` module). ``run`` takes no arguments; what
    it returns is shown as the run's result."""
    if (every is None) == (at is None):
        raise ValueError(JOB_WHEN.format(name=name))
    if every is not None and every < datetime.timedelta(minutes=1):
        raise ValueError(JOB_EVERY.format(name=name))
    job = Job(name=name, run=run, every=every, at=at, summary=summary)
    known = _JOBS.setdefault(name, job)
    if known != job:
        raise ValueError(JOB_CLASH.format(name=name))
    return job


def jobs() -> list[Job]:
    """Every registered job, by name."""
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("jobs")
    return [_JOBS[name] for name in sorted(_JOBS)]


@contextmanager
def replaced(*replacement: Job) -> Iterator[None]:
    """Tests: the registry holds only ``replacement`` inside the block."""
    jobs()  # discover first, so the real ones come back afterwards
    saved = dict(_JOBS)
    _JOBS.clear()
    _JOBS.update({job.name: job for job in replacement})
    try:
        yield
    finally:
        _JOBS.clear()
        _JOBS.update(saved)
