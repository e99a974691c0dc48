"""Compliance is aggregated by the database (issue #13 item 2): the number of queries stays
the same however many recommendations are visible, and the days from decision to decree
count from the decision's local day, as before."""

from __future__ import annotations

import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netral.accounts.models import Role
from netral.cases.models import Case
from netral.followup.models import RecStatus, Sanction
from netral.followup.selectors import compliance, compliance_total
from netral.followup.tests.factories import bare_decided_case, bkn_recommendation

pytestmark = pytest.mark.usefixtures("elections")

JAKARTA = ZoneInfo("Asia/Jakarta")
# 00:30 in Jakarta is the evening before in UTC: the local day is the one that counts.
DECIDED = datetime.datetime(2024, 10, 2, 0, 30, tzinfo=JAKARTA)
REGIONS = ["32.75", "32.76", "32.01", None]
STATUSES = [RecStatus.SANCTIONED, RecStatus.NOT_IMPOSED, RecStatus.ASSESSED, RecStatus.ISSUED]


def _add(case: Case, recorder: Any, count: int, start: int) -> None:
    now = timezone.now()
    for i in range(start, start + count):
        status = STATUSES[i % len(STATUSES)]
        rec = bkn_recommendation(
            case,
            number=f"Q-{i}",
            issued_at=now,
            issued_by=recorder,
            status=status,
            ppk_region_id=REGIONS[i % len(REGIONS)],
            subject_agency=f"Dinas {i % 3}",
            due_at=now + datetime.timedelta(days=-1 if i % 2 else 3)
            if status == RecStatus.ASSESSED
            else None,
        )
        if status in (RecStatus.SANCTIONED, RecStatus.NOT_IMPOSED):
            Sanction.objects.create(
                recommendation=rec,
                imposed=status == RecStatus.SANCTIONED,
                decree_date=DECIDED.date() + datetime.timedelta(days=i),
                recorded_by=recorder,
                recorded_at=now,
            )


def _queries(**kwargs: Any) -> tuple[int, list[Any]]:
    """How many queries ``compliance`` ran (each one aggregating in the database: a query
    that fetched every recommendation would grow with them in rows, not in number)."""
    with CaptureQueriesContext(connection) as queries:
        rows = compliance(actor=None, **kwargs)
    assert all("GROUP BY" in q["sql"] for q in queries.captured_queries), queries.captured_queries
    return len(queries.captured_queries), rows


def test_queries_do_not_grow_with_the_recommendations(make_user: Any) -> None:
    case = bare_decided_case(make_user)
    Case.objects.filter(pk=case.pk).update(decided_at=DECIDED)
    recorder = make_user(Role.PPK_OFFICE, "32.75")
    _add(case, recorder, 4, 0)
    few = {by: _queries(by=by)[0] for by in ("region", "agency")}
    _add(case, recorder, 36, 4)
    for by in ("region", "agency"):
        count, rows = _queries(by=by)
        assert count == few[by] <= 2
        assert sum(r.total for r in rows) == 40
    total = compliance_total(compliance(actor=None, by="region"))
    assert (total.followed, total.declined, total.pending + total.ignored) == (10, 10, 20)
    # Sanctioned ones are i = 0, 4, 8, ... 36: decree i days after the local decision day.
    assert total.days == list(range(0, 40, 4))
    assert total.median_days == 18


def test_median_from_the_histogram_matches_the_plain_median() -> None:
    from statistics import median

    from netral.followup.selectors import ComplianceRow

    for days in ([5], [10, 20], [1, 1, 1, 9], [3, 7, 7, 8, 30], [2, 2, 4, 4]):
        row = ComplianceRow(key="k", label="k")
        for d in days:
            row.day_counts[d] = row.day_counts.get(d, 0) + 1
        assert row.median_days == median(days)
        assert row.days == sorted(days)
