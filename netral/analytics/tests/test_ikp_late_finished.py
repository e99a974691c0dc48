"""The vulnerability index's "late handling" share: a case whose handling ended (decided,
not registered) is late only if it ended after its deadline, never because time went on
(issue 10, item 9, swept into analytics)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from netral.analytics.ikp import ikp_for_dashboard, ikp_for_region, ikp_raw_values
from netral.analytics.scope import scope_get
from netral.analytics.selectors import dashboard_get
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report
from netral.regions.models import Region
from netral.rules.selectors import ikp_method_get

pytestmark = pytest.mark.usefixtures("elections")

LATE = "keterlambatan_penanganan"


def _late_share() -> float | None:
    method = ikp_method_get()
    region = Region.objects.get(code="32.75")
    raws, _sources = ikp_raw_values(regions=[region], election=None, method=method)
    # The regional dashboard computes the same index from its own figures.
    dashboard = dashboard_get(scope=scope_get(actor=None, region_code="32.75"), now=timezone.now())
    assert ikp_for_dashboard(dashboard) == ikp_for_region(region=region)
    return raws["32.75"][LATE]


def _set(case: Case, **fields: object) -> None:
    """Change the case as a service would (``save``: the rollups follow)."""
    for name, value in fields.items():
        setattr(case, name, value)
    case.save(update_fields=list(fields))


def test_a_case_finished_within_its_deadline_never_becomes_late() -> None:
    case, _code = case_from_report()
    now = timezone.now()
    due = now - datetime.timedelta(days=30)
    _set(
        case,
        status=Status.NOT_REGISTERED,
        due_at=due,
        finished_at=due - datetime.timedelta(days=1),
        decided_at=None,
    )
    assert _late_share() == 0
    # Ended after the deadline: late, once and for all.
    _set(case, finished_at=due + datetime.timedelta(days=2))
    assert _late_share() == 100


def test_a_live_case_past_its_deadline_is_late() -> None:
    case, _code = case_from_report()
    _set(case, due_at=timezone.now() - datetime.timedelta(days=1))
    assert _late_share() == 100
