"""GET /api/stats/summary: the public contract."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from netral.analytics.tests.conftest import REPORTED_NAMES

pytestmark = pytest.mark.django_db

URL = "/api/stats/summary"


def test_national_summary_shape(dataset: Any, client: Client) -> None:
    response = client.get(URL, {"region": ""})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"region", "election", "counts", "ikp"}
    assert body["region"] is None and body["ikp"] is None
    assert set(body["counts"]) == {"violation_type", "stage", "status", "position_class"}
    # Small counts are published as open data publishes them (see test_protect.py).
    assert body["counts"]["violation_type"]["kampanye_media_sosial"] == "<5"
    assert body["counts"]["stage"]["pilkada-2024/kampanye"] == "<5"
    assert body["counts"]["status"]["decided"] == "<5"
    assert body["counts"]["position_class"]["functional"] == "<5"


def test_region_summary_has_ikp_and_no_personal_data(dataset: Any, client: Client) -> None:
    response = client.get(URL, {"region": "32.75"})
    assert response.status_code == 200
    body = response.json()
    assert body["region"] == {"code": "32.75", "name": "Kota Bekasi", "level": "regency"}
    assert body["counts"]["violation_type"] == {
        "kampanye_media_sosial": "<5",
        "foto_gestur_keberpihakan": "<5",
    }
    assert body["ikp"]["class_code"] in ("low", "medium", "high")
    assert 0 <= body["ikp"]["score"] <= 100
    assert body["ikp"]["confirmed"] is False
    text = response.content.decode()
    for name in REPORTED_NAMES:
        assert name not in text
    for word in ("198503172010011004", "Dinas Pendidikan", "Kronologi"):
        assert word not in text


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"region": "99.99"}, 404),
        ({"region": "<script>"}, 404),
        ({"region": "", "election": "999999"}, 404),
        ({"region": "32", "election": "abc"}, 400),
    ],
)
def test_bad_input_is_json_with_reason(
    elections: Any, client: Client, params: dict[str, str], status: int
) -> None:
    response = client.get(URL, params)
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_election_filter(dataset: Any, client: Client) -> None:
    from netral.elections.models import Election

    election = Election.objects.get(region_id="33.03", cycle__code="pilkada-2024")
    body = client.get(URL, {"region": "33", "election": str(election.pk)}).json()
    assert body["election"]["id"] == election.pk
    assert body["counts"]["violation_type"] == {"kampanye_media_sosial": "<5"}


@pytest.mark.parametrize("region", ["", "32", "32.75", "33.03"])
def test_summary_never_shows_one_to_four(dataset: Any, client: Client, region: str) -> None:
    counts = client.get(URL, {"region": region}).json()["counts"]
    shown = [v for cells in counts.values() for v in cells.values()]
    assert shown, "the data set has counts in every region asked"
    assert not [v for v in shown if isinstance(v, int) and 0 < v < 5]
    assert {v for v in shown if isinstance(v, str)} <= {"<5", "x"}
