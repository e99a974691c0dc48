"""The rows intake adds to the rollups (issue #13 items 1 and 3): written in one plain INSERT
per table, in the intake's transaction; crossing a ``FOLD_EVERY`` boundary of row ids queues a
fold after the commit. Runs on SQLite and, with ``DATABASE_URL``, on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netral.analytics import rollups
from netral.analytics.models import CaseCount, ReportCount
from netral.analytics.rollups import rollups_differences
from netral.cases.tests.factories import case_from_report

pytestmark = pytest.mark.usefixtures("elections")


def test_intake_adds_its_rows_in_one_insert_per_table() -> None:
    case_from_report()  # the chain head, caches
    with CaptureQueriesContext(connection) as queries:
        case, _code = case_from_report()
    sql = [q["sql"] for q in queries.captured_queries]
    assert len([s for s in sql if 'INSERT INTO "analytics_reportcount"' in s]) == 1
    assert len([s for s in sql if 'INSERT INTO "analytics_casecount"' in s]) == 1
    report = case.reports.get()
    rows = ReportCount.objects.filter(region_id=report.region_id, compacted_key__isnull=True)
    assert {r.dim for r in rows} == {d.value for d in ReportCount.Dim}
    assert CaseCount.objects.filter(office_region_id=case.office_region_id, n=1).count() == 2
    assert rollups_differences() == []


def test_crossing_a_fold_boundary_queues_a_fold(
    monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: Any
) -> None:
    monkeypatch.setattr(rollups, "FOLD_EVERY", 4)  # seven report rows and a case row
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        case_from_report()
    assert callbacks  # the fold (the test settings' queue runs it at once)
    assert not ReportCount.objects.filter(compacted_key__isnull=True).exists()
    assert not CaseCount.objects.filter(compacted_key__isnull=True).exists()
    assert rollups_differences() == []
