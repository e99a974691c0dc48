"""Tokens expire (90 days by default, ``NETRAL_TOKEN_DAYS``), and a revoked or expired token
answers 401 JSON on every method, never a 403 about CSRF."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from netral.accounts.models import ApiToken, Role, User
from netral.accounts.services import api_token_create, api_token_revoke

pytestmark = pytest.mark.usefixtures("regions")


def bearer(raw: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {raw}"}


def _post_token(client: Client, raw: str) -> Any:
    return client.post(
        "/api/accounts/tokens", {"name": "x"}, content_type="application/json", headers=bearer(raw)
    )


def test_a_revoked_token_on_post_is_401_json(make_user: Callable[..., User]) -> None:
    user = make_user(Role.KPU, "32")
    issued = api_token_create(actor=user, owner=user, name="skrip")
    api_token_revoke(actor=user, token_id=issued.token.pk)
    client = Client(enforce_csrf_checks=True)
    response = _post_token(client, issued.raw)
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
    assert "CSRF" not in response.json()["detail"]
    delete = client.delete(f"/api/accounts/tokens/{issued.token.pk}", headers=bearer(issued.raw))
    assert delete.status_code == 401


def test_tokens_expire_after_ninety_days_by_default(make_user: Callable[..., User]) -> None:
    user = make_user(Role.KPU, "32")
    before = timezone.now()
    token = api_token_create(actor=user, owner=user, name="skrip").token
    assert token.expires_at is not None
    lifetime = token.expires_at - before
    assert datetime.timedelta(days=90) - datetime.timedelta(minutes=1) < lifetime
    assert lifetime <= datetime.timedelta(days=90, minutes=1)


def test_token_lifetime_is_a_setting(settings: Any, make_user: Callable[..., User]) -> None:
    settings.NETRAL_TOKEN_DAYS = 7
    user = make_user(Role.KPU, "32")
    token = api_token_create(actor=user, owner=user, name="skrip").token
    assert token.expires_at is not None
    assert abs(token.expires_at - timezone.now() - datetime.timedelta(days=7)).total_seconds() < 60


def test_an_expired_token_is_refused_with_401(
    client: Client, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.KPU, "32")
    issued = api_token_create(actor=user, owner=user, name="skrip")
    assert client.get("/api/accounts/me", headers=bearer(issued.raw)).status_code == 200
    ApiToken.objects.filter(pk=issued.token.pk).update(
        expires_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    assert client.get("/api/accounts/me", headers=bearer(issued.raw)).status_code == 401
    assert _post_token(client, issued.raw).status_code == 401


def test_the_token_list_shows_when_each_expires(
    client: Client, make_user: Callable[..., User]
) -> None:
    user = make_user(Role.KPU, "32")
    raw = api_token_create(actor=user, owner=user, name="skrip").raw
    listed = client.get("/api/accounts/tokens", headers=bearer(raw)).json()
    assert listed[0]["expires_at"]
