"""A sanction lighter than BKN recommended is not "followed": compliance counts it apart, by
the rulebook's order of sanction severity, on the compliance page and the dashboard."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import Role
from netral.followup.models import RecStatus, Sanction
from netral.followup.selectors import compliance, compliance_total
from netral.followup.tests.factories import bare_decided_case, bkn_recommendation
from netral.rules.selectors import sanction_get

pytestmark = pytest.mark.usefixtures("elections")

# (recommended by BKN, imposed by the PPK)
PAIRS = [
    ("heavy", "heavy"),  # as recommended: followed
    ("moderate", "heavy"),  # heavier: followed
    ("heavy", "moderate"),  # lighter
    ("dishonourable_dismissal", "moral"),  # lighter
    ("task_force", "moral"),  # the task force decides: compares with nothing, followed
]


@pytest.fixture
def sanctioned(make_user: Any) -> None:
    case = bare_decided_case(make_user)
    recorder = make_user(Role.PPK_OFFICE, "32.75")
    now = timezone.now()
    for i, (recommended, imposed) in enumerate(PAIRS):
        rec = bkn_recommendation(
            case,
            number=f"L-{i}",
            issued_at=now,
            issued_by=recorder,
            status=RecStatus.SANCTIONED,
            ppk_region_id="32.75",
            subject_agency="Dinas Pendidikan Kota Bekasi",
            recommended_sanction=recommended,
        )
        Sanction.objects.create(
            recommendation=rec,
            imposed=True,
            sanction=imposed,
            decree_date=timezone.localdate(now),
            recorded_by=recorder,
            recorded_at=now,
        )


def test_the_rulebook_orders_the_sanctions() -> None:
    order = ["moral", "moderate", "heavy", "dishonourable_dismissal"]
    severities = [sanction_get(code=code).severity for code in order]
    assert severities == sorted(severities) and len(set(severities)) == len(order)


@pytest.mark.usefixtures("sanctioned")
def test_lighter_sanctions_are_counted_apart() -> None:
    total = compliance_total(compliance(actor=None, by="region"))
    assert (total.total, total.followed, total.lighter) == (5, 3, 2)
    assert (total.declined, total.pending, total.ignored) == (0, 0, 0)
    assert total.lighter_pct == 40.0 and total.followed_pct == 60.0
    assert len(total.days) == 5  # a lighter sanction still has a decree date


@pytest.mark.usefixtures("sanctioned")
def test_pages_show_the_lighter_column(sign_in: SignIn) -> None:
    client, _ = sign_in(Role.BAWASLU_LEADER, "32.75")
    page = client.get(reverse("followup:compliance")).content.decode()
    assert "Sanksi lebih ringan dari rekomendasi" in page and "2 <span" in page
    dashboard = client.get(reverse("analytics:dashboard")).content.decode()
    assert "Sanksi lebih ringan dari rekomendasi" in dashboard
