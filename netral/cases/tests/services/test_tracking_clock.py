"""The reporter's tracking page tells the case's own clock: when the case counts as
received, its current deadline (extensions included), and no deadline once it is decided."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.cases import services
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report
from netral.reports.models import Report
from netral.reports.selectors import report_find_by_code, report_tracking

pytestmark = pytest.mark.usefixtures("elections")
MakeUser = Callable[..., User]


def test_tracking_shows_the_cases_receipt_and_deadline(make_user: MakeUser) -> None:
    case, code = case_from_report()
    # Sent on a Saturday night: the case counts from Monday's opening.
    sent = datetime.datetime(2024, 10, 12, 22, 0, tzinfo=datetime.UTC)
    opening = datetime.datetime(2024, 10, 14, 1, 0, tzinfo=datetime.UTC)
    Report.objects.filter(case=case).update(submitted_at=sent)
    Case.objects.filter(pk=case.pk).update(received_at=opening)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    services.case_extend(actor=staff, case_id=case.pk, reason="Perlu keterangan tambahan.")
    case.refresh_from_db()

    report = report_find_by_code(code=code)
    assert report is not None
    tracking = report_tracking(report=report)
    assert tracking.submitted_at == sent and tracking.received_at == opening
    assert tracking.due_at == case.due_at
    first = min(d.due for d in tracking.deadlines)
    # Counted from the case's receipt (14 Oct), not from the submission (12 Oct).
    assert timezone.localtime(first).date() > datetime.date(2024, 10, 16)

    Case.objects.filter(pk=case.pk).update(status=Status.DECIDED, finished_at=timezone.now())
    report = report_find_by_code(code=code)
    assert report is not None and report_tracking(report=report).due_at is None
