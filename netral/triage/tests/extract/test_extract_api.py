"""``POST /api/triage/extract``: staff only, the contract's shape, reasons for bad input."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from netral.accounts.models import Role
from netral.triage.extract import MAX_TEXT

URL = "/api/triage/extract"


def post(client: Client, body: Any, **extra: Any) -> Any:
    return client.post(URL, body, content_type="application/json", **extra)


def test_entities_with_spans_and_decoded_values(client: Client, bearer: dict[str, str]) -> None:
    text = (
        "Kemarin sore Camat Cibinong (NIP 19850317 201001 1 004) mengajak warga memilih "
        "paslon nomor urut 2 dan membagikan Rp 600.000; melanggar Pasal 71 ayat (1) UU 10/2016. "
        "NIP temannya 198503172010013004. Video: https://vt.tiktok.com/ZS2abc/"
    )
    response = post(client, {"text": text, "reference_date": "2024-09-20"}, **bearer)
    assert response.status_code == 200, response.content
    entities = response.json()["entities"]
    for e in entities:
        assert text[e["start"] : e["end"]] == e["text"]
        assert set(e) == {"kind", "text", "start", "end", "valid", "value", "reason"}
    by_kind = {e["kind"]: e for e in entities}
    assert by_kind["date"]["value"]["date"] == "2024-09-19"
    assert by_kind["position"]["text"] == "Camat"
    assert by_kind["candidate_pair"]["value"] == {"number": 2}
    assert by_kind["money"]["value"] == {"amount": 600_000, "currency": "IDR"}
    assert by_kind["legal_ref"]["value"]["act"] == {"type": "UU", "number": "10", "year": 2016}
    assert by_kind["url"]["value"]["platform"] == "tiktok"
    nips = [e for e in entities if e["kind"] == "nip"]
    assert [(n["valid"], n["value"].get("birth_date")) for n in nips] == [
        (True, "1985-03-17"),
        (False, None),
    ]
    assert nips[0]["reason"] is None
    assert nips[1]["reason"] == (
        "NIP tidak valid: angka ke-15 harus 1 (laki-laki) atau 2 (perempuan)."
    )


def test_reasons_follow_the_request_language(client: Client, bearer: dict[str, str]) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = post(client, {"text": "NIP 198503172010013004"}, **bearer)
    assert response.json()["entities"][0]["reason"] == (
        "Invalid NIP: digit 15 must be 1 (male) or 2 (female)."
    )


@pytest.mark.parametrize("header", [{}, {"HTTP_AUTHORIZATION": "Bearer ntl_wrong"}])
def test_anonymous_is_refused(client: Client, header: dict[str, str], db: Any) -> None:
    response = post(client, {"text": "NIP 198503172010011004"}, **header)
    assert response.status_code == 401
    assert "token" in response.json()["detail"]


def test_a_signed_in_staff_session_may_use_it(sign_in: Any) -> None:
    client, _user = sign_in(Role.BAWASLU_LEADER)
    response = post(client, {"text": "tadi pagi di Kecamatan Cibinong"})
    assert response.status_code == 200
    assert {e["kind"] for e in response.json()["entities"]} == {"date", "agency"}


def test_a_text_over_the_limit_is_400_with_a_reason(client: Client, bearer: dict[str, str]) -> None:
    response = post(client, {"text": "a" * (MAX_TEXT + 1)}, **bearer)
    assert response.status_code == 400
    assert response.json() == {
        "detail": f"Teks terlalu panjang: paling banyak {MAX_TEXT} karakter.",
        "field": "text",
    }


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"text": "x", "reference_date": "17-09-2024"}, 422),
        ({"text": "x", "reference_date": "0001-01-01"}, 400),
        ({"reference_date": "2024-09-17"}, 422),
        ({"text": 5}, 422),
    ],
)
def test_bad_input_has_a_reason(
    client: Client, bearer: dict[str, str], body: dict[str, Any], status: int
) -> None:
    response = post(client, body, **bearer)
    assert response.status_code == status
    assert response.json()["detail"]


def test_not_json_is_400(client: Client, bearer: dict[str, str]) -> None:
    response = post(client, "{nope", **bearer)
    assert response.status_code == 400 and response.json()["detail"]


def test_a_weekday_mismatch_in_english(client: Client, bearer: dict[str, str]) -> None:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = post(client, {"text": "Rabu, 17 September 2024"}, **bearer)
    (date,) = response.json()["entities"]
    assert (date["valid"], date["reason"]) == (
        False,
        "This date falls on a Tuesday, not a Wednesday.",
    )


def test_a_number_is_no_reference_date(client: Client, bearer: dict[str, str]) -> None:
    response = post(client, {"text": "", "reference_date": 0}, **bearer)
    assert response.status_code == 422
