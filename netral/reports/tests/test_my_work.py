"""My work, the reports part: reveal requests awaiting my decision (leaders; not my own, not
another office's), reporter messages nobody has answered, my finished imports."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.my_work import WorkRequest, WorkSection
from netral.cases.tests.factories import case_from_report
from netral.reports.models import ImportJob, Message, Report, RevealRequest
from netral.reports.my_work import report_work_sections

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def _sections(actor: User, now: datetime.datetime | None = None) -> dict[str, WorkSection]:
    request = WorkRequest(actor=actor, now=now or timezone.now())
    return {s.key: s for s in report_work_sections(request)}


def _report(name: str, region: str = "32.75") -> Report:
    case, _ = case_from_report(reported_name=name, region=region)
    return Report.objects.get(case=case)


def _reveal(report: Report, by: User) -> RevealRequest:
    return RevealRequest.objects.create(
        report=report, requested_by=by, reason="Klarifikasi saksi.", requested_at=timezone.now()
    )


def test_reveal_requests_awaiting_my_decision(make_user: MakeUser) -> None:
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    mine = _report("Pegawai Bekasi")
    _reveal(mine, staff)
    _reveal(_report("Pegawai Bekasi Dua"), leader)  # my own: a second person decides it
    _reveal(_report("Pegawai Aceh", "11.71"), make_user(Role.BAWASLU_STAFF, "11.71"))

    section = _sections(leader)["reveal_requests"]
    assert section.count == 1 and len(section.items) == 1
    assert section.items[0].url == "/ruang-kerja/pengungkapan/"
    # Staff do not decide reveals: no such section for them.
    assert "reveal_requests" not in _sections(staff)


def test_reporter_messages_not_yet_answered(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    now = timezone.now()
    waiting = _report("Pegawai Menunggu")
    answered = _report("Pegawai Dijawab")
    other = _report("Pegawai Aceh", "11.71")
    for report in (waiting, answered, other):
        Message.objects.create(
            report=report, sender="reporter", body="Ada bukti baru.", created_at=now
        )
    Message.objects.create(
        report=answered,
        sender="staff",
        author=staff,
        body="Terima kasih.",
        created_at=now + datetime.timedelta(minutes=5),
    )

    section = _sections(staff)["reporter_messages"]
    assert section.count == 1
    assert [item.label for item in section.items] == ["Pegawai Menunggu"]
    assert section.items[0].url.endswith(f"/laporan/{waiting.public_id}/#pesan")


def test_my_imports_that_finished_this_week(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    colleague = make_user(Role.BAWASLU_STAFF, "32.75")
    now = timezone.now()

    def job(owner: User, name: str, status: str, days_ago: int) -> None:
        ImportJob.objects.create(
            created_by=owner,
            created_at=now - datetime.timedelta(days=days_ago),
            file_name=name,
            status=status,
            finished_at=now - datetime.timedelta(days=days_ago),
        )

    job(staff, "temuan-november.xlsx", ImportJob.Status.DONE, 1)
    job(staff, "temuan-salah.xlsx", ImportJob.Status.FAILED, 2)
    job(staff, "temuan-lama.xlsx", ImportJob.Status.DONE, 9)
    job(colleague, "temuan-rekan.xlsx", ImportJob.Status.DONE, 1)
    ImportJob.objects.create(
        created_by=staff, created_at=now, file_name="berjalan.xlsx", status="validating"
    )

    section = _sections(staff, now)["imports_finished"]
    assert [item.label for item in section.items] == ["temuan-november.xlsx", "temuan-salah.xlsx"]
    assert section.count == 2
    # Nothing finished: the section is left out rather than shown empty.
    assert "imports_finished" not in _sections(colleague, now + datetime.timedelta(days=8))
