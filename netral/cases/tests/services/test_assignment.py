"""Item 14.3: a case has an assignee among its office's staff, set by leadership or taken by
staff; every change audited; the new assignee notified."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.accounts.models import Role, User
from netral.accounts.notification_models import Notification
from netral.audit.models import AuditEntry
from netral.cases import services
from netral.cases.assignment import case_assign, case_assignment_actions
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError, NotFound, PermissionDenied

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def test_leader_assigns_and_reassigns_each_audited_and_notified(make_user: MakeUser) -> None:
    case, _ = case_from_report()
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    ani = make_user(Role.BAWASLU_STAFF, "32.75")
    budi = make_user(Role.BAWASLU_STAFF, "32.75")

    case_assign(actor=leader, case_id=case.pk, action="assign", assignee_id=ani.pk)
    case_assign(actor=leader, case_id=case.pk, action="assign", assignee_id=budi.pk)
    case_assign(actor=leader, case_id=case.pk, action="assign", assignee_id=budi.pk)  # no-op

    assert Case.objects.get(pk=case.pk).assignee == budi
    entries = AuditEntry.objects.filter(action="case.assign").order_by("pk")
    assert [(e.before, e.after) for e in entries] == [
        ({"assignee": None}, {"assignee": ani.pk}),
        ({"assignee": ani.pk}, {"assignee": budi.pk}),
    ]
    assert all(e.actor == leader for e in entries)
    for person in (ani, budi):
        note = Notification.objects.get(user=person, kind=Notification.Kind.ASSIGNMENT)
        assert note.text == f"Kasus #{case.pk} ditugaskan kepada Anda"
        assert note.link == f"/ruang-kerja/kasus/{case.pk}/"

    case_assign(actor=leader, case_id=case.pk, action="unassign")
    assert Case.objects.get(pk=case.pk).assignee is None
    assert AuditEntry.objects.get(action="case.unassign").before == {"assignee": budi.pk}


def test_staff_take_a_case_but_do_not_assign_others(make_user: MakeUser) -> None:
    case, _ = case_from_report()
    ani = make_user(Role.BAWASLU_STAFF, "32.75")
    budi = make_user(Role.BAWASLU_STAFF, "32.75")
    assert case_assignment_actions(actor=ani, case=case) == ["take"]
    case_assign(actor=ani, case_id=case.pk, action="take")
    assert Case.objects.get(pk=case.pk).assignee == ani
    assert AuditEntry.objects.get(action="case.take").after == {"assignee": ani.pk}
    assert not Notification.objects.filter(user=ani).exists()  # took it themselves
    with pytest.raises(PermissionDenied):
        case_assign(actor=ani, case_id=case.pk, action="assign", assignee_id=budi.pk)


def test_assignee_must_be_staff_of_the_cases_office(make_user: MakeUser) -> None:
    case, _ = case_from_report()  # Kota Bekasi
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    province = make_user(Role.BAWASLU_STAFF, "32")  # covers the case, not its office
    bandung = make_user(Role.BAWASLU_STAFF, "32.73")
    bkn = make_user(Role.BKN_OFFICER, "32.75")
    for outsider in (province, bandung, bkn):
        with pytest.raises(ApplicationError) as refused:
            case_assign(actor=leader, case_id=case.pk, action="assign", assignee_id=outsider.pk)
        assert refused.value.field == "assignee"
    with pytest.raises(ApplicationError):  # the province's staff cannot take it either
        case_assign(actor=province, case_id=case.pk, action="take")
    assert Case.objects.get(pk=case.pk).assignee is None


def test_wrong_region_is_not_found_and_partners_are_refused(make_user: MakeUser) -> None:
    case, _ = case_from_report()
    with pytest.raises(NotFound):
        case_assign(actor=make_user(Role.BAWASLU_LEADER, "32.73"), case_id=case.pk, action="take")
    with pytest.raises(PermissionDenied):
        case_assign(actor=make_user(Role.BKN_OFFICER, "32.75"), case_id=case.pk, action="take")


def test_a_finished_case_is_not_assigned(make_user: MakeUser) -> None:
    case, _ = case_from_report()
    Case.objects.filter(pk=case.pk).update(status=Status.CLOSED)
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError):
        case_assign(actor=leader, case_id=case.pk, action="assign", assignee_id=staff.pk)


def test_a_handover_leaves_the_case_unassigned_for_the_new_office(make_user: MakeUser) -> None:
    case, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    case_assign(actor=staff, case_id=case.pk, action="take")
    services.case_handover(actor=staff, case_id=case.pk, to_region_code="32", reason="Provinsi.")
    assert Case.objects.get(pk=case.pk).assignee is None
    entry = AuditEntry.objects.get(action="case.unassign")
    assert entry.before == {"assignee": staff.pk} and entry.reason == "case.handover"
