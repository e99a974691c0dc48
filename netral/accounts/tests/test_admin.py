"""The back office: reachable only with both factors, reference data read-only, user
changes through the accounts services (validation + audit), TOTP keys never shown."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, SignIn, totp_now
from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.elections.models import Election
from netral.regions.models import Region

pytestmark = pytest.mark.usefixtures("elections")

ADMIN = "/admin/"
LOGIN = reverse("accounts:login")


def _admin_client(sign_in: SignIn) -> tuple[Client, User]:
    client, admin = sign_in(Role.ADMIN)
    assert client.get(ADMIN).status_code == 200
    return client, admin


def _sent_to_staff_login(client: Client, url: str) -> str:
    """Follow the back office's redirects until the staff sign-in; return its URL."""
    response = client.get(url)
    for _ in range(3):
        assert response.status_code == 302, response.status_code
        location = response.headers["Location"]
        if location.startswith(LOGIN):
            return location
        response = client.get(location)
    raise AssertionError("never reached the staff sign-in")


def _user_form(user: User, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "role": user.role,
        "jurisdiction": user.jurisdiction_id or "",
        "office_name": user.office_name,
        "is_active": "on" if user.is_active else "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_password_alone_does_not_open_the_back_office(
    make_user: Callable[..., User], enrol_totp: Callable[[User], TOTPDevice]
) -> None:
    admin = make_user(Role.ADMIN)
    enrol_totp(admin)
    client = Client()
    # Django's admin login form (password only) is gone: it sends to the staff sign-in.
    response = client.post(
        f"{ADMIN}login/", {"username": admin.username, "password": TEST_PASSWORD}
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    assert "next=%2Fadmin%2F" in _sent_to_staff_login(client, ADMIN)
    # A session that passed the password but not the second factor is refused too.
    half = Client()
    half.force_login(admin)
    _sent_to_staff_login(half, ADMIN)
    _sent_to_staff_login(half, f"{ADMIN}accounts/user/")


def test_admin_signs_in_through_the_staff_login_with_a_code(
    make_user: Callable[..., User], enrol_totp: Callable[[User], TOTPDevice]
) -> None:
    admin = make_user(Role.ADMIN)
    device = enrol_totp(admin)
    client = Client()
    login_url = _sent_to_staff_login(client, f"{ADMIN}accounts/user/")
    response = client.post(
        login_url,
        {"username": admin.username, "password": TEST_PASSWORD, "otp_token": totp_now(device)},
    )
    assert response.status_code == 302
    assert response.headers["Location"].startswith(ADMIN)
    assert client.get(f"{ADMIN}accounts/user/").status_code == 200


def test_staff_with_two_factors_but_no_admin_role_is_refused(sign_in: SignIn) -> None:
    client, _ = sign_in(Role.BAWASLU_LEADER)
    assert client.get(ADMIN).status_code in (302, 403)
    assert client.get(f"{ADMIN}accounts/user/").status_code in (302, 403)
    assert client.get(f"{ADMIN}login/").status_code == 403


def test_reference_data_is_read_only(sign_in: SignIn) -> None:
    client, _ = _admin_client(sign_in)
    region = Region.objects.get(code="32.75")
    election = Election.objects.filter(region=region).first()
    assert election is not None
    assert client.get(f"{ADMIN}regions/region/{region.pk}/change/").status_code == 200
    assert (
        client.post(
            f"{ADMIN}regions/region/{region.pk}/change/", {"name": "Kota Palsu"}
        ).status_code
        == 403
    )
    assert client.get(f"{ADMIN}regions/region/add/").status_code == 403
    assert (
        client.post(f"{ADMIN}regions/region/{region.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert (
        client.post(
            f"{ADMIN}elections/election/{election.pk}/change/", {"name": "Pilkada Palsu"}
        ).status_code
        == 403
    )
    assert (
        client.post(
            f"{ADMIN}elections/electioncycle/{election.cycle_id}/change/", {"name": "x"}
        ).status_code
        == 403
    )
    assert client.get(f"{ADMIN}elections/electioncycle/add/").status_code == 403
    region.refresh_from_db()
    election.refresh_from_db()
    assert region.name != "Kota Palsu"
    assert election.name != "Pilkada Palsu"


def test_editing_a_user_goes_through_the_service(
    sign_in: SignIn, make_user: Callable[..., User]
) -> None:
    client, admin = _admin_client(sign_in)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    url = f"{ADMIN}accounts/user/{staff.pk}/change/"
    assert client.get(url).status_code == 200

    # Validation of the service applies: a PPK office must name a region.
    refused = client.post(url, _user_form(staff, role=Role.PPK_OFFICE, jurisdiction=""))
    assert refused.status_code == 200
    assert "harus memiliki wilayah kerja" in refused.content.decode()
    staff.refresh_from_db()
    assert staff.role == Role.BAWASLU_STAFF

    # Superuser and staff flags follow the role; they cannot be ticked by hand.
    response = client.post(
        url,
        _user_form(staff, role=Role.BAWASLU_LEADER, is_superuser="on", is_staff="on"),
    )
    assert response.status_code == 302, response.content[:2000]
    staff.refresh_from_db()
    assert staff.role == Role.BAWASLU_LEADER
    assert not staff.is_superuser and not staff.is_staff
    entry = AuditEntry.objects.filter(action="user.change", object_id=str(staff.pk)).latest("seq")
    assert entry.actor_id == admin.pk
    assert entry.before == {"role": "bawaslu_staff"}
    assert entry.after == {"role": "bawaslu_leader"}


def test_password_set_in_the_admin_is_validated_and_audited(
    sign_in: SignIn, make_user: Callable[..., User]
) -> None:
    client, admin = _admin_client(sign_in)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    url = f"{ADMIN}accounts/user/{staff.pk}/password/"
    short = client.post(url, {"password1": "pendek", "password2": "pendek"})
    assert short.status_code == 200
    staff.refresh_from_db()
    assert staff.check_password(TEST_PASSWORD)
    new = "another-long-passphrase-2024"
    response = client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    assert response.status_code == 302, response.content[:2000]
    staff.refresh_from_db()
    assert staff.check_password(new)
    entry = AuditEntry.objects.filter(action="user.password_set").latest("seq")
    assert entry.actor_id == admin.pk
    assert entry.object_id == str(staff.pk)
    assert new not in str(entry.after) and new not in str(entry.before)


def test_users_cannot_be_deleted_in_the_admin(
    sign_in: SignIn, make_user: Callable[..., User]
) -> None:
    client, _ = _admin_client(sign_in)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    response = client.post(f"{ADMIN}accounts/user/{staff.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert User.objects.filter(pk=staff.pk).exists()


def test_totp_keys_are_never_shown_or_edited(
    sign_in: SignIn, make_user: Callable[..., User], enrol_totp: Callable[[User], TOTPDevice]
) -> None:
    client, _ = _admin_client(sign_in)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    device = enrol_totp(staff)
    key = device.key
    listing = client.get(f"{ADMIN}otp_totp/totpdevice/")
    assert listing.status_code == 200
    assert key not in listing.content.decode()
    page = client.get(f"{ADMIN}otp_totp/totpdevice/{device.pk}/change/")
    assert page.status_code == 200
    body = page.content.decode()
    assert key not in body
    assert 'name="key"' not in body
    config = client.get(f"{ADMIN}otp_totp/totpdevice/{device.pk}/config/", follow=True)
    assert key not in config.content.decode()
    assert client.get(f"{ADMIN}otp_totp/totpdevice/{device.pk}/qrcode/").status_code != 200
    assert client.get(f"{ADMIN}otp_totp/totpdevice/add/").status_code == 403
    changed = client.post(
        f"{ADMIN}otp_totp/totpdevice/{device.pk}/change/",
        {"user": staff.pk, "name": "x", "key": "00" * 20, "confirmed": "on"},
    )
    assert changed.status_code == 403
    device.refresh_from_db()
    assert device.key == key
