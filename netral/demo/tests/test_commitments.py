"""Demo pacts, meetings, commitments and activities: the seed's Bekasi commitment and the
Palangka Raya signing, a few hundred activities up to the demo clock's day, the same with the
same seed, gone with the demo data; the tour points at them."""

from __future__ import annotations

import datetime
import io
from typing import Any

import pytest
from django.core.management import call_command

from netral.accounts.models import Role
from netral.demo.data import demo_data_delete, demo_data_load
from netral.prevention import commitments as services
from netral.prevention.commitments_selectors import commitment_list_for, meeting_list
from netral.prevention.models import (
    Commitment,
    CommitmentStatus,
    CoordinationMeeting,
    IntegrityPact,
    PreventionActivity,
)

pytestmark = pytest.mark.usefixtures("elections")
DEMO_DAY = datetime.date(2024, 11, 10)


@pytest.fixture
def demo_clock(settings: Any) -> None:
    settings.DEBUG, settings.NETRAL_DEMO_TODAY = True, DEMO_DAY


def _rows() -> list[tuple[Any, ...]]:
    return list(
        PreventionActivity.objects.order_by("public_id", "meeting__public_id").values_list(
            "public_id", "kind", "office_region_id", "held_on", "reach", "meeting__public_id"
        )
    )


def test_demo_prevention_rows_follow_the_seeds_and_the_clock(
    demo_clock: None, make_user: Any
) -> None:
    real = services.activity_record(
        actor=make_user(Role.BAWASLU_STAFF, "32.75"),
        office_region="32.75",
        kind="socialisation",
        held_on=datetime.date(2024, 10, 1),
        place="Aula",
        audience="ASN",
        reach=10,
    )
    summary = demo_data_load(seed=5, reports=300)
    assert summary.commitments["activities"] == PreventionActivity.objects.count() - 1
    assert 300 <= summary.commitments["activities"] <= 500
    assert summary.commitments["pacts"] >= 60
    assert IntegrityPact.objects.filter(signed_on=datetime.date(2022, 9, 27)).count() >= 60

    bekasi = Commitment.objects.get(owner_institution__contains="R. Gani Muhamad")
    assert bekasi.meeting.office_region_id == "32.75" and bekasi.owner_region_id == "32.75"
    assert "tidak berkampanye" in bekasi.text
    palangka = CoordinationMeeting.objects.get(
        office_region_id="62.71", held_on=datetime.date(2024, 9, 30)
    )
    assert palangka.participants.filter(institution__contains="Lurah").exists()

    days = PreventionActivity.objects.values_list("held_on", flat=True)
    assert max(days) <= DEMO_DAY and min(days) >= datetime.date(2024, 7, 1)
    assert len(set(PreventionActivity.objects.values_list("office_region_id", flat=True))) >= 40
    # Some commitments are overdue on the demo day, and the Bekasi PPK office has its own.
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    owned = list(commitment_list_for(actor=ppk))
    assert bekasi in owned and any(c.is_overdue(DEMO_DAY) for c in owned)
    ri = make_user(Role.BAWASLU_LEADER, None)
    overdue = "overdue_count"  # annotated by the selector
    assert sum(getattr(m, overdue) for m in meeting_list(actor=ri)) >= 5
    assert Commitment.objects.filter(status=CommitmentStatus.DONE).exists()

    rows = _rows()
    demo_data_delete()
    assert list(PreventionActivity.objects.all()) == [real]  # a real activity stays
    assert not CoordinationMeeting.objects.exists() and not IntegrityPact.objects.exists()
    demo_data_load(seed=5, reports=300)
    assert len(_rows()) == len(rows)
    assert {r[:5] for r in _rows()} == {r[:5] for r in rows}


def test_tour_points_at_the_commitments(settings: Any) -> None:
    settings.NETRAL_DEMO = True
    out = io.StringIO()
    call_command("demo_setup", "--reports", "30", stdout=out)
    assert "/ruang-kerja/pencegahan/komitmen/" in out.getvalue()
