"""Issue #13 item 4: the inbox, the look-ups of the reported person and the dashboard's
raw-row filters are served by indexes on PostgreSQL (EXPLAIN). The test tables are nearly
empty, so sequential scans are switched off inside the test's transaction: the planner then
shows whether an index *can* serve the query, which is what a missing index would fail. The
dashboard's filters get a few thousand reports spread over regions and elections,
and fresh statistics, so that the plan is the one a real table gets."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.db import connection
from django.db.models import Count, QuerySet
from django.utils import timezone

from netral.accounts.models import Role
from netral.analytics.scope import scope_get
from netral.cases.selectors import case_inbox
from netral.elections.models import Election
from netral.reports.models import Report

pytestmark = [
    pytest.mark.usefixtures("elections"),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="EXPLAIN plans and pg_trgm: PostgreSQL only"
    ),
]


def plan(queryset: QuerySet[Any]) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    return queryset.explain()


@pytest.fixture
def spread_reports(db: Any) -> None:
    """4,000 reports over two years in 40 elections' regions, a quarter of them in West Java
    (province 32): the province's last twelve weeks are a small part of either index alone."""
    west_java = Election.objects.filter(region__parent_id="32").order_by("pk")[:10]
    others = Election.objects.exclude(region=None).exclude(region__parent_id="32").order_by("pk")
    elections = [*west_java, *others[:30]]
    start = timezone.now() - datetime.timedelta(days=730)
    rows = []
    for i in range(4000):
        election = elections[i % len(elections)]
        assert election.region_id is not None
        rows.append(
            Report(
                kind=Report.Kind.LAPORAN,
                receipt_digest=f"{i:064x}",
                # Not in time order on disk, as reports from many regions arrive.
                submitted_at=start + datetime.timedelta(hours=4.38 * (i * 7919 % 4000)),
                region_id=election.region_id,
                election=election,
                reported_name=f"Nama {i}",
                agency=f"Dinas {i % 50}",
                chronology="-",
                event_date=start.date(),
                known_date=start.date(),
            )
        )
    Report.objects.bulk_create(rows, batch_size=1000)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE reports_report")


def test_inbox_reads_the_office_cases_by_index(make_user: Any) -> None:
    # Which index serves an empty table depends on the statistics earlier tests left in this
    # database (the election index, the office's, or the office foreign key): any index, no
    # sequential scan. bench.inbox measures the real plan at 100,000 cases.
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    explained = plan(case_inbox(actor=staff))
    assert "Seq Scan on cases_case" not in explained, explained
    assert "Index Scan" in explained or "Index Only Scan" in explained, explained


def test_agency_search_reads_reports_by_index(make_user: Any) -> None:
    # The inbox's agency filter reaches the reports through an index: the trigram index or,
    # when there are few cases, each case's reports (which one is the planner's choice; the
    # trigram index itself is checked by the look-up tests below).
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    explained = plan(case_inbox(actor=staff, agency="pendidikan"))
    assert "Seq Scan on reports_report" not in explained, explained
    assert "report_agency_trgm" in explained or "reports_report_case_id" in explained, explained


@pytest.mark.parametrize(
    ("lookup", "index"),
    [
        ({"reported_name__iexact": "Bambang Wijaya"}, "report_name_trgm"),
        ({"reported_name__icontains": "bambang"}, "report_name_trgm"),
        ({"reported_nip__icontains": "19850317"}, "report_nip_trgm"),
        ({"agency__iexact": "Dinas Pendidikan Kota Bekasi"}, "report_agency_trgm"),
    ],
)
def test_person_look_ups_use_trigram_indexes(lookup: dict[str, str], index: str) -> None:
    explained = plan(Report.objects.filter(**lookup).order_by().values("pk"))
    assert index in explained, explained


@pytest.mark.usefixtures("spread_reports")
def test_dashboard_filters_use_the_region_and_election_indexes() -> None:
    since = timezone.now() - datetime.timedelta(weeks=12)
    regency = Election.objects.filter(region__parent_id="32").order_by("pk").first()
    assert regency is not None and regency.region_id is not None
    scope = scope_get(actor=None, region_code=regency.region_id)
    by_week = (
        Report.objects.filter(scope.reports_q(), submitted_at__gte=since)
        .values("violation_type")
        .annotate(n=Count("pk"))
    )
    explained = plan(by_week)
    assert "report_region_submitted" in explained, explained

    election = Election.objects.exclude(region=None).order_by("pk").first()
    assert election is not None
    scoped = scope_get(actor=None, region_code="", election_id=election.pk)
    per_region = Report.objects.filter(scoped.reports_q()).values("region").annotate(n=Count("pk"))
    explained = plan(per_region)
    assert "report_election_region" in explained, explained
