"""My work, the cases part: cases assigned to me by deadline, and my office's cases due
today or overdue; nothing from another office."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.my_work import WorkRequest, WorkSection
from netral.cases.models import Case, Status
from netral.cases.my_work import case_work_sections, end_of_today
from netral.cases.tests.factories import case_from_report

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]
HOUR = datetime.timedelta(hours=1)


def _sections(actor: User, now: datetime.datetime, **kw: bool) -> dict[str, WorkSection]:
    return {s.key: s for s in case_work_sections(WorkRequest(actor=actor, now=now, **kw))}


def _case(name: str, *, region: str = "32.75", **fields: object) -> Case:
    case, _ = case_from_report(reported_name=name, region=region)
    Case.objects.filter(pk=case.pk).update(**fields)
    return case


def test_assigned_to_me_by_deadline_within_my_office(make_user: MakeUser) -> None:
    me = make_user(Role.BAWASLU_STAFF, "32.75")
    colleague = make_user(Role.BAWASLU_STAFF, "32.75")
    now = timezone.now()
    _case("Pegawai Nanti", assignee=me, due_at=now + 50 * HOUR)
    sooner = _case("Pegawai Segera", assignee=me, due_at=now + 2 * HOUR)
    _case("Pegawai Rekan", assignee=colleague, due_at=now + HOUR)
    _case("Pegawai Selesai", assignee=me, status=Status.DECIDED, due_at=now - HOUR)
    # Another office's case, even if it names me, is not mine to see.
    _case("Pegawai Aceh", region="11.71", assignee=me, due_at=now + HOUR)

    section = _sections(me, now)["cases_assigned"]
    assert section.count == 2
    assert [item.note.split(",")[0] for item in section.items] == [
        "Pegawai Segera",
        "Pegawai Nanti",
    ]
    assert section.items[0].url == f"/ruang-kerja/kasus/{sooner.pk}/"


def test_due_today_and_overdue_in_my_office_only(make_user: MakeUser) -> None:
    me = make_user(Role.BAWASLU_STAFF, "32.75")
    now = timezone.now()
    overdue = _case("Pegawai Terlambat", due_at=now - 30 * HOUR)
    today = _case("Pegawai Hari Ini", due_at=end_of_today(now) - datetime.timedelta(minutes=1))
    _case("Pegawai Besok", due_at=end_of_today(now) + HOUR)
    _case("Pegawai Diputus", status=Status.DECIDED, due_at=now - HOUR)
    _case("Pegawai Aceh", region="11.71", due_at=now - HOUR)

    section = _sections(me, now)["cases_due"]
    assert section.count == 2
    assert [item.url for item in section.items] == [
        f"/ruang-kerja/kasus/{overdue.pk}/",
        f"/ruang-kerja/kasus/{today.pk}/",
    ]
    assert section.items[0].late is True
    # The menu only counts: the same numbers, no rows loaded.
    counted = _sections(me, now, counts_only=True)
    assert counted["cases_due"].count == 2 and counted["cases_due"].items == []


def test_partner_roles_have_no_case_sections(make_user: MakeUser) -> None:
    officer = make_user(Role.BKN_OFFICER)
    assert case_work_sections(WorkRequest(actor=officer, now=timezone.now())) == []
