"""A reporter steps forward: anonymous information becomes a laporan within the reporting
window, its identity encrypted like every identity, audited without it; refused plainly
outside the window, for what is not information, and once the office has decided."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.db import connection

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report
from netral.common import clock
from netral.common.errors import ApplicationError
from netral.reports.models import Report, Reporter
from netral.reports.step_forward import information_step_forward, step_forward_window

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]
IDENTITY = {
    "name": "Sulastri Handayani",
    "nik": "3275015703900001",
    "address": "Jl. Cempaka 4, Bekasi",
    "phone": "081311112222",
    "email": "sulastri@example.org",
}


def information(known_days_ago: int = 1) -> tuple[Case, Report]:
    today = clock.today()
    case, _ = case_from_report(
        anonymous=True,
        reporter=None,
        event_date=str(today - datetime.timedelta(days=known_days_ago + 1)),
        known_date=str(today - datetime.timedelta(days=known_days_ago)),
    )
    return case, Report.objects.get(case=case)


def test_information_becomes_a_report_with_its_identity_encrypted() -> None:
    case, report = information()
    assert (case.origin, case.due_at) == ("informasi", None)
    information_step_forward(report_id=report.pk, **IDENTITY)

    report.refresh_from_db()
    case.refresh_from_db()
    assert report.kind == Report.Kind.LAPORAN
    assert report.stepped_forward_at is not None
    assert case.origin == "laporan"
    assert case.due_at is not None and case.due_at > report.stepped_forward_at  # a laporan's
    reporter = Reporter.objects.get(report=report)
    assert (reporter.name, reporter.nik, reporter.email) == (
        IDENTITY["name"],
        IDENTITY["nik"],
        IDENTITY["email"],
    )
    with connection.cursor() as cursor:  # stored encrypted, as the report form stores it
        cursor.execute("SELECT name, nik, email FROM reports_reporter")
        raw = " ".join(str(v) for v in cursor.fetchone())
    for value in IDENTITY.values():
        assert value not in raw
    entries = {
        e.action: e
        for e in AuditEntry.objects.filter(action__in=["report.step_forward", "case.to_report"])
    }
    assert set(entries) == {"report.step_forward", "case.to_report"}
    trail = str([(e.before, e.after) for e in entries.values()])
    for value in IDENTITY.values():
        assert value not in trail


def test_outside_the_window_it_says_so_and_stores_nothing() -> None:
    _, report = information(known_days_ago=30)  # Pilkada: 7 days from when it was known
    window = step_forward_window(report=report)
    assert not window.open
    assert window.last_day == report.known_date + datetime.timedelta(days=7)
    with pytest.raises(ApplicationError) as refused:
        information_step_forward(report_id=report.pk, **IDENTITY)
    assert "Batas waktu pelaporan sudah lewat" in refused.value.message
    assert window.last_day.strftime("%d-%m-%Y") in refused.value.message
    report.refresh_from_db()
    assert report.kind == Report.Kind.INFORMASI
    assert not Reporter.objects.filter(report=report).exists()
    assert not AuditEntry.objects.filter(action="report.step_forward").exists()


def test_the_last_day_of_the_window_is_still_inside() -> None:
    _, report = information(known_days_ago=7)
    assert step_forward_window(report=report).open
    information_step_forward(report_id=report.pk, **IDENTITY)


def test_only_information_steps_forward() -> None:
    case, _ = case_from_report()  # a laporan: it has its identity already
    report = Report.objects.get(case=case)
    with pytest.raises(ApplicationError):
        information_step_forward(report_id=report.pk, **IDENTITY)
    assert Reporter.objects.filter(report=report).count() == 1


def test_refused_once_the_office_has_decided() -> None:
    case, report = information()
    Case.objects.filter(pk=case.pk).update(status=Status.DECIDED)
    with pytest.raises(ApplicationError) as refused:
        information_step_forward(report_id=report.pk, **IDENTITY)
    assert "tidak dapat lagi menjadi laporan resmi" in refused.value.message
    report.refresh_from_db()
    assert report.kind == Report.Kind.INFORMASI  # undone with the case's refusal
    assert not Reporter.objects.filter(report=report).exists()


def test_the_new_report_is_found_by_staff_but_its_identity_is_not(make_user: MakeUser) -> None:
    from netral.cases.selectors import case_inbox

    case, report = information()
    information_step_forward(report_id=report.pk, **IDENTITY)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    assert case.pk in {c.pk for c in case_inbox(actor=staff, q="bambang")}
    assert list(case_inbox(actor=staff, q="sulastri")) == []
