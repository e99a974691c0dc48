import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.usefixtures("elections")


def test_all_pilkada_2024_elections(client: Client) -> None:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/api/elections", {"cycle": "pilkada-2024"})
    assert response.status_code == 200
    elections = response.json()
    assert len(elections) == 545
    assert len(queries) <= 4  # no query per election
    assert "34" not in {e["region"] for e in elections}


def test_elections_of_a_region_with_stages(client: Client) -> None:
    elections = client.get("/api/elections", {"region": "32.75"}).json()
    by_cycle = {e["cycle"]: e for e in elections}
    assert set(by_cycle) == {"pilkada-2024", "pemilu-2024"}
    bekasi = by_cycle["pilkada-2024"]
    assert bekasi["office"] == "walikota"
    assert bekasi["region"] == "32.75"
    assert bekasi["voting_date"] == "2024-11-27"
    assert bekasi["handling_level"] == "regency"
    assert [s["code"] for s in bekasi["stages"]] == [
        "pendaftaran",
        "penetapan",
        "kampanye",
        "masa_tenang",
        "pemungutan",
        "rekapitulasi",
    ]
    assert bekasi["stages"][2] == {
        "code": "kampanye",
        "name": "Kampanye",
        "name_en": "Campaign",
        "start": "2024-09-25",
        "end": "2024-11-23",
    }


def test_unknown_region_is_404(client: Client) -> None:
    response = client.get("/api/elections", {"region": "XX"})
    assert response.status_code == 404
    assert "XX" in response.json()["detail"]
