"""Invitation links (issue #15, item 8): mailed through a real SMTP server, they set the
password and enrol an authenticator once; used or expired, they say so. The admin-assisted
recovery removes a lost authenticator and mails a fresh link, both steps audited."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import TEST_PASSWORD, SignIn, totp_now
from netral.accounts.invitations import invitation_url, totp_recovery_start
from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.common.errors import PermissionDenied
from netral.common.tests.smtp import Inbox, smtp_inbox

pytestmark = pytest.mark.usefixtures("regions")
SITE = "https://netral.example.go.id"
NEW_PASSWORD = "sawah-hijau-gunung-biru-77"


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    settings.NETRAL_SITE_URL = SITE
    with smtp_inbox(settings) as inbox:
        yield inbox


def link_in(inbox: Inbox) -> str:
    payload = inbox.messages[-1][1].get_payload(decode=True)
    assert isinstance(payload, bytes)
    body = payload.decode()
    match = re.search(re.escape(SITE) + r"(/akun/undangan/\S+/)", body)
    assert match, body
    return match.group(1)


def new_account(make_user: Callable[..., User]) -> User:
    user = make_user(Role.BAWASLU_STAFF, "32.73", email="baru@bawaslu.example.go.id")
    user.set_unusable_password()
    user.save(update_fields=["password"])
    return user


def accept(client: Client, path: str, user: User, **extra: str) -> Any:
    client.get(path)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    data = {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD, "otp_token": totp_now(device)}
    return client.post(path, {**data, **extra})


def test_link_sets_password_enrols_and_works_once(make_user: Callable[..., User]) -> None:
    user = new_account(make_user)
    path = invitation_url(user=user).removeprefix(SITE)
    client = Client()
    page = client.get(path)
    assert page.status_code == 200
    assert b"<svg" in page.content and b"secret" in page.content
    wrong = client.post(
        path, {"password": NEW_PASSWORD, "password_again": "lain", "otp_token": "1"}
    )
    assert wrong.status_code == 400
    done = accept(client, path, user)
    assert done.status_code == 302 and done["Location"] == reverse("accounts:workspace")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).count() == 1
    assert AuditEntry.objects.filter(
        action="user.invitation_accept", object_id=str(user.pk)
    ).exists()
    used = Client().get(path)
    assert used.status_code == 410
    assert "sudah dipakai" in used.content.decode()


def test_expired_link_says_so(make_user: Callable[..., User], settings: Any) -> None:
    settings.NETRAL_INVITATION_HOURS = 72
    user = new_account(make_user)
    old = time.time() - 73 * 3600
    path = invitation_url(user=user, at=old).removeprefix(SITE)
    response = Client().get(path)
    assert response.status_code == 410
    assert "kedaluwarsa" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert Client().get(path[:-5] + "xxxx/").status_code == 410


def test_recovery_resets_device_and_mails_a_fresh_link(
    make_user: Callable[..., User],
    enrol_totp: Callable[[User], TOTPDevice],
    sign_in: SignIn,
    smtp: Inbox,
    django_capture_on_commit_callbacks: Any,
) -> None:
    person = make_user(Role.BAWASLU_STAFF, "32.73", email="hilang@bawaslu.example.go.id")
    old_device = enrol_totp(person)
    old_code = totp_now(old_device)
    admin_client, admin = sign_in(Role.ADMIN)
    url = reverse("staff_accounts:recovery", kwargs={"user_id": person.pk})
    found = admin_client.get(reverse("staff_accounts:recovery_find"), {"username": person.username})
    assert found.status_code == 302 and found["Location"] == url
    assert admin_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url)
    assert response.status_code == 200 and b"recovery-done" in response.content
    # Both steps audited; the old device is gone, so its codes no longer sign in.
    assert AuditEntry.objects.filter(action="user.totp_reset", object_id=str(person.pk)).exists()
    assert AuditEntry.objects.filter(action="user.recovery_link", actor=admin).exists()
    assert not TOTPDevice.objects.filter(pk=old_device.pk).exists()
    login = Client().post(
        reverse("accounts:login"),
        {"username": person.username, "password": TEST_PASSWORD, "otp_token": old_code},
    )
    assert login.status_code != 302 or login["Location"] == reverse("accounts:enrol")
    assert smtp.messages[-1][0] == ["hilang@bawaslu.example.go.id"]
    path = link_in(smtp)
    client = Client()
    page = client.get(path)
    assert page.status_code == 200
    assert b"id_password" not in page.content  # the password stays as it was
    device = TOTPDevice.objects.get(user=person, confirmed=False)
    done = client.post(path, {"otp_token": totp_now(device)})
    assert done.status_code == 302
    person.refresh_from_db()
    assert person.check_password(TEST_PASSWORD)
    assert Client().get(path).status_code == 410


def test_recovery_is_for_administrators_only(
    make_user: Callable[..., User], sign_in: SignIn
) -> None:
    person = make_user(Role.BAWASLU_STAFF, "32.73", email="x@bawaslu.example.go.id")
    leader = make_user(Role.BAWASLU_LEADER, "32")
    with pytest.raises(PermissionDenied):
        totp_recovery_start(actor=leader, user_id=person.pk)
    client, _ = sign_in(Role.BAWASLU_LEADER, "32")
    url = reverse("staff_accounts:recovery", kwargs={"user_id": person.pk})
    assert client.post(url).status_code == 403
    assert not AuditEntry.objects.filter(action="user.recovery_link").exists()


def test_a_newer_recovery_link_retires_the_older(
    make_user: Callable[..., User],
    enrol_totp: Callable[[User], TOTPDevice],
    smtp: Inbox,
    django_capture_on_commit_callbacks: Any,
) -> None:
    person = make_user(Role.KPU, "32", email="kpu@example.go.id")
    admin = make_user(Role.ADMIN)
    enrol_totp(person)
    with django_capture_on_commit_callbacks(execute=True):
        totp_recovery_start(actor=admin, user_id=person.pk)
    first = link_in(smtp)
    with django_capture_on_commit_callbacks(execute=True):
        totp_recovery_start(actor=admin, user_id=person.pk)
    second = link_in(smtp)
    assert Client().get(first).status_code == 410
    assert Client().get(second).status_code == 200
