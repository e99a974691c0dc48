"""The workspace landing page: who the user is and what their jurisdiction spans."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import User

MakeUser = Callable[..., User]


def _sign_in(client: Client, user: User, device: TOTPDevice) -> None:
    response = client.post(
        reverse("accounts:login"),
        {"username": user.username, "password": TEST_PASSWORD, "otp_token": totp_now(device)},
    )
    assert response.status_code == 302


def test_national_account(
    client: Client, make_user: MakeUser, enrol_totp: Callable[[User], TOTPDevice]
) -> None:
    user = make_user("bawaslu_leader", first_name="Rahmat")
    _sign_in(client, user, enrol_totp(user))
    body = client.get(reverse("accounts:workspace")).content.decode()
    assert "Selamat datang, Rahmat" in body
    assert "Pimpinan Bawaslu" in body
    assert "Nasional" in body
    # Staff pages load htmx without letting it inject inline styles.
    assert "django_htmx/htmx-2.min.js" in body
    assert '"includeIndicatorStyles": false' in body


@pytest.mark.usefixtures("regions")
def test_provincial_account_counts_its_regions(
    client: Client, make_user: MakeUser, enrol_totp: Callable[[User], TOTPDevice]
) -> None:
    user = make_user("bawaslu_staff", region="32", office_name="Bawaslu Provinsi Jawa Barat")
    _sign_in(client, user, enrol_totp(user))
    response = client.get(reverse("accounts:workspace"))
    summary = response.context["summary"]
    body = response.content.decode()
    assert summary.regions_covered == 28  # Jawa Barat and its 27 regencies/cities
    assert "Jawa Barat" in body
    assert "Provinsi" in body
    assert "Bawaslu Provinsi Jawa Barat" in body
    assert f"{summary.regions_covered} wilayah (provinsi dan kabupaten/kota)" in body
