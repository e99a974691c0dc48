"""Information taken up as a finding: the case changes through the workflow with its own
audit entry, and a case the office has already decided is refused (nothing changes)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError
from netral.reports.findings import information_to_finding
from netral.reports.models import Report

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def information_case() -> tuple[Case, Report]:
    case, _ = case_from_report(anonymous=True, reporter=None)
    report = case.reports.get()
    assert report.kind == Report.Kind.INFORMASI and case.due_at is None
    return case, report


def test_the_case_becomes_a_finding_with_its_own_audit_entry(make_user: MakeUser) -> None:
    case, report = information_case()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    information_to_finding(actor=staff, report_public_id=str(report.public_id))
    case.refresh_from_db()
    assert case.origin == "temuan" and case.due_at is not None
    entry = AuditEntry.objects.get(action="case.to_finding", object_id=str(case.pk))
    assert entry.object_type == "cases.case" and entry.actor == staff
    assert entry.before == {"origin": "informasi", "due_at": None}
    assert entry.after is not None and entry.after["origin"] == "temuan"


@pytest.mark.parametrize("status", [Status.DECIDED, Status.ANNOUNCED, Status.CLOSED])
def test_a_decided_case_is_not_rewritten(make_user: MakeUser, status: str) -> None:
    case, report = information_case()
    Case.objects.filter(pk=case.pk).update(status=status)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError):
        information_to_finding(actor=staff, report_public_id=str(report.public_id))
    case.refresh_from_db()
    report.refresh_from_db()
    assert (case.origin, case.due_at, report.kind) == ("informasi", None, Report.Kind.INFORMASI)
    assert not AuditEntry.objects.filter(action="case.to_finding").exists()
