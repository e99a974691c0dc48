"""Issue #16 item 5, the rules behind the admin's test page (the page itself:
``test_admin.py``): the test event is audited with the partner's answer, and only an
administrator may send one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netral.accounts.models import Role
from netral.audit.models import AuditEntry
from netral.common.errors import PermissionDenied
from netral.partners.models import Endpoint
from netral.partners.services import endpoint_test_send
from netral.partners.tests.partner_server import Partner

pytestmark = pytest.mark.usefixtures("regions")


def test_a_test_event_is_audited_with_the_answer(
    partner: Partner, register_endpoint: Callable[..., Endpoint], make_user: Any
) -> None:
    partner.status = 503
    endpoint = register_endpoint(partner.url, None, ["case.decided"])
    admin = make_user(Role.ADMIN)
    sent = endpoint_test_send(actor=admin, endpoint_id=endpoint.pk)
    assert (sent.ok, sent.status_code) == (False, 503)
    assert len(partner.received) == 1
    entry = AuditEntry.objects.get(action="webhook.test")
    assert (entry.actor_id, entry.object_id) == (admin.pk, str(endpoint.pk))
    assert entry.after is not None and entry.after["status_code"] == 503


def test_only_an_administrator_sends_a_test_event(
    partner: Partner, register_endpoint: Callable[..., Endpoint], make_user: Any
) -> None:
    endpoint = register_endpoint(partner.url, None, ["case.decided"])
    with pytest.raises(PermissionDenied):
        endpoint_test_send(actor=make_user(Role.BAWASLU_LEADER), endpoint_id=endpoint.pk)
    assert partner.received == []
    assert not AuditEntry.objects.filter(action="webhook.test").exists()
