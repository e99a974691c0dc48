"""``GET /api/pledges/summary`` publishes as open data does (issue #11 item 3): small cells
hidden by the one rule of ``netral.common.disclosure``, and the answer says so."""

from __future__ import annotations

from typing import Any

from django.test import Client

from netral.analytics import opendata
from netral.common import disclosure
from netral.elections.models import Election
from netral.prevention.tests.pledge_events.conftest import PLEDGER_NAME, MakePledges

URL = "/api/pledges/summary"


def test_analytics_and_prevention_share_one_rule() -> None:
    assert opendata.protect is disclosure.protect
    assert opendata.suppress is disclosure.suppress
    assert disclosure.protect({"a": 2, "b": 6, "c": 7}) == {"a": "<5", "b": "x", "c": 7}


def test_small_cells_are_hidden_and_flagged(
    client: Client, election: Election, make_pledges: MakePledges
) -> None:
    make_pledges(2, region="32.01", election=election)  # small: hidden
    make_pledges(6, region="32.75", election=election)  # complement: hidden with it
    make_pledges(7, region="32.04", election=election)
    make_pledges(3, region="32.04", election=election, agency_type="central")
    response = client.get(URL, {"region": "32", "election": str(election.pk)})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 18
    regions = {r["region"]: (r["count"], r["suppressed"]) for r in data["by_region"]}
    assert regions == {"32.01": (None, "<5"), "32.04": (10, None), "32.75": (None, "x")}
    types = {t["agency_type"]: (t["count"], t["suppressed"]) for t in data["by_agency_type"]}
    # 3 central out of a public 18: the other non-zero cell is hidden with it.
    assert types["central"] == (None, "<5")
    assert types["regency"] == (None, "x")
    assert types["village"] == (0, None)  # zero is not disclosive
    assert "<5" in data["suppression"]
    text = response.content.decode()
    assert PLEDGER_NAME not in text and "Rahasia" not in text and "19850312" not in text


def test_a_small_total_is_hidden_too(
    client: Client, election: Election, make_pledges: MakePledges
) -> None:
    make_pledges(3, region="32.75", election=election)
    data: dict[str, Any] = client.get(URL, {"region": "32.75"}).json()
    assert data["total"] is None and data["total_suppressed"] == "<5"
    assert [(r["count"], r["suppressed"]) for r in data["by_region"]] == [(None, "<5")]


def test_large_counts_are_shown_as_they_are(
    client: Client, election: Election, make_pledges: MakePledges
) -> None:
    make_pledges(5, region="32.75", election=election)
    data = client.get(URL, {"region": "32.75", "election": str(election.pk)}).json()
    assert data["total"] == 5 and data["total_suppressed"] is None
    assert [(r["count"], r["suppressed"]) for r in data["by_region"]] == [(5, None)]
