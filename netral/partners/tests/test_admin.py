"""Item 3: an administrator registers a partner endpoint in the back office (through the
service: audited, the secret stored encrypted and never shown), resumes a paused one, and
reads its delivery log."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.utils import timezone, translation

from netral.accounts.models import Role
from netral.audit.models import AuditEntry
from netral.partners.admin import EndpointAdmin
from netral.partners.models import Delivery, Endpoint, EventType
from netral.partners.tests.conftest import SECRET

ADD = "/admin/partners/endpoint/add/"
CHANGELIST = "/admin/partners/endpoint/"


@pytest.mark.usefixtures("regions")
def test_an_administrator_registers_and_resumes_an_endpoint(sign_in: Any) -> None:
    client, _admin = sign_in(Role.ADMIN)
    form = {
        "name": "BKN Regional III",
        "url": "https://partner.example/hook",
        "event_types": ["case.decided", "recommendation.issued"],
        "region": "32",
        "secret": SECRET,
        "active": "on",
        "deliveries-TOTAL_FORMS": "0",
        "deliveries-INITIAL_FORMS": "0",
    }
    refused = client.post(ADD, {**form, "url": "ftp://partner.example/hook"})
    assert refused.status_code == 200 and not Endpoint.objects.exists()
    assert client.post(ADD, form).status_code == 302
    endpoint = Endpoint.objects.get()
    assert endpoint.event_types == ["case.decided", "recommendation.issued"]
    assert endpoint.secret == SECRET
    with connection.cursor() as cursor:
        cursor.execute("SELECT secret FROM partners_endpoint")
        assert SECRET not in cursor.fetchone()[0]
    assert AuditEntry.objects.filter(action="webhook.register").exists()
    page = client.get(f"{CHANGELIST}{endpoint.pk}/change/")
    assert page.status_code == 200 and SECRET not in page.content.decode()

    Endpoint.objects.filter(pk=endpoint.pk).update(paused_at=timezone.now(), consecutive_failures=5)
    answer = client.post(CHANGELIST, {"action": "resume", "_selected_action": [endpoint.pk]})
    assert answer.status_code == 302
    endpoint.refresh_from_db()
    assert (endpoint.paused_at, endpoint.consecutive_failures) == (None, 0)
    assert client.get("/admin/partners/delivery/").status_code == 200


def test_staff_who_are_not_administrators_cannot_open_it(sign_in: Any, regions: None) -> None:
    client, _ = sign_in(Role.BAWASLU_LEADER, "32")
    assert client.get(ADD).status_code in (302, 403)


@pytest.mark.usefixtures("regions")
def test_an_administrator_sends_a_test_event_and_sees_the_signed_request(
    sign_in: Any, partner: Any, register_endpoint: Any
) -> None:
    import hashlib
    import hmac

    endpoint = register_endpoint(partner.url, None, ["case.decided"])
    client, _ = sign_in(Role.ADMIN)
    page = client.post(CHANGELIST, {"action": "send_test", "_selected_action": [endpoint.pk]})
    assert page.status_code == 200
    [got] = partner.received
    timestamp = got.headers["X-Netral-Timestamp"]
    mac = hmac.new(SECRET.encode(), f"{timestamp}.".encode() + got.body, hashlib.sha256)
    assert got.headers["X-Netral-Signature"] == "sha256=" + mac.hexdigest()
    shown = page.content.decode()
    assert mac.hexdigest() in shown and "HTTP 200" in shown and SECRET not in shown
    assert got.headers["X-Netral-Event"] == "netral.test"
    assert not Endpoint.objects.get().deliveries.exists()  # nothing in the log


def test_the_back_office_labels_are_translated() -> None:
    with translation.override("en"):
        assert str(Endpoint._meta.verbose_name) == "partner endpoint"
        assert str(Delivery._meta.get_field("attempts").verbose_name) == "attempts"
        assert str(Delivery._meta.get_field("last_error").verbose_name) == "last error"
        assert str(EventType.CASE_DECIDED.label) == "Case decided"
        assert (
            str(EndpointAdmin.resume.short_description)  # type: ignore[attr-defined]
            == "Resume a paused endpoint's deliveries"
        )
    with translation.override("id"):
        assert str(Endpoint._meta.verbose_name) == "endpoint mitra"
