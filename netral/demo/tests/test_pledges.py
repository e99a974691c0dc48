"""Demo pledges: a few hundred across the regions, the same with the same seed, some by the
civil servants the demo reports name, gone with the demo data; the tour points at them."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command

from netral.demo.data import demo_data_delete, demo_data_load
from netral.demo.pledges import demo_pledges
from netral.elections.models import Election
from netral.prevention.models import Pledge
from netral.prevention.pledges import nip_digest, pledge_submit
from netral.reports.models import Report

pytestmark = pytest.mark.usefixtures("elections")


def _rows() -> list[tuple[Any, ...]]:
    return list(
        demo_pledges()
        .order_by("public_id")
        .values_list("public_id", "nip_digest", "election_id", "region_id", "pledged_at")
    )


def test_demo_pledges_spread_repeat_and_go_with_the_demo_data() -> None:
    real = pledge_submit(
        nip="198503122010011003",
        name="Budi Santoso",
        agency="Dinas Pendidikan Kota Bekasi",
        region="32.75",
        election=Election.objects.get(region_id="32.75").pk,
    ).pledge
    summary = demo_data_load(seed=5, reports=600)
    rows = _rows()
    assert summary.pledges == len(rows) and 200 <= len(rows) <= 300
    assert len({row[3] for row in rows}) >= 50  # many regions
    assert len({row[2] for row in rows}) >= 50  # many elections
    reported = {
        (nip_digest(nip), election)
        for nip, election in Report.objects.exclude(reported_nip="").values_list(
            "reported_nip", "election_id"
        )
    }
    assert sum((row[1], row[2]) in reported for row in rows) >= 50
    assert all(row[4].year == 2024 for row in rows)

    demo_data_delete()
    assert not demo_pledges().exists()
    assert list(Pledge.objects.all()) == [real]  # a real pledge stays
    demo_data_load(seed=5, reports=600)
    assert _rows() == rows


def test_tour_points_at_the_guide_and_the_pledge(settings: Any) -> None:
    settings.NETRAL_DEMO = True
    out = io.StringIO()
    call_command("demo_setup", "--reports", "30", stdout=out)
    text = out.getvalue()
    assert "/boleh-atau-tidak/" in text and "/ikrar/" in text
    assert " pledges " in text
