"""First sign-in without an authenticator: enrol one, confirm it with a code, land inside."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import User
from netral.accounts.views import ENROL_SESSION_KEY
from netral.audit.models import AuditEntry

LOGIN = reverse("accounts:login")
ENROL = reverse("accounts:enrol")
WORKSPACE = reverse("accounts:workspace")

if TYPE_CHECKING:
    # What the test client returns (a response with .context, .json(), ...).
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

MakeUser = Callable[..., User]


@pytest.fixture(autouse=True)
def _no_otp_throttle(settings: object) -> None:
    # django-otp delays the next try after a wrong code; these tests retry at once.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # type: ignore[attr-defined]


def _password_step(client: Client, user: User, **extra: str) -> Response:
    data = {"username": user.username, "password": TEST_PASSWORD, "otp_token": "", **extra}
    return client.post(LOGIN, data)


def _pending(user: User) -> TOTPDevice:
    return TOTPDevice.objects.get(user=user, confirmed=False)


def test_enrolment_end_to_end(client: Client, make_user: MakeUser) -> None:
    user = make_user("kpu")
    response = _password_step(client, user, next="/?sesudah=daftar")
    assert response.status_code == 302
    assert response.headers["Location"] == ENROL
    assert "_auth_user_id" not in client.session  # not signed in yet

    page = client.get(ENROL)
    body = page.content.decode()
    assert page.status_code == 200
    assert '<svg viewBox="0 0 ' in body and 'class="qr"' in body
    assert page.context["secret"].replace(" ", "") in body.replace(" ", "")
    assert client.get(WORKSPACE).status_code == 302

    device = _pending(user)
    wrong = f"{(int(totp_now(device)) + 1) % 1_000_000:06d}"
    refused = client.post(ENROL, {"otp_token": wrong})
    assert refused.status_code == 400
    assert "Kode tidak cocok" in refused.content.decode()
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()

    device.refresh_from_db()
    done = client.post(ENROL, {"otp_token": totp_now(device)})
    assert done.status_code == 302
    assert done.headers["Location"] == "/?sesudah=daftar"
    assert ENROL_SESSION_KEY not in client.session
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get(WORKSPACE).status_code == 200
    entry = AuditEntry.objects.filter(action="user.totp_enrol").latest("seq")
    assert entry.actor_id == user.pk
    assert entry.object_id == str(user.pk)


def test_enrolled_device_then_signs_in_normally(client: Client, make_user: MakeUser) -> None:
    user = make_user("bkn")
    _password_step(client, user)
    device = _pending(user)
    client.post(ENROL, {"otp_token": totp_now(device)})
    client.post(reverse("accounts:logout"))

    # The next sign-in asks for a code: an empty one is now a failure, not a new enrolment.
    assert _password_step(client, user).status_code == 400
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_wrong_password_never_reaches_enrolment(client: Client, make_user: MakeUser) -> None:
    user = make_user("kpu")
    response = client.post(LOGIN, {"username": user.username, "password": "x", "otp_token": ""})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert client.get(ENROL).headers["Location"] == LOGIN


def test_enrolment_page_without_a_pending_enrolment_goes_to_login(client: Client) -> None:
    response = client.get(ENROL)
    assert response.status_code == 302
    assert response.headers["Location"] == LOGIN


def test_pending_enrolment_expires(client: Client, make_user: MakeUser) -> None:
    user = make_user("kpu")
    _password_step(client, user)
    session = client.session
    session[ENROL_SESSION_KEY] = {**session[ENROL_SESSION_KEY], "at": 0}
    session.save()
    assert client.get(ENROL).headers["Location"] == LOGIN


def test_enrolment_cannot_replace_a_device_set_by_an_administrator(
    client: Client, make_user: MakeUser, enrol_totp: Callable[[User], TOTPDevice]
) -> None:
    user = make_user("kpu")
    _password_step(client, user)
    pending = _pending(user)
    admin_device = enrol_totp(user)  # deletes the pending one and confirms a new one
    response = client.post(ENROL, {"otp_token": totp_now(pending)})
    assert response.headers["Location"] == LOGIN
    assert list(TOTPDevice.objects.filter(user=user)) == [admin_device]
    assert "_auth_user_id" not in client.session


def test_next_to_another_site_is_dropped_after_enrolment(
    client: Client, make_user: MakeUser
) -> None:
    user = make_user("kpu")
    _password_step(client, user, next="//evil.example/")
    done = client.post(ENROL, {"otp_token": totp_now(_pending(user))})
    assert done.headers["Location"] == WORKSPACE
