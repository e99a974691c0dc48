"""Items 3 and 4: deliveries to a real local HTTP server arrive signed, a failing partner is
retried with back-off and paused, and nothing beyond an endpoint's jurisdiction is sent."""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
from collections.abc import Callable
from typing import Any

import pytest

from netral.accounts.models import Role
from netral.cases.tests.factories import case_from_report
from netral.common import clock
from netral.partners import services
from netral.partners.delivery import PAUSE_AFTER, deliveries_retry_due
from netral.partners.models import Delivery, Endpoint
from netral.partners.tests.conftest import SECRET
from netral.partners.tests.partner_server import Partner

pytestmark = pytest.mark.usefixtures("elections")


def _report(capture: Any, region: str) -> Any:
    with capture(execute=True):
        case, receipt = case_from_report(region=region)
    return case, receipt


def test_deliveries_arrive_signed_and_only_within_the_jurisdiction(
    partner: Partner,
    register_endpoint: Callable[..., Endpoint],
    django_capture_on_commit_callbacks: Any,
) -> None:
    mine = register_endpoint(partner.url, "32.75", ["report.received"])
    case, receipt = _report(django_capture_on_commit_callbacks, "32.75")
    elsewhere, _ = _report(django_capture_on_commit_callbacks, "32.73")
    assert elsewhere.office_region_id != "32.75"

    assert len(partner.received) == 1  # not the report of the other regency
    got = partner.received[0]
    timestamp, sent = got.headers["X-Netral-Timestamp"], got.headers["X-Netral-Signature"]
    expected = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + got.body, hashlib.sha256)
    assert hmac.compare_digest(sent, "sha256=" + expected.hexdigest())
    assert abs(int(timestamp) - clock.now().timestamp()) < 300
    body = json.loads(got.body)
    assert got.headers["X-Netral-Event"] == body["type"] == "report.received"
    assert set(body) == {"id", "type", "occurred_at", "data"}
    assert body["data"]["case_id"] == case.pk
    assert receipt not in got.body.decode() and "Bambang" not in got.body.decode()
    delivery = Delivery.objects.get(endpoint=mine)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("delivered", 1, 200)


def test_a_failing_partner_is_retried_with_back_off_then_paused_and_resumed(
    partner: Partner,
    register_endpoint: Callable[..., Endpoint],
    django_capture_on_commit_callbacks: Any,
    make_user: Any,
) -> None:
    partner.status = 500
    endpoint = register_endpoint(partner.url, None, ["report.received"])
    _report(django_capture_on_commit_callbacks, "32.75")
    delivery = Delivery.objects.get(endpoint=endpoint)
    waits = []
    now = clock.now()
    for _ in range(PAUSE_AFTER + 2):
        delivery.refresh_from_db()
        assert delivery.next_attempt_at is not None and delivery.last_attempt_at is not None
        waits.append(delivery.next_attempt_at - delivery.last_attempt_at)
        now = delivery.next_attempt_at + datetime.timedelta(seconds=1)
        deliveries_retry_due(now=now)
    assert len(partner.received) == PAUSE_AFTER  # paused: no more attempts
    minute = datetime.timedelta(minutes=1)
    assert waits[:4] == [minute, 2 * minute, 4 * minute, 8 * minute]
    endpoint.refresh_from_db()
    delivery.refresh_from_db()
    assert endpoint.paused_at is not None
    assert (delivery.status, delivery.attempts) == ("pending", PAUSE_AFTER)
    assert (delivery.last_status_code, delivery.last_error) == (500, "HTTP 500")

    partner.status = 200
    services.endpoint_resume(actor=make_user(Role.ADMIN), endpoint_id=endpoint.pk)
    assert deliveries_retry_due(now=clock.now() + datetime.timedelta(seconds=1)) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == ("delivered", PAUSE_AFTER + 1)
    assert len({r.body for r in partner.received}) == 1  # the same event each time


def test_endpoint_registration_is_for_administrators_and_validated(make_user: Any) -> None:
    from netral.common.errors import ApplicationError, PermissionDenied

    staff = make_user(Role.BAWASLU_LEADER, "32.75")
    admin = make_user(Role.ADMIN)
    good = {"name": "BKN", "url": "https://bkn.example/hook", "region_code": "32"}
    with pytest.raises(PermissionDenied):
        services.endpoint_register(
            actor=staff, event_types=["case.decided"], secret="x" * 20, **good
        )
    for bad in (
        {"event_types": ["case.exploded"], "secret": "x" * 20},
        {"event_types": ["case.decided"], "secret": "short"},
    ):
        with pytest.raises(ApplicationError):
            services.endpoint_register(actor=admin, **good, **bad)  # type: ignore[arg-type]
    with pytest.raises(ApplicationError):
        services.endpoint_register(
            actor=admin,
            **{**good, "url": "file:///etc/passwd"},
            event_types=["case.decided"],
            secret="x" * 20,
        )
    assert not Endpoint.objects.exists()
