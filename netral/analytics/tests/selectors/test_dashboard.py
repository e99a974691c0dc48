"""Dashboard numbers on the fixed data set (``conftest.py``), counted by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from netral.accounts.models import User
from netral.analytics.scope import scope_get
from netral.analytics.selectors import OUTSIDE_STAGES, UNKNOWN, dashboard_get, summary_counts
from netral.common.errors import ApplicationError, NotFound

pytestmark = pytest.mark.django_db


def _counts(dashboard: Any, key: str) -> dict[str, int]:
    return {row.key: row.count for row in dashboard.table(key).rows if row.count}


def test_national_totals_and_tables(dataset: Any) -> None:
    dashboard = dashboard_get(scope=scope_get(actor=None, region_code=""), now=timezone.now())
    t = dashboard.totals
    assert (t.reports, t.findings, t.cases) == (5, 1, 6)
    assert (t.registered, t.decided, t.violations) == (4, 2, 1)
    assert (t.open, t.overdue) == (3, 1)
    assert t.days_to_decision == 7.0  # (10 + 4) / 2
    assert _counts(dashboard, "by_type") == {
        "kampanye_media_sosial": 3,
        "foto_gestur_keberpihakan": 1,
        "menghadiri_deklarasi": 1,
        UNKNOWN: 1,
    }
    assert _counts(dashboard, "by_position_class") == {
        "functional": 2, "staff": 1, "village": 1, "senior_executive": 1, UNKNOWN: 1,
    }  # fmt: skip
    assert _counts(dashboard, "by_agency_type") == {
        "regency": 3, "village": 1, "province": 1, UNKNOWN: 1,
    }  # fmt: skip
    assert _counts(dashboard, "by_stage") == {
        "pilkada-2024/kampanye": 3,
        "pilkada-2024/masa_tenang": 1,
        "pilkada-2024/pendaftaran": 1,
        OUTSIDE_STAGES: 1,
    }
    assert _counts(dashboard, "by_status") == {
        "decided": 2, "study": 1, "registered": 1, "received": 1, "not_registered": 1,
    }  # fmt: skip
    assert sum(r.count for r in dashboard.table("by_week").rows) == 6
    regions = {r.code: r for r in dashboard.regions}
    assert len(regions) == 38
    assert (regions["32"].reports, regions["32"].findings) == (4, 1)
    assert (regions["32"].decided, regions["32"].violations, regions["32"].violation_rate) == (
        2,
        1,
        50.0,
    )
    assert (regions["33"].reports, regions["33"].violation_rate) == (1, None)
    assert regions["11"].total == 0


def test_province_drill_down_lists_its_regencies(dataset: Any) -> None:
    dashboard = dashboard_get(scope=scope_get(actor=None, region_code="32"), now=timezone.now())
    assert (dashboard.totals.reports, dashboard.totals.findings) == (4, 1)
    rows = {r.code: (r.reports, r.findings) for r in dashboard.regions if r.total}
    assert rows == {"32": (1, 0), "32.01": (1, 0), "32.75": (2, 1)}
    assert len(dashboard.regions) == 1 + 27  # the province office and its 27 regencies/cities


def test_regency_user_never_counts_another_region(
    dataset: Any, make_user: Callable[..., User]
) -> None:
    user = make_user("bawaslu_staff", "33.03")
    scope = scope_get(actor=user, region_code=None)
    assert scope.region is not None and scope.region.code == "33.03"
    dashboard = dashboard_get(scope=scope, now=timezone.now())
    assert (dashboard.totals.reports, dashboard.totals.cases) == (1, 1)
    assert _counts(dashboard, "by_type") == {"kampanye_media_sosial": 1}
    assert dashboard.regions == ()
    for outside in ("", "32", "32.75", "33"):
        if outside:
            with pytest.raises(NotFound):
                scope_get(actor=user, region_code=outside)


def test_province_user_cannot_open_another_province(make_user: Callable[..., User]) -> None:
    user = make_user("bawaslu_leader", "32")
    assert scope_get(actor=user, region_code="32.75").codes == ("32.75",)
    with pytest.raises(NotFound):
        scope_get(actor=user, region_code="33")
    with pytest.raises(NotFound):
        scope_get(actor=user, region_code="33.03")


def test_election_filter_and_bad_election(dataset: Any) -> None:
    from netral.elections.models import Election

    bekasi = Election.objects.get(region_id="32.75", cycle__code="pilkada-2024")
    scope = scope_get(actor=None, region_code="", election_id=str(bekasi.pk))
    assert summary_counts(scope=scope)["violation_type"] == {
        "kampanye_media_sosial": 2,
        "foto_gestur_keberpihakan": 1,
    }
    with pytest.raises(NotFound):
        scope_get(actor=None, region_code="", election_id="999999")
    with pytest.raises(ApplicationError):
        scope_get(actor=None, region_code="", election_id="abc")
    with pytest.raises(NotFound):
        scope_get(actor=None, region_code="99")


def test_dashboard_costs_a_constant_number_of_queries(
    dataset: Any, django_assert_max_num_queries: Any
) -> None:
    scope = scope_get(actor=None, region_code="")
    with django_assert_max_num_queries(9):
        dashboard_get(scope=scope, now=timezone.now())
    scope = scope_get(actor=None, region_code="32")
    with django_assert_max_num_queries(9):
        dashboard_get(scope=scope, now=timezone.now())
