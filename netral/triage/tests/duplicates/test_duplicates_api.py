"""``POST /api/triage/duplicates``: the contract's shape, staff-only, scoped, bounded."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from netral.accounts.models import Role, User
from netral.accounts.services import api_token_create
from netral.triage.duplicates import MAX_TEXT
from netral.triage.tests.duplicates.conftest import SubmitReport

URL = "/api/triage/duplicates"
pytestmark = pytest.mark.django_db


def bearer(user: User) -> dict[str, str]:
    raw = api_token_create(actor=user, owner=user, name="triase").raw
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def post(client: Client, body: Any, **extra: Any) -> Any:
    return client.post(URL, body, content_type="application/json", **extra)


def test_matches_carry_the_public_id_score_and_reasons(
    client: Client, submit_report: SubmitReport, make_user: Callable[..., User]
) -> None:
    report = submit_report()
    staff = make_user(Role.BAWASLU_STAFF, region="32")
    body = {
        "text": report.chronology,
        "reported_nip": "198503172010011004",
        "region": "32.75",
        "event_date": str(report.event_date),
    }
    response = post(client, body, **bearer(staff))
    assert response.status_code == 200, response.content
    [match] = response.json()["matches"]
    assert match["report_id"] == str(report.public_id)
    assert 0.6 <= match["score"] <= 1
    assert match["reasons"][0] == "NIP sama"
    assert "tanggal kejadian sama" in match["reasons"]


def test_a_report_outside_the_jurisdiction_never_appears(
    client: Client, submit_report: SubmitReport, make_user: Callable[..., User]
) -> None:
    report = submit_report(region="33.74")
    central_java = make_user(Role.BAWASLU_STAFF, region="33")
    west_java = make_user(Role.BAWASLU_STAFF, region="32")
    body = {
        "text": report.chronology,
        "reported_nip": "198503172010011004",
        "event_date": str(report.event_date),
    }
    assert len(post(client, body, **bearer(central_java)).json()["matches"]) == 1
    assert post(client, body, **bearer(west_java)).json() == {"matches": []}


def test_needs_a_staff_token_and_a_role_that_sees_reports(
    client: Client, make_user: Callable[..., User]
) -> None:
    assert post(client, {"text": "x"}).status_code == 401
    ppk = make_user(Role.PPK_OFFICE, region="32.75")
    response = post(client, {"text": "kampanye"}, **bearer(ppk))
    assert response.status_code == 403
    assert "detail" in response.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "x" * (MAX_TEXT + 1)}, "text"),
        ({"text": "a", "reported_name": "n" * 201}, "reported_name"),
        ({"text": "a", "agency": "a" * 201}, "agency"),
        ({"text": "a", "region": "3" * 14}, "region"),
        ({"text": "a", "reported_nip": "12345"}, "reported_nip"),
        ({"text": "a", "reported_nip": "\uff11" * 18}, "reported_nip"),
        ({"text": "   "}, "text"),
    ],
)
def test_bad_input_is_a_400_with_the_reason(
    client: Client, make_user: Callable[..., User], body: dict[str, str], field: str
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, region="32")
    response = post(client, body, **bearer(staff))
    assert response.status_code == 400, response.content
    assert response.json()["field"] == field
    assert response.json()["detail"]
