"""Issue #13 item 4: the inbox sorted by reported person or agency is an index scan on
PostgreSQL (EXPLAIN), nationally and for one office, either way round: the stored first
report's indexes give the order, no sort of every case. A few thousand cases over several
offices and fresh statistics, so the plan is the one a real table gets."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.utils import timezone

from netral.accounts.models import Role
from netral.cases.inbox_sort import inbox_sort_parse, inbox_sorted
from netral.cases.models import Case
from netral.cases.selectors import case_inbox
from netral.elections.models import Election

pytestmark = [
    pytest.mark.usefixtures("elections"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans: PostgreSQL only"),
]
PAGE = 50


@pytest.fixture
def spread_cases(db: Any) -> None:
    """3,000 cases over 30 regencies' offices, two thirds in the first one, their first
    report's name and agency stored."""
    elections = list(Election.objects.filter(region__parent__isnull=False).order_by("pk")[:30])
    now = timezone.now()
    Case.objects.bulk_create(
        (
            Case(
                origin="laporan",
                office_region_id=str(elections[0 if i % 3 else i % 30].region_id),
                election=elections[0 if i % 3 else i % 30],
                received_at=now,
                first_reported_name=f"Nama {i * 7919 % 3000:05d}",
                first_agency=f"Dinas {i % 97}",
            )
            for i in range(3000)
        ),
        batch_size=1000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE cases_case")


def _plan(actor: Any, urut: str) -> str:
    cases = inbox_sorted(case_inbox(actor=actor), inbox_sort_parse(urut))
    return cases[:PAGE].explain()


@pytest.mark.usefixtures("spread_cases")
@pytest.mark.parametrize(
    ("urut", "index"),
    [
        ("terlapor", "case_name"),
        ("-terlapor", "case_name"),
        ("instansi", "case_agency"),
        ("-instansi", "case_agency"),
    ],
)
def test_the_national_inbox_sorts_by_index(make_user: Any, urut: str, index: str) -> None:
    leader = make_user(Role.BAWASLU_LEADER)
    explained = _plan(leader, urut)
    assert f"Index Scan Backward using {index} " in explained or (
        f"Index Scan using {index} " in explained
    ), explained
    assert "Seq Scan on cases_case" not in explained, explained


@pytest.mark.usefixtures("spread_cases")
@pytest.mark.parametrize(
    ("urut", "index"), [("-terlapor", "case_office_name"), ("instansi", "case_office_agency")]
)
def test_an_office_inbox_sorts_by_its_index(make_user: Any, urut: str, index: str) -> None:
    office = Election.objects.filter(region__parent__isnull=False).order_by("pk")[0].region_id
    staff = make_user(Role.BAWASLU_STAFF, office)
    explained = _plan(staff, urut)
    assert index in explained, explained
    assert "Seq Scan on cases_case" not in explained, explained
