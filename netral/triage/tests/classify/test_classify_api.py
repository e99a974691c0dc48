"""``POST /api/triage/classify`` (issue #12 contract): staff only, the contract's shape, a
reason for a text over the limit."""

from __future__ import annotations

from typing import Any

import pytest
from django.conf import settings
from django.test import Client

from netral.rules.selectors import violation_type_list
from netral.triage.classify.predict import MAX_TEXT

URL = "/api/triage/classify"


def post(client: Client, body: Any, **extra: Any) -> Any:
    return client.post(URL, body, content_type="application/json", **extra)


def test_types_best_first_with_confidence_and_because(client: Client, bearer: dict) -> None:
    text = "min mau lapor, pak camat kumpulin kades2 di rumahnya, bagi2 sembako, disuruh pilih 01"
    response = post(client, {"text": text}, **bearer)
    assert response.status_code == 200, response.content
    types = response.json()["types"]
    assert {t["code"] for t in types} == {v.code for v in violation_type_list()} | {"none"}
    assert all(set(t) == {"code", "confidence", "because"} for t in types)
    assert all(0 <= t["confidence"] <= 1 for t in types)
    confidences = [t["confidence"] for t in types]
    assert confidences == sorted(confidences, reverse=True)
    assert types[0]["code"] == "kegiatan_keberpihakan"
    assert types[0]["because"] and all(w in text.lower() for w in types[0]["because"])


def test_a_text_over_the_limit_is_refused_with_a_reason(client: Client, bearer: dict) -> None:
    response = post(client, {"text": "x" * (MAX_TEXT + 1)}, **bearer)
    assert response.status_code == 400
    assert response.json() == {
        "detail": f"Teks terlalu panjang untuk diklasifikasi: paling banyak {MAX_TEXT} karakter.",
        "field": "text",
    }
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = post(client, {"text": "x" * (MAX_TEXT + 1)}, **bearer)
    assert response.json()["detail"].startswith("The text is too long to classify")


def test_a_body_without_text_is_refused(client: Client, bearer: dict) -> None:
    assert post(client, {"teks": "spanduk"}, **bearer).status_code == 422
    assert post(client, {"text": 5}, **bearer).status_code == 422


@pytest.mark.parametrize("header", [{}, {"HTTP_AUTHORIZATION": "Bearer ntl_wrong"}])
def test_anonymous_is_refused(client: Client, header: dict[str, str], db: Any) -> None:
    assert post(client, {"text": "spanduk paslon"}, **header).status_code == 401
