import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("regions")


def test_provinces_and_regencies_counts(client: Client) -> None:
    provinces = client.get("/api/regions", {"level": "province"}).json()
    regencies = client.get("/api/regions", {"level": "regency"}).json()
    assert len(provinces) == 38
    assert len(regencies) == 514
    assert set(provinces[0]) >= {"code", "name", "level", "type", "parent"}
    assert provinces[0] == {
        "code": "11",
        "name": "Aceh",
        "level": "province",
        "type": "provinsi",
        "parent": None,
        "timezone": "WIB",
    }


def test_children_of_a_province(client: Client) -> None:
    children = client.get("/api/regions", {"parent": "96"}).json()
    assert [c["code"] for c in children] == ["96.01", "96.02", "96.03", "96.04", "96.05", "96.71"]
    assert all(c["parent"] == "96" and c["level"] == "regency" for c in children)


def test_one_region(client: Client) -> None:
    response = client.get("/api/regions/32.75")
    assert response.status_code == 200
    assert response.json()["name"] == "Kota Bekasi"
    assert response.json()["parent"] == "32"


def test_unknown_region_is_404_with_a_reason(client: Client) -> None:
    response = client.get("/api/regions/99.99")
    assert response.status_code == 404
    assert "99.99" in response.json()["detail"]


def test_unknown_parent_is_404_not_an_empty_list(client: Client) -> None:
    response = client.get("/api/regions", {"parent": "00"})
    assert response.status_code == 404
    assert "00" in response.json()["detail"]


def test_bad_level_is_a_4xx_with_a_reason(client: Client) -> None:
    response = client.get("/api/regions", {"level": "village"})
    assert response.status_code == 422
    assert "level" in response.json()["detail"]
