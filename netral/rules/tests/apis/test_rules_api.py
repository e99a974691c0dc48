"""The public rulebook endpoints under /api/rules/."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from netral.rules.selectors import rulebook_get, violation_type_list
from netral.rules.services import rulebook_register_active

CONTRACT_KEYS = {"code", "name", "legal_basis", "ethics_sanction", "discipline_sanction"}


@pytest.mark.django_db
def test_violation_types_answer_the_contract_keys(
    client: Client, django_assert_num_queries: Any
) -> None:
    with django_assert_num_queries(0):
        response = client.get("/api/rules/violation-types")

    assert response.status_code == 200
    body = response.json()
    assert [item["code"] for item in body] == [vt.code for vt in violation_type_list()]
    for item in body:
        assert item.keys() >= CONTRACT_KEYS
    social = next(item for item in body if item["code"] == "kampanye_media_sosial")
    assert social["ethics_sanction"] == "moral"
    assert social["discipline_sanction"] == "heavy"
    assert social["share_2020"] == 30.4
    assert "SKB 2022 Lampiran II" in social["legal_basis"]


def test_violation_types_filter_by_routing_group(client: Client) -> None:
    response = client.get("/api/rules/violation-types", {"violation_kind": "criminal"})

    assert [item["code"] for item in response.json()] == ["pelibatan_asn_kampanye"]


def test_one_violation_type(client: Client) -> None:
    response = client.get("/api/rules/violation-types/anggota_parpol")

    assert response.status_code == 200
    assert response.json()["discipline_sanction"] == "dishonourable_dismissal"


def test_unknown_violation_type_is_404_with_a_reason(client: Client) -> None:
    response = client.get("/api/rules/violation-types/tidak_ada")

    assert response.status_code == 404
    assert response.json() == {"detail": "Jenis pelanggaran 'tidak_ada' tidak dikenal."}


def test_criminal_articles_carry_penalties_as_integers(client: Client) -> None:
    response = client.get("/api/rules/criminal-articles", {"election_kind": "pilkada"})

    assert response.status_code == 200
    by_code = {item["code"]: item for item in response.json()}
    assert set(by_code) == {"pilkada_188", "pilkada_189"}
    assert by_code["pilkada_188"]["fine_min_rp"] == 600000
    assert by_code["pilkada_188"]["fine_max_rp"] == 6000000
    assert by_code["pilkada_189"]["prison_max_months"] == 6


@pytest.mark.parametrize(
    ("kind", "code", "unit"),
    [("pilkada", "batas_laporan", "calendar_day"), ("pemilu", "batas_laporan", "working_day")],
)
def test_deadlines_per_kind(client: Client, kind: str, code: str, unit: str) -> None:
    response = client.get("/api/rules/deadlines", {"kind": kind})

    assert response.status_code == 200
    body = response.json()
    window = next(item for item in body if item["code"] == code)
    assert (window["days"], window["unit"], window["from"]) == (7, unit, "known")
    assert "from_" not in window
    assert any(item["code"] == "ppk_tindak_lanjut" and not item["confirmed"] for item in body)


def test_deadlines_need_a_known_kind(client: Client) -> None:
    assert client.get("/api/rules/deadlines").status_code == 422
    response = client.get("/api/rules/deadlines", {"kind": "pilpres"})
    assert response.status_code == 422
    assert "kind" in response.json()["detail"]


def test_sanctions_and_requirements(client: Client) -> None:
    sanctions = client.get("/api/rules/sanctions").json()
    moderate = next(s for s in sanctions if s["code"] == "moderate")
    assert [o["months"] for o in moderate["options"]] == [6, 9, 12]

    formal = client.get("/api/rules/requirements", {"kind": "formal"}).json()
    assert {r["kind"] for r in formal} == {"formal"}
    assert "tanda_tangan" in {r["code"] for r in formal}


@pytest.mark.django_db
def test_version_reports_registration(client: Client) -> None:
    before = client.get("/api/rules/version").json()
    assert before["version"] == rulebook_get().version
    assert before["sha256"] == rulebook_get().sha256
    assert before["counts"]["criminal_articles"] == 4
    assert before["registered_at"] is None

    rulebook_register_active()

    assert client.get("/api/rules/version").json()["registered_at"] is not None
