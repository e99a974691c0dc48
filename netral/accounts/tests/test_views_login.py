"""Staff sign-in: password + TOTP, throttling, safe redirects and the workspace guard."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, totp_now
from netral.accounts.models import User

LOGIN = reverse("accounts:login")
WORKSPACE = reverse("accounts:workspace")
LOGIN_FAILED_ID = "Nama pengguna, kata sandi, atau kode autentikator salah."

if TYPE_CHECKING:
    # What the test client returns (a response with .context, .json(), ...).
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

MakeUser = Callable[..., User]
Enrol = Callable[[User], TOTPDevice]


def _post_login(client: Client, user: User, code: str, **extra: str) -> Response:
    data = {"username": user.username, "password": TEST_PASSWORD, "otp_token": code, **extra}
    return client.post(LOGIN, data)


@pytest.fixture
def staff(make_user: MakeUser, enrol_totp: Enrol) -> tuple[User, TOTPDevice]:
    user = make_user("bawaslu_staff", first_name="Sari")
    return user, enrol_totp(user)


def test_login_page_has_labelled_fields(client: Client) -> None:
    response = client.get(LOGIN)
    body = response.content.decode()
    assert response.status_code == 200
    for name in ("username", "password", "otp_token"):
        assert f'<label class="field__label" for="id_{name}">' in body
    assert 'aria-describedby="id_otp_token_helptext"' in body
    assert 'autocomplete="one-time-code"' in body
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_login_with_correct_code_lands_on_workspace(
    client: Client, staff: tuple[User, TOTPDevice]
) -> None:
    user, device = staff
    response = _post_login(client, user, totp_now(device))
    assert response.status_code == 302
    assert response.headers["Location"] == WORKSPACE
    page = client.get(WORKSPACE)
    assert page.status_code == 200
    assert "Selamat datang, Sari" in page.content.decode()


def test_wrong_code_is_refused_in_indonesian(
    client: Client, staff: tuple[User, TOTPDevice]
) -> None:
    user, device = staff
    wrong = f"{(int(totp_now(device)) + 1) % 1_000_000:06d}"
    response = _post_login(client, user, wrong)
    body = response.content.decode()
    assert response.status_code == 400
    assert LOGIN_FAILED_ID in body
    assert 'class="error-summary"' in body
    assert "_auth_user_id" not in client.session
    assert client.get(WORKSPACE).status_code == 302


def test_wrong_password_is_refused(client: Client, staff: tuple[User, TOTPDevice]) -> None:
    user, device = staff
    response = client.post(
        LOGIN, {"username": user.username, "password": "nope", "otp_token": totp_now(device)}
    )
    assert response.status_code == 400
    assert LOGIN_FAILED_ID in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_enrolled_user_without_code_is_refused_not_enrolled(
    client: Client, staff: tuple[User, TOTPDevice]
) -> None:
    user, _device = staff
    response = _post_login(client, user, "")
    assert response.status_code == 400
    assert LOGIN_FAILED_ID in response.content.decode()
    assert TOTPDevice.objects.filter(user=user).count() == 1


def test_malformed_code_gets_a_field_error(client: Client, staff: tuple[User, TOTPDevice]) -> None:
    user, _device = staff
    response = _post_login(client, user, "12ab")
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_otp_token_error"' in body
    assert 'aria-invalid="true"' in body
    assert 'aria-describedby="id_otp_token_helptext id_otp_token_error"' in body


def test_five_failures_lock_the_account_for_fifteen_minutes(
    client: Client, staff: tuple[User, TOTPDevice]
) -> None:
    user, device = staff
    statuses = [_post_login(client, user, "000000").status_code for _ in range(5)]
    assert statuses[:4] == [400] * 4
    response = _post_login(client, user, totp_now(device))
    body = response.content.decode()
    assert response.status_code == 429
    assert "Akun dikunci sementara" in body
    assert "Tunggu 15 menit" in body
    assert "_auth_user_id" not in client.session


def test_next_to_another_site_is_ignored(client: Client, staff: tuple[User, TOTPDevice]) -> None:
    user, device = staff
    response = _post_login(client, user, totp_now(device), next="https://evil.example/")
    assert response.headers["Location"] == WORKSPACE


def test_next_on_this_site_is_followed(client: Client, staff: tuple[User, TOTPDevice]) -> None:
    user, device = staff
    response = _post_login(client, user, totp_now(device), next="/?from=login")
    assert response.headers["Location"] == "/?from=login"


def test_workspace_sends_anonymous_visitors_to_login(client: Client) -> None:
    response = client.get(WORKSPACE)
    assert response.status_code == 302
    assert response.headers["Location"] == f"{LOGIN}?next={WORKSPACE}"


def test_workspace_needs_the_second_factor(client: Client, make_user: MakeUser) -> None:
    client.force_login(make_user("bkn"))  # password only: not OTP-verified
    response = client.get(WORKSPACE)
    assert response.status_code == 302
    assert response.headers["Location"].startswith(LOGIN)


def test_logout_is_post_only(client: Client, staff: tuple[User, TOTPDevice]) -> None:
    user, device = staff
    _post_login(client, user, totp_now(device))
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.headers["Location"] == reverse("home")
    assert client.get(WORKSPACE).status_code == 302
