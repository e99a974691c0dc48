"""Behind the load balancer: the client is the address the trusted proxy saw (login lockout and
every rate limit), and a forged X-Forwarded-For counts for nothing without a trusted proxy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import Role, User
from netral.common.ratelimit import client_address

LOGIN = reverse("accounts:login")
PROXY = "10.0.0.7"  # the load balancer: every request reaches us from it


def _behind_proxy(forwarded: str) -> Client:
    return Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)


def _fail(client: Client, user: User, times: int) -> list[int]:
    data = {"username": user.username, "password": "wrong-password", "otp_token": "000000"}
    return [client.post(LOGIN, data).status_code for _ in range(times)]


def _sign_in(client: Client, user: User, device: TOTPDevice) -> int:
    data = {"username": user.username, "password": TEST_PASSWORD, "otp_token": totp_now(device)}
    return client.post(LOGIN, data).status_code


@pytest.fixture
def staff(
    make_user: Callable[..., User], enrol_totp: Callable[[User], TOTPDevice]
) -> tuple[User, TOTPDevice]:
    user = make_user(Role.BAWASLU_STAFF)
    return user, enrol_totp(user)


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "203.0.113.9", PROXY),  # no trusted proxy: the header is the client's own words
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "198.51.100.1, 203.0.113.9", "203.0.113.9"),  # the left part is forgeable
        (2, "198.51.100.1, 203.0.113.9, 10.0.0.3", "203.0.113.9"),
        (2, "203.0.113.9", "203.0.113.9"),
        (1, "not-an-address", PROXY),
        (1, "", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address_follows_the_trusted_hops(
    settings: Any, proxies: int, forwarded: str, expected: str
) -> None:
    settings.NETRAL_TRUSTED_PROXIES = proxies
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_two_clients_behind_one_proxy_are_locked_out_separately(
    settings: Any, staff: tuple[User, TOTPDevice]
) -> None:
    settings.NETRAL_TRUSTED_PROXIES = 1
    user, device = staff
    attacker = _behind_proxy("203.0.113.66")
    _fail(attacker, user, 5)
    assert _fail(attacker, user, 1) == [429]
    # The owner, elsewhere behind the same load balancer, still signs in.
    assert _sign_in(_behind_proxy("198.51.100.20"), user, device) == 302


def test_a_forged_header_does_not_escape_the_lockout_without_trusted_proxies(
    settings: Any, staff: tuple[User, TOTPDevice]
) -> None:
    settings.NETRAL_TRUSTED_PROXIES = 0
    user, device = staff
    for n in range(5):
        _fail(_behind_proxy(f"203.0.113.{n}"), user, 1)
    assert _sign_in(_behind_proxy("198.51.100.20"), user, device) == 429


@pytest.mark.usefixtures("elections")
def test_two_clients_behind_one_proxy_have_their_own_lookup_budget(settings: Any) -> None:
    settings.NETRAL_TRUSTED_PROXIES = 1
    settings.NETRAL_RATE_LIMITS = {"receipt-lookup": (2, 600)}
    first, second = _behind_proxy("203.0.113.1"), _behind_proxy("203.0.113.2")
    code = {"receipt_code": "1234567812345678"}
    assert [first.post("/lacak/", code).status_code for _ in range(3)] == [404, 404, 429]
    assert second.post("/lacak/", code).status_code == 404


@pytest.mark.usefixtures("elections")
def test_a_forged_header_shares_the_proxy_budget_without_trusted_proxies(settings: Any) -> None:
    settings.NETRAL_TRUSTED_PROXIES = 0
    settings.NETRAL_RATE_LIMITS = {"receipt-lookup": (2, 600)}
    code = {"receipt_code": "1234567812345678"}
    statuses = [_behind_proxy(f"203.0.113.{n}").post("/lacak/", code).status_code for n in range(3)]
    assert statuses == [404, 404, 429]
