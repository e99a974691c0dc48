"""Issue #16 item 4: a report handed to SP4N-LAPOR! is an event partners receive (signed, to
a real local HTTP server, within the endpoint's jurisdiction), without the LAPOR! tracking
number or any identity; a corrected number is no new event."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from netral.accounts.models import Role
from netral.cases.tests.factories import case_from_report
from netral.partners.models import Endpoint, Event
from netral.partners.tests.partner_server import Partner
from netral.reports.lapor import report_forward_to_lapor
from netral.reports.models import Report

pytestmark = pytest.mark.usefixtures("elections")
TYPE = "report.forwarded_lapor"


def test_a_forwarding_reaches_the_partner_once_without_the_tracking_number(
    partner: Partner,
    register_endpoint: Callable[..., Endpoint],
    django_capture_on_commit_callbacks: Any,
    make_user: Any,
) -> None:
    register_endpoint(partner.url, "32.75", [TYPE])
    register_endpoint(partner.url, "31", [TYPE])  # another province: sees nothing
    case, receipt = case_from_report(reported_nip="")
    report = Report.objects.get(case=case)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with django_capture_on_commit_callbacks(execute=True):
        report_forward_to_lapor(
            actor=staff, report_public_id=str(report.public_id), tracking_number="7654321"
        )
    with django_capture_on_commit_callbacks(execute=True):
        report_forward_to_lapor(
            actor=staff, report_public_id=str(report.public_id), tracking_number="7654322"
        )
    assert Event.objects.filter(type=TYPE).count() == 1
    [got] = partner.received
    body = json.loads(got.body)
    assert got.headers["X-Netral-Event"] == body["type"] == TYPE
    assert body["data"]["case_id"] == case.pk
    assert body["data"]["destination"] == "sp4n-lapor"
    sent = got.body.decode()
    for secret in ("7654321", "7654322", receipt, "Bambang", "Rina"):
        assert secret not in sent
