"""Reports and cases for the person-record tests, through the real intake and workflow."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netral.accounts.models import Role, User
from netral.cases.models import Case, Verdict
from netral.cases.tests.factories import case_from_report
from netral.followup.tests.factories import decided_case
from netral.reports.models import Report
from netral.triage.models import Person, PersonLink

NIP = "198503172010011004"


def report_of(case: Case) -> Report:
    report = Report.objects.filter(case=case).order_by("pk").first()
    assert report is not None
    return report


def link_of(case: Case) -> PersonLink:
    return PersonLink.objects.exclude(status="rejected").get(report=report_of(case))


def person_of(case: Case) -> Person:
    return link_of(case).person


def offence(make_user: Callable[..., User], **report: Any) -> Case:
    """A case decided as an ASN neutrality violation."""
    return decided_case(make_user, verdicts=[Verdict.ASN_NEUTRALITY], **report)


def plain(**report: Any) -> Case:
    case, _ = case_from_report(**report)
    return case


LEADER = Role.BAWASLU_LEADER
STAFF = Role.BAWASLU_STAFF
