"""Staff corrections of a report (``netral.reports.corrections``): the violation type and an
empty NIP; each locked, authorized, validated and audited; nothing written when nothing
changes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from netral.reports.corrections import report_nip_fill, report_violation_type_set
from netral.reports.models import Report

pytestmark = pytest.mark.django_db
NIP = "198503172010011004"


@pytest.fixture
def report(elections: None) -> Report:
    case, _ = case_from_report(reported_nip="", violation_type=None)
    return Report.objects.get(case=case)


def _entries(action: str) -> int:
    return AuditEntry.objects.filter(action=action).count()


def test_violation_type_set_validates_and_audits(
    make_user: Callable[..., User], report: Report
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    pid = str(report.public_id)
    with pytest.raises(ApplicationError, match="tidak ada dalam aturan"):
        report_violation_type_set(actor=staff, report_public_id=pid, code="bukan_kode")
    report_violation_type_set(actor=staff, report_public_id=pid, code="anggota_parpol")
    report_violation_type_set(actor=staff, report_public_id=pid, code="anggota_parpol")
    report.refresh_from_db()
    assert report.violation_type == "anggota_parpol"
    assert _entries("report.violation_type_set") == 1  # the repeat changed nothing


def test_nip_fill_only_fills_an_empty_valid_nip(
    make_user: Callable[..., User], report: Report
) -> None:
    staff = make_user(Role.BAWASLU_LEADER, "32.75")
    pid = str(report.public_id)
    with pytest.raises(ApplicationError, match="NIP"):
        report_nip_fill(actor=staff, report_public_id=pid, nip="198513172010011004")
    report_nip_fill(actor=staff, report_public_id=pid, nip="19850317 201001 1 004")
    report.refresh_from_db()
    assert report.reported_nip == NIP
    with pytest.raises(Conflict):
        report_nip_fill(actor=staff, report_public_id=pid, nip="198703022011012003")
    assert _entries("report.nip_fill") == 1


def test_corrections_need_case_handling_in_the_jurisdiction(
    make_user: Callable[..., User], report: Report
) -> None:
    pid = str(report.public_id)
    with pytest.raises(NotFound):
        report_violation_type_set(
            actor=make_user(Role.BAWASLU_STAFF, "33"), report_public_id=pid, code="anggota_parpol"
        )
    with pytest.raises(PermissionDenied):
        report_nip_fill(actor=make_user(Role.BKN_OFFICER), report_public_id=pid, nip=NIP)
    report.refresh_from_db()
    assert report.violation_type == "" and report.reported_nip == ""
