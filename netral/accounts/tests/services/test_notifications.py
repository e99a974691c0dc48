"""The notification centre: notify, read, choose the e-mail rhythm; the mails go through a
real SMTP server (aiosmtpd) right after the action, hourly or daily as each person chose,
with links NETRAL_SITE_URL + reverse() and nothing but the notification's text."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from email.header import decode_header, make_header
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from netral.accounts.models import Role, User
from netral.accounts.notification_models import EmailFrequency, Notification
from netral.accounts.notifications import (
    notification_mark_all_read,
    notification_open,
    notification_settings_set,
    notification_unread_count,
    notify,
)
from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError, NotFound
from netral.common.tests.smtp import Inbox, smtp_inbox

pytestmark = pytest.mark.usefixtures("regions")
SITE = "https://netral.example.go.id"
KIND = Notification.Kind.ASSIGNMENT


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    settings.NETRAL_SITE_URL = SITE
    with smtp_inbox(settings) as inbox:
        yield inbox


def body_of(mail: Any) -> str:
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def tell(user: User, text: str = "Kasus #7 ditugaskan kepada Anda", key: str = "") -> None:
    notify(user_ids=[user.pk], kind=KIND, text=text, link="/ruang-kerja/kasus/7/", key=key)


def test_notify_counts_unread_and_open_marks_read(make_user: Callable[..., User]) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    other = make_user(Role.BAWASLU_STAFF, "32.75")
    tell(staff)
    tell(staff, "Kasus #8 ditugaskan kepada Anda")
    assert notification_unread_count(user=staff) == 2
    assert notification_unread_count(user=other) == 0
    first = Notification.objects.filter(user=staff).order_by("pk").first()
    assert first is not None
    assert notification_open(actor=staff, notification_id=first.pk) == "/ruang-kerja/kasus/7/"
    assert notification_unread_count(user=staff) == 1
    # Someone else's notification is "not found", like a missing one.
    with pytest.raises(NotFound):
        notification_open(actor=other, notification_id=first.pk)
    assert notification_mark_all_read(actor=staff) == 1
    assert notification_unread_count(user=staff) == 0


def test_a_key_makes_a_repeat_a_no_op(make_user: Callable[..., User]) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    tell(staff, key="deadline:case:7:2024-11-11")
    tell(staff, key="deadline:case:7:2024-11-11")
    assert Notification.objects.filter(user=staff).count() == 1


def test_links_stay_inside_the_site(make_user: Callable[..., User]) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    for link in ("https://evil.example/", "//evil.example/x"):
        with pytest.raises(ValueError):
            notify(user_ids=[staff.pk], kind=KIND, text="x", link=link)


def test_choosing_the_frequency_is_audited_and_checked(make_user: Callable[..., User]) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    notification_settings_set(actor=staff, email_frequency=EmailFrequency.HOURLY)
    entry = AuditEntry.objects.get(action="notification.settings")
    assert entry.after == {"email_frequency": "hourly"}
    with pytest.raises(ApplicationError):
        notification_settings_set(actor=staff, email_frequency="weekly")


def test_immediate_mail_after_commit_only_to_those_who_chose_it(
    make_user: Callable[..., User], smtp: Inbox, django_capture_on_commit_callbacks: Any
) -> None:
    quick = make_user(Role.BAWASLU_STAFF, "32.75", email="cepat@bawaslu.go.id")
    daily = make_user(Role.BAWASLU_STAFF, "32.75", email="harian@bawaslu.go.id")
    notification_settings_set(actor=quick, email_frequency=EmailFrequency.IMMEDIATE)
    with django_capture_on_commit_callbacks(execute=True):
        notify(
            user_ids=[quick.pk, daily.pk],
            kind=KIND,
            text="Kasus #7 ditugaskan kepada Anda",
            link="/ruang-kerja/kasus/7/",
        )
    assert [rcpt for rcpt, _ in smtp.messages] == [["cepat@bawaslu.go.id"]]
    mail = smtp.messages[0][1]
    assert str(make_header(decode_header(mail["Subject"]))) == "Netral: 1 notifikasi baru"
    body = body_of(mail)
    note = Notification.objects.get(user=quick)
    assert "Penugasan: Kasus #7 ditugaskan kepada Anda" in body
    assert SITE + reverse("notifications:open", kwargs={"notification_id": note.pk}) in body
    assert SITE + reverse("notifications:settings") in body
    assert note.emailed_at is not None
    assert Notification.objects.get(user=daily).emailed_at is None


def test_hourly_and_daily_digests(make_user: Callable[..., User], smtp: Inbox) -> None:
    hourly = make_user(Role.BAWASLU_STAFF, "32.75", email="jam@bawaslu.go.id")
    daily = make_user(Role.BAWASLU_LEADER, "32.75", email="hari@bawaslu.go.id")  # the default
    no_mail = make_user(Role.BAWASLU_STAFF, "32.75", email="")
    read = make_user(Role.BAWASLU_STAFF, "32.75", email="sudah@bawaslu.go.id")
    notification_settings_set(actor=hourly, email_frequency=EmailFrequency.HOURLY)
    for user in (hourly, daily, no_mail, read):
        tell(user)
        tell(user, "Kasus #8 ditugaskan kepada Anda")
    notification_mark_all_read(actor=read)  # already read in the workspace: not mailed

    call_command("send_notification_digest", "--frequency", "hourly", stdout=io.StringIO())
    assert [rcpt for rcpt, _ in smtp.messages] == [["jam@bawaslu.go.id"]]
    body = body_of(smtp.messages[0][1])
    assert "Kasus #7" in body and "Kasus #8" in body

    out = io.StringIO()
    call_command("send_notification_digest", "--frequency", "daily", stdout=out)
    assert "1 e-mail" in out.getvalue()
    assert [rcpt for rcpt, _ in smtp.messages][1:] == [["hari@bawaslu.go.id"]]
    # Mailed once: the next digest has nothing new.
    call_command("send_notification_digest", "--frequency", "daily", stdout=io.StringIO())
    call_command("send_notification_digest", "--frequency", "hourly", stdout=io.StringIO())
    assert len(smtp.messages) == 2


def test_pages_list_open_and_settings(sign_in: Any) -> None:
    client, staff = sign_in(Role.BAWASLU_STAFF, "32.75")
    tell(staff)
    page = client.get(reverse("notifications:list"))
    assert page.status_code == 200
    assert "Kasus #7 ditugaskan kepada Anda" in page.content.decode()
    assert 'id="notification-count">1<' in page.content.decode()
    note = Notification.objects.get(user=staff)
    opened = client.get(reverse("notifications:open", kwargs={"notification_id": note.pk}))
    assert opened.status_code == 302 and opened["Location"] == "/ruang-kerja/kasus/7/"
    assert notification_unread_count(user=staff) == 0
    saved = client.post(reverse("notifications:settings"), {"email_frequency": "hourly"})
    assert saved.status_code == 302
    bad = client.post(reverse("notifications:settings"), {"email_frequency": "weekly"})
    assert bad.status_code == 400
    # Another person's notification: 404.
    other_client, _other = sign_in(Role.BAWASLU_STAFF, "32.75")
    assert isinstance(other_client, Client)
    missing = other_client.get(reverse("notifications:open", kwargs={"notification_id": note.pk}))
    assert missing.status_code == 404


def test_the_list_page_costs_the_same_for_3_or_30_notifications(
    sign_in: Any, django_assert_max_num_queries: Any
) -> None:
    client, staff = sign_in(Role.BAWASLU_STAFF, "32.75")
    for i in range(3):
        tell(staff, f"Kasus #{i} ditugaskan kepada Anda")
    client.get(reverse("notifications:list"))  # warm the session
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("notifications:list"))
    for i in range(27):
        tell(staff, f"Kasus #{i + 3} ditugaskan kepada Anda")
    with django_assert_max_num_queries(len(few)):
        page = client.get(reverse("notifications:list"))
    assert page.content.decode().count("ditugaskan kepada Anda") == 30


def test_the_digests_and_the_deadline_alerts_are_scheduled() -> None:
    from netral.common import schedule

    jobs = {job.name: job.when for job in schedule.jobs()}
    assert jobs["accounts.notification_digest_hourly"] == "every 1:00:00"
    assert jobs["accounts.notification_digest_daily"] == "daily 07:00"
    assert jobs["followup.deadline_alerts"] == "daily 06:45"
