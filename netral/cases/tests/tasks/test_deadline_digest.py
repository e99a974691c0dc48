"""The daily deadline digest: one mail per office, through a real SMTP server (aiosmtpd),
to that office's own staff only, listing overdue and nearly due cases without names."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable, Iterator
from email.header import decode_header, make_header
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.cases import services
from netral.cases.digest import deadline_digest, digest_horizon
from netral.cases.models import Case, Status
from netral.cases.tasks import send_deadline_digest
from netral.cases.tests.factories import case_from_report
from netral.common.tests.smtp import Inbox, smtp_inbox
from netral.rules.selectors import requirement_list

WIB = ZoneInfo("Asia/Jakarta")
WIT = ZoneInfo("Asia/Jayapura")
# What the factory's report names: the reported ASN and the reporter.
SECRETS = ("Bambang", "Wijaya", "198503172010011004", "Rina", "Kartika", "3275015703900001")


@pytest.fixture
def smtp(settings: Any) -> Iterator[Inbox]:
    with smtp_inbox(settings) as inbox:
        yield inbox


def set_due(case: Case, due_at: datetime.datetime) -> None:
    """Test set-up only: put the deadline where the test needs it."""
    Case.objects.filter(pk=case.pk).update(due_at=due_at)


def tomorrow_at_ten_wib() -> datetime.datetime:
    tomorrow = timezone.now().astimezone(WIB).date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(tomorrow, datetime.time(10), tzinfo=WIB)


def all_formal() -> dict[str, bool]:
    return {r.code: True for r in requirement_list(kind="formal")}


def subject_of(mail: Any) -> str:
    return str(make_header(decode_header(mail["Subject"])))


def body_of(mail: Any) -> str:
    payload = mail.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return payload.decode()


def test_horizon_is_the_end_of_tomorrow_in_office_time() -> None:
    now = datetime.datetime(2024, 10, 7, 23, 30, tzinfo=WIB)  # already 8 Oct 01:30 in WIT
    assert digest_horizon(now=now, tz=WIB) == datetime.datetime(2024, 10, 9, tzinfo=WIB)
    assert digest_horizon(now=now, tz=WIT) == datetime.datetime(2024, 10, 10, tzinfo=WIT)


@pytest.mark.usefixtures("elections")
def test_office_staff_get_one_mail_with_overdue_and_due_tomorrow_cases_only(
    make_user: Callable[..., User], smtp: Inbox
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75", email="staf.bekasi@bawaslu.go.id")
    leader = make_user(Role.BAWASLU_LEADER, "32.75", email="ketua.bekasi@bawaslu.go.id")
    make_user(Role.BAWASLU_STAFF, "32.75")  # no address
    gone = make_user(Role.BAWASLU_STAFF, "32.75", email="pensiun@bawaslu.go.id")
    User.objects.filter(pk=gone.pk).update(is_active=False)
    make_user(Role.BAWASLU_STAFF, "32.16", email="staf.kabbekasi@bawaslu.go.id")
    make_user(Role.BAWASLU_STAFF, "32", email="staf.jabar@bawaslu.go.id")  # province above
    make_user(Role.BKN_OFFICER, "32.75", email="bkn@bkn.go.id")

    overdue, _ = case_from_report()
    overdue = services.case_register(actor=staff, case_id=overdue.pk, formal=all_formal())
    tomorrow, _ = case_from_report()
    next_week, _ = case_from_report()
    merged, _ = case_from_report()
    services.case_merge(actor=staff, case_id=merged.pk, into_id=next_week.pk)
    closed = _closed_case(staff=staff, leader=leader)
    now = timezone.now()
    for case in (overdue, merged, closed):
        set_due(case, now - datetime.timedelta(days=1))
    set_due(tomorrow, tomorrow_at_ten_wib())
    set_due(next_week, now + datetime.timedelta(days=7))

    assert send_deadline_digest.enqueue().return_value == 1

    assert len(smtp.messages) == 1
    recipients, mail = smtp.messages[0]
    assert sorted(recipients) == ["ketua.bekasi@bawaslu.go.id", "staf.bekasi@bawaslu.go.id"]
    subject = subject_of(mail)
    assert subject == "Netral: 1 kasus terlambat, 1 jatuh tempo hingga besok — Kota Bekasi"
    body = body_of(mail)
    assert overdue.register_number and overdue.register_number in body
    assert f"belum diregistrasi (kasus #{tomorrow.pk})" in body
    assert f"{tomorrow_at_ten_wib():%d-%m-%Y} 10:00 WIB" in body
    assert "Diregistrasi" in body and "Diterima" in body
    assert f"(kasus #{next_week.pk})" not in body
    assert f"(kasus #{merged.pk})" not in body
    assert closed.register_number and closed.register_number not in body
    for secret in SECRETS:
        assert secret not in body and secret not in subject


def _closed_case(*, staff: User, leader: User) -> Case:
    case, _ = case_from_report()
    services.case_register(actor=staff, case_id=case.pk, formal=all_formal())
    services.case_start_study(actor=staff, case_id=case.pk)
    services.case_record_study(
        actor=staff, case_id=case.pk, facts="Fakta.", analysis="Analisis.", conclusion="Simpulan."
    )
    services.case_decide(actor=leader, case_id=case.pk, verdicts=["no_violation"], reason="Pleno.")
    services.case_announce(actor=staff, case_id=case.pk, summary="Bukan pelanggaran.")
    closed = services.case_close(actor=staff, case_id=case.pk)
    assert closed.status == Status.CLOSED
    return closed


@pytest.mark.usefixtures("elections")
def test_an_office_without_addresses_is_listed_but_gets_no_mail(
    make_user: Callable[..., User], smtp: Inbox, django_assert_num_queries: Any
) -> None:
    make_user(Role.BAWASLU_STAFF, "32.75")  # no address
    case, _ = case_from_report()
    set_due(case, timezone.now() - datetime.timedelta(hours=1))
    with django_assert_num_queries(2):
        digests = deadline_digest(now=timezone.now())
    assert [(d.office_code, d.recipients, len(d.overdue)) for d in digests] == [("32.75", (), 1)]
    assert send_deadline_digest.enqueue().return_value == 0
    assert smtp.messages == []


@pytest.mark.usefixtures("elections")
def test_the_command_enqueues_the_digest(make_user: Callable[..., User], smtp: Inbox) -> None:
    make_user(Role.BAWASLU_STAFF, "32.75", email="staf.bekasi@bawaslu.go.id")
    case, _ = case_from_report()
    set_due(case, tomorrow_at_ten_wib())
    out = io.StringIO()
    call_command("send_deadline_digest", stdout=out)
    assert "1 e-mail" in out.getvalue()
    assert [m[0] for m in smtp.messages] == [["staf.bekasi@bawaslu.go.id"]]
    assert "0 kasus terlambat, 1 jatuh tempo" in subject_of(smtp.messages[0][1])
