from collections.abc import Callable

import pytest
from django.test import Client

from netral.accounts.models import Role, User
from netral.accounts.services import api_token_create

pytestmark = pytest.mark.usefixtures("regions")


def bearer(raw: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw}"}


def test_me_with_a_token_is_scoped_to_the_owner(
    client: Client, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.BAWASLU_LEADER, "32")
    raw = api_token_create(actor=user, owner=user, name="skrip").raw
    response = client.get("/api/accounts/me", headers=bearer(raw))
    assert response.status_code == 200
    body = response.json()
    assert (body["role"], body["jurisdiction"], body["office_level"]) == (
        "bawaslu_leader",
        "32",
        "province",
    )
    assert "case.decide" in body["capabilities"]
    assert "user.manage" not in body["capabilities"]


@pytest.mark.parametrize(
    "header", [{}, {"Authorization": "Bearer ntl_wrong"}, {"Authorization": "Basic x"}]
)
def test_without_a_valid_token_401_with_a_reason(client: Client, header: dict[str, str]) -> None:
    response = client.get("/api/accounts/me", headers=header)
    assert response.status_code == 401
    assert "token" in response.json()["detail"]


def test_password_only_session_is_not_enough(
    client: Client, make_user: Callable[..., User]
) -> None:
    client.force_login(make_user(Role.BAWASLU_STAFF, "32.75"))  # no second factor
    assert client.get("/api/accounts/me").status_code == 401


def test_create_list_and_revoke_tokens(client: Client, make_user: Callable[..., User]) -> None:
    user = make_user(Role.KPU, "32")
    first = api_token_create(actor=user, owner=user, name="awal").raw
    created = client.post(
        "/api/accounts/tokens",
        {"name": "sinkron"},
        content_type="application/json",
        headers=bearer(first),
    )
    assert created.status_code == 201
    second = created.json()["token"]
    listed = client.get("/api/accounts/tokens", headers=bearer(second)).json()
    assert {t["name"] for t in listed} == {"awal", "sinkron"}
    assert all("token" not in t for t in listed)
    revoked = client.delete(f"/api/accounts/tokens/{listed[-1]['id']}", headers=bearer(second))
    assert revoked.status_code == 200 and revoked.json()["revoked_at"]
    assert client.get("/api/accounts/me", headers=bearer(first)).status_code == 401


def test_malformed_json_is_a_4xx_with_a_reason(
    client: Client, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.KPU, "32")
    raw = api_token_create(actor=user, owner=user, name="a").raw
    response = client.post(
        "/api/accounts/tokens", "{not json", content_type="application/json", headers=bearer(raw)
    )
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]
