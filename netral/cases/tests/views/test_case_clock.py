"""A finished case shows when it finished, never a countdown; the inbox puts the cases still
in hand first (nearest deadline first) and the finished ones after. The demo clock
(``NETRAL_DEMO_TODAY``) moves every countdown, and production ignores it."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import SignIn
from netral.accounts.models import Role, User
from netral.cases import services
from netral.cases.models import Case, Status
from netral.cases.selectors import case_inbox
from netral.cases.tests.factories import case_from_report
from netral.common import clock

pytestmark = pytest.mark.usefixtures("elections")
DAY = datetime.timedelta(days=1)


def detail(client: Any, case: Case) -> str:
    return client.get(reverse("cases:case_detail", kwargs={"case_id": case.pk})).content.decode()


def test_a_case_decided_before_its_deadline_does_not_count_down(sign_in: SignIn) -> None:
    case, _ = case_from_report(reported_name="Pegawai Diputus")
    now = timezone.now()
    # Decided two days before a deadline that passed 767 days ago.
    Case.objects.filter(pk=case.pk).update(
        status=Status.DECIDED,
        due_at=now - 767 * DAY,
        decided_at=now - 769 * DAY,
        finished_at=now - 769 * DAY,
    )
    client, _ = sign_in("bawaslu_staff", "32.75")
    inbox = client.get(reverse("cases:case_list")).content.decode()
    page = detail(client, case)
    for body in (inbox, page):
        assert "Pegawai Diputus" in inbox
        assert "terlambat" not in body.lower() and "badge--late" not in body
        assert "Diputus pleno" in body and "ditangani dalam tenggat" in body


def test_a_closed_case_shows_when_it_closed(sign_in: SignIn) -> None:
    case, _ = case_from_report(reported_name="Pegawai Selesai")
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(
        status=Status.CLOSED,
        due_at=now + 3 * DAY,
        decided_at=now - 2 * DAY,
        finished_at=now - 2 * DAY,
        closed_at=now - DAY,
    )
    client, _ = sign_in("bawaslu_staff", "32.75")
    inbox = client.get(reverse("cases:case_list"), {"status": "closed"}).content.decode()
    page = detail(client, case)
    for body in (inbox, page):
        assert "Pegawai Selesai" in inbox
        assert "hari lagi" not in body and " lagi<" not in body
        assert "Selesai" in body
    local_closed = timezone.localtime(now - DAY)
    assert local_closed.strftime("%H:%M") in inbox


def test_the_service_records_when_handling_ended(make_user: Any) -> None:
    case, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    assert case.finished_at is None
    services.case_not_register(actor=staff, case_id=case.pk, reason="expired", note="Lewat.")
    case.refresh_from_db()
    assert case.status == Status.NOT_REGISTERED and case.finished_at is not None
    ended = case.finished_at
    services.case_announce(actor=staff, case_id=case.pk, summary="Tidak diregistrasi.")
    case.refresh_from_db()
    assert case.finished_at == ended  # announcing keeps when handling ended


def test_inbox_live_deadlines_first_then_finished(make_user: Any) -> None:
    now = timezone.now()
    decided_recently, _ = case_from_report()
    decided_long_ago, _ = case_from_report()
    later, _ = case_from_report()
    overdue, _ = case_from_report()
    Case.objects.filter(pk=decided_recently.pk).update(
        status=Status.DECIDED, due_at=now - 30 * DAY, finished_at=now - DAY
    )
    Case.objects.filter(pk=decided_long_ago.pk).update(
        status=Status.DECIDED, due_at=now - 60 * DAY, finished_at=now - 40 * DAY
    )
    Case.objects.filter(pk=later.pk).update(due_at=now + 2 * DAY)
    Case.objects.filter(pk=overdue.pk).update(due_at=now - DAY)
    staff: User = make_user(Role.BAWASLU_STAFF, "32.75")
    order = [c.pk for c in case_inbox(actor=staff)]
    assert order == [overdue.pk, later.pk, decided_recently.pk, decided_long_ago.pk]


# --- The demo clock ---------------------------------------------------------------------


def test_demo_clock_in_debug_only(settings: Any) -> None:
    settings.NETRAL_DEMO_TODAY = datetime.date(2024, 10, 15)
    settings.DEBUG, settings.NETRAL_DEMO = True, False
    real, real_day = timezone.now(), timezone.localdate()
    assert clock.today() == datetime.date(2024, 10, 15)
    # The real time of day: the demo clock advances.
    shift = clock.now() - real
    assert shift.seconds < 5 and shift.days == (datetime.date(2024, 10, 15) - real_day).days
    settings.DEBUG = False  # production ignores it
    assert clock.today() == timezone.localdate()
    assert abs((clock.now() - timezone.now()).total_seconds()) < 5


def test_a_case_due_tomorrow_in_demo_time_shows_one_day_left(
    sign_in: SignIn, settings: Any
) -> None:
    settings.NETRAL_DEMO_TODAY = datetime.date(2024, 10, 15)
    client, _ = sign_in("bawaslu_staff", "32.75")
    case, _ = case_from_report(reported_name="Pegawai Demo")
    settings.DEBUG = True
    due = clock.now() + DAY + datetime.timedelta(hours=2)
    Case.objects.filter(pk=case.pk).update(due_at=due)
    assert "1 hari 1 jam lagi" in detail(client, case)
    assert "1 hari 1 jam lagi" in client.get(reverse("cases:case_list")).content.decode()
    settings.DEBUG = False  # production: the same deadline lies in 2024, long past
    page = detail(client, case)
    assert "1 hari 1 jam lagi" not in page and "terlambat" in page
