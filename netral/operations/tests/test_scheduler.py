"""The scheduler: each job's slot runs once, on the domain clock, across processes."""

from __future__ import annotations

import datetime
import io
import threading
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection

from netral.accounts.models import Role
from netral.common import schedule
from netral.operations.models import JobRun
from netral.operations.scheduler import scheduler_tick

WIB = ZoneInfo("Asia/Jakarta")


class Counter:
    def __init__(self) -> None:
        self.calls = 0
        self.lock = threading.Lock()

    def __call__(self) -> str:
        with self.lock:
            self.calls += 1
        return f"call {self.calls}"


def _at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2024, 11, day, hour, minute, tzinfo=WIB)


@pytest.mark.django_db
def test_an_hourly_job_runs_once_per_hour() -> None:
    counter = Counter()
    with schedule.replaced(schedule.Job("t.hourly", counter, every=datetime.timedelta(hours=1))):
        assert [r.result for r in scheduler_tick(now=_at(10, 9, 5))] == ["call 1"]
        assert scheduler_tick(now=_at(10, 9, 50)) == []
        assert [r.outcome for r in scheduler_tick(now=_at(10, 10, 0))] == ["ok"]
    assert counter.calls == 2
    assert sorted(JobRun.objects.values_list("slot", flat=True)) == [_at(10, 9), _at(10, 10)]


@pytest.mark.django_db
def test_a_daily_job_runs_at_its_time_and_catches_up_a_missed_day_once() -> None:
    counter = Counter()
    with schedule.replaced(schedule.Job("t.daily", counter, at=datetime.time(7, 0))):
        # First start before 07:00: yesterday's run never happened, it is made up once.
        assert [r.slot for r in scheduler_tick(now=_at(10, 6, 59))] == [_at(9, 7)]
        assert (
            scheduler_tick(
                now=_at(
                    10,
                    6,
                    59,
                )
            )
            == []
        )
        assert [r.slot for r in scheduler_tick(now=_at(10, 7, 0))] == [_at(10, 7)]
        assert scheduler_tick(now=_at(10, 23, 0)) == []
    assert counter.calls == 2


@pytest.mark.django_db
def test_the_domain_clock_decides_the_slot(settings: Any) -> None:
    settings.DEBUG = True
    settings.NETRAL_DEMO_TODAY = datetime.date(2024, 11, 10)
    with schedule.replaced(schedule.Job("t.daily", Counter(), at=datetime.time(0, 0))):
        (run,) = scheduler_tick()
    assert run.slot.astimezone(WIB).date() in {datetime.date(2024, 11, 10)}


@pytest.mark.django_db
def test_a_failing_job_is_recorded_and_the_others_still_run() -> None:
    def broken() -> None:
        raise RuntimeError("SMTP menolak")

    counter = Counter()
    jobs = (
        schedule.Job("a.broken", broken, at=datetime.time(7, 0)),
        schedule.Job("b.fine", counter, at=datetime.time(7, 0)),
    )
    with schedule.replaced(*jobs):
        runs = scheduler_tick(now=_at(10, 8))
    assert [(r.job, r.outcome) for r in runs] == [("a.broken", "failed"), ("b.fine", "ok")]
    failed = JobRun.objects.get(job="a.broken")
    assert "SMTP menolak" in failed.error and failed.finished_at is not None


@pytest.mark.django_db(transaction=True)
def test_several_schedulers_at_once_run_each_slot_once() -> None:
    counter = Counter()
    barrier = threading.Barrier(4)

    def scheduler() -> None:
        try:
            barrier.wait(timeout=10)
            scheduler_tick(now=_at(10, 9, 30))
        finally:
            connection.close()

    with schedule.replaced(schedule.Job("t.hourly", counter, every=datetime.timedelta(hours=1))):
        threads = [threading.Thread(target=scheduler) for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    assert counter.calls == 1
    assert JobRun.objects.filter(job="t.hourly").count() == 1


def test_every_periodic_job_of_the_apps_is_registered() -> None:
    names = {job.name for job in schedule.jobs()}
    assert {
        "cases.deadline_digest",
        "followup.flag_overdue",
        "prevention.early_warnings",
        "prevention.appeal_reminders",
        "documents.render_pending",
        "common.storage_check",
        "operations.retention_warnings",
        "operations.retention",
    } <= names


def test_a_job_needs_one_schedule() -> None:
    with pytest.raises(ValueError):
        schedule.register("t.none", Counter())
    with pytest.raises(ValueError):
        schedule.register("t.fast", Counter(), every=datetime.timedelta(seconds=5))


@pytest.mark.django_db
def test_the_command_runs_due_jobs_once_and_prints_them() -> None:
    out = io.StringIO()
    with schedule.replaced(schedule.Job("t.daily", Counter(), at=datetime.time(0, 0))):
        call_command("scheduler", "--once", stdout=out)
        call_command("scheduler", "--once", stdout=out)
    assert out.getvalue().count("t.daily") == 1 and "ok: call 1" in out.getvalue()


@pytest.mark.django_db
def test_administrators_see_the_last_runs_read_only(sign_in: Any) -> None:
    with schedule.replaced(schedule.Job("t.daily", Counter(), at=datetime.time(0, 0))):
        scheduler_tick()
    client, _ = sign_in(Role.ADMIN)
    page = client.get("/admin/operations/jobrun/")
    assert page.status_code == 200 and b"t.daily" in page.content
    run = JobRun.objects.get()
    delete = client.post(f"/admin/operations/jobrun/{run.pk}/delete/", {"post": "yes"})
    assert delete.status_code == 403
    staff, _ = sign_in(Role.BAWASLU_LEADER)
    assert staff.get("/admin/operations/jobrun/").status_code in (302, 403)
