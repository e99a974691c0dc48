"""The office inbox: scoped to the jurisdiction, nearest deadline first, filters, search and
a query count that does not grow with the number of cases."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.cases.models import Case, Status
from netral.cases.search import case_search_refresh
from netral.cases.selectors import case_inbox
from netral.cases.tests.factories import case_from_report

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def due_in(case: Case, hours: float | None) -> Case:
    due = None if hours is None else timezone.now() + datetime.timedelta(hours=hours)
    Case.objects.filter(pk=case.pk).update(due_at=due)
    case.refresh_from_db()
    return case


def test_nearest_deadline_first_and_scoped(make_user: MakeUser) -> None:
    later = due_in(case_from_report()[0], 48)
    none = due_in(case_from_report(anonymous=True, reporter=None)[0], None)
    sooner = due_in(case_from_report()[0], 2)
    overdue = due_in(case_from_report()[0], -5)
    aceh, _ = case_from_report(region="11.71", agency="Dinas Kesehatan Banda Aceh")

    bekasi_staff = make_user(Role.BAWASLU_STAFF, "32.75")
    got = list(case_inbox(actor=bekasi_staff))
    assert [c.pk for c in got] == [overdue.pk, sooner.pk, later.pk, none.pk]
    assert aceh.pk not in {c.pk for c in got}
    first = got[0]
    assert getattr(first, "first_reported_name") == "Drs. Bambang Wijaya"  # noqa: B009
    assert getattr(first, "first_agency") == "Dinas Pendidikan Kota Bekasi"  # noqa: B009

    province = make_user(Role.BAWASLU_STAFF, "32")
    assert {c.pk for c in case_inbox(actor=province)} >= {later.pk, sooner.pk, overdue.pk}
    aceh_staff = make_user(Role.BAWASLU_STAFF, "11.71")
    assert [c.pk for c in case_inbox(actor=aceh_staff)] == [aceh.pk]


def test_closed_and_merged_leave_the_inbox_unless_asked(make_user: MakeUser) -> None:
    open_case, _ = case_from_report()
    closed, _ = case_from_report()
    Case.objects.filter(pk=closed.pk).update(status=Status.CLOSED)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    assert [c.pk for c in case_inbox(actor=staff)] == [open_case.pk]
    assert [c.pk for c in case_inbox(actor=staff, status=Status.CLOSED)] == [closed.pk]


def test_filters_and_search(make_user: MakeUser) -> None:
    teacher, _ = case_from_report(reported_name="Siti Guru", agency="SMPN 5 Bekasi")
    nurse, _ = case_from_report(
        reported_name="Budi Perawat",
        agency="RSUD Kota Bekasi",
        chronology="Terlapor hadir dalam deklarasi pasangan calon memakai seragam dinas.",
    )
    Case.objects.filter(pk=nurse.pk).update(
        register_number="007/Reg/LP/PK/32.75/X/2024", violation_type="x_type"
    )
    case_search_refresh(case_ids=[nurse.pk])  # the update above bypassed the services
    staff = make_user(Role.BAWASLU_STAFF, "32.75")

    def found(**filters: Any) -> list[int]:
        return [c.pk for c in case_inbox(actor=staff, **filters)]

    assert found(q="siti") == [teacher.pk]
    assert found(q="rsud") == [nurse.pk]
    assert found(q="deklarasi") == [nurse.pk]
    assert found(q="007/Reg") == [nurse.pk]
    assert found(agency="SMPN") == [teacher.pk]
    assert found(violation_type="x_type") == [nurse.pk]
    assert found(q="tidak ada yang cocok") == []


def test_query_count_does_not_grow_with_cases(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case_from_report()

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            rows = list(case_inbox(actor=staff))
            for case in rows:
                _ = (case.office_region.name, case.election.name)
                _ = getattr(case, "first_reported_name")  # noqa: B009
        return len(queries)

    few = count()
    for _ in range(4):
        case_from_report()
    assert count() == few
