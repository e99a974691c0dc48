"""Shared fixtures: the real region list and elections, and staff users per role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import User
from netral.accounts.services import totp_device_create, user_create
from netral.demo.accounts import totp_current_code
from netral.elections.models import Election
from netral.elections.services import election_cycles_load_all
from netral.regions.models import Region
from netral.regions.services import regions_load

TEST_PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    """Load the reference data once into the test database; each test rolls back over it."""
    with django_db_blocker.unblock():
        regions_load()
        election_cycles_load_all()


@pytest.fixture
def regions(db: Any) -> None:
    """All 38 provinces and 514 regencies/cities from the official list.

    Already there from ``django_db_setup``, unless a transactional test flushed them.
    """
    if not Region.objects.filter(code="96.71").exists():
        regions_load()


@pytest.fixture
def elections(regions: None) -> None:
    """Pilkada 2024 (545 elections) and Pemilu 2024."""
    if not Election.objects.filter(region_id="96.71").exists():
        election_cycles_load_all()


@pytest.fixture
def make_user(db: Any) -> Callable[..., User]:
    counter = iter(range(1, 10_000))

    def make(role: str, region: str | None = None, **extra: Any) -> User:
        jurisdiction = Region.objects.get(code=region) if region else None
        return user_create(
            actor=None,
            username=extra.pop("username", f"{role}-{region or 'ri'}-{next(counter)}"),
            password=TEST_PASSWORD,
            role=role,
            jurisdiction=jurisdiction,
            **extra,
        )

    return make


def totp_now(device: TOTPDevice) -> str:
    """The code an authenticator app would show for ``device`` right now."""
    return totp_current_code(device)


@pytest.fixture
def enrol_totp() -> Callable[[User], TOTPDevice]:
    return lambda user: totp_device_create(user=user)


SignIn = Callable[..., tuple[Client, User]]


@pytest.fixture
def sign_in(make_user: Callable[..., User], enrol_totp: Callable[[User], TOTPDevice]) -> SignIn:
    """A client signed in through the real login page (password and authenticator code) as a
    new user of ``role`` in ``region`` (None: national)."""

    def sign(role: str, region: str | None = None) -> tuple[Client, User]:
        user = make_user(role, region)
        device = enrol_totp(user)
        client = Client()
        response = client.post(
            reverse("accounts:login"),
            {"username": user.username, "password": TEST_PASSWORD, "otp_token": totp_now(device)},
        )
        assert response.status_code == 302, response.content[:500]
        return client, user

    return sign
