"""My work, the follow-up part: recommendations that arrived at my desk and wait for it (BKN
to assess, the PPK office of the employee's region to record the sanction), nearest deadline
first; nothing another region's desk holds; Bawaslu has no such section."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.my_work import WorkRequest, WorkSection
from netral.followup.models import RecStatus
from netral.followup.my_work import followup_work_sections
from netral.followup.tests.factories import bare_decided_case, bkn_recommendation

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]
DAY = datetime.timedelta(days=1)


def _section(actor: User) -> WorkSection | None:
    sections = followup_work_sections(WorkRequest(actor=actor, now=timezone.now()))
    return sections[0] if sections else None


def test_recommendations_arrived_at_my_desk(make_user: MakeUser) -> None:
    case = bare_decided_case(make_user)
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    now = timezone.now()

    def rec(n: int, status: str, region: str, due: datetime.timedelta, name: str) -> None:
        bkn_recommendation(
            case,
            number=f"R/{n}",
            issued_at=now - 5 * DAY,
            issued_by=leader,
            status=status,
            ppk_region_id=region,
            due_at=now + due,
            subject_name=name,
        )

    rec(1, RecStatus.ISSUED, "32.75", 9 * DAY, "Pegawai Dinilai Nanti")
    rec(2, RecStatus.ISSUED, "32.75", 2 * DAY, "Pegawai Dinilai Segera")
    rec(3, RecStatus.ASSESSED, "32.75", -DAY, "Pegawai Di PPK Bekasi")
    rec(4, RecStatus.ASSESSED, "32.76", DAY, "Pegawai Di PPK Depok")
    rec(5, RecStatus.SANCTIONED, "32.75", DAY, "Pegawai Sudah Disanksi")

    bkn = _section(make_user(Role.BKN_OFFICER))
    assert bkn is not None and bkn.count == 2
    assert [item.label for item in bkn.items] == ["Pegawai Dinilai Segera", "Pegawai Dinilai Nanti"]

    ppk = _section(make_user(Role.PPK_OFFICE, "32.75"))
    assert ppk is not None and ppk.count == 1
    assert [item.label for item in ppk.items] == ["Pegawai Di PPK Bekasi"]
    assert ppk.items[0].late is True

    # A regional BKN office outside the employees' province sees none of them.
    elsewhere = _section(make_user(Role.BKN_OFFICER, "11"))
    assert elsewhere is not None and elsewhere.count == 0
    assert _section(make_user(Role.BAWASLU_STAFF, "32.75")) is None
