"""Item 2 and 4: ``GET /api/events`` replays what a partner missed, in order, with stable
cursors, within the token owner's jurisdiction; bad parameters are refused in JSON."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client, override_settings

from netral.accounts.models import Role
from netral.accounts.services import api_token_create
from netral.cases.tests.factories import case_from_report
from netral.partners.models import Delivery, Endpoint, Event
from netral.partners.tests.partner_server import Partner

# Settled at once: the events of a test are seconds old (the window has its own test).
pytestmark = pytest.mark.usefixtures("elections")
SETTLED = override_settings(PARTNERS_FEED_SETTLE_SECONDS=0)


def _bearer(make_user: Any, role: str, region: str | None) -> dict[str, str]:
    user = make_user(role, region)
    issued = api_token_create(actor=user, owner=user, name="sistem mitra")
    return {"Authorization": f"Bearer {issued.raw}"}


@SETTLED
def test_the_feed_replays_missed_deliveries_in_order_within_the_jurisdiction(
    client: Client,
    make_user: Any,
    partner: Partner,
    register_endpoint: Callable[..., Endpoint],
    django_capture_on_commit_callbacks: Any,
    django_assert_max_num_queries: Any,
) -> None:
    partner.status = 503  # the partner is down: every delivery is missed
    register_endpoint(partner.url, "32.75", ["report.received"])
    with django_capture_on_commit_callbacks(execute=True):
        first, _ = case_from_report(region="32.75")
        case_from_report(region="32.73")
        second, _ = case_from_report(region="32.75")
    assert Delivery.objects.filter(status="pending").count() == 2
    bkn = _bearer(make_user, Role.BKN_OFFICER, "32.75")

    seen: list[dict[str, Any]] = []
    cursor = 0
    for _ in range(5):
        with django_assert_max_num_queries(6):
            page = client.get("/api/events", {"after": cursor, "limit": 1}, headers=bkn).json()
        if not page["events"]:
            assert page["next"] == cursor
            break
        seen += page["events"]
        cursor = page["next"]
    assert [(e["type"], e["data"]["case_id"]) for e in seen] == [
        ("report.received", first.pk),
        ("report.received", second.pk),
    ]
    assert [e["id"] for e in seen] == sorted(e["id"] for e in seen)
    # The same cursor gives the same page again (it is an event id, kept in the database).
    again = client.get("/api/events", {"after": seen[0]["id"]}, headers=bkn).json()
    assert [e["id"] for e in again["events"]] == [seen[1]["id"]]
    # A national account sees the other regency's event too; a filter by type narrows.
    national = _bearer(make_user, Role.BAWASLU_LEADER, None)
    assert (
        len(client.get("/api/events", headers=national).json()["events"]) == Event.objects.count()
    )
    assert client.get("/api/events", {"types": "case.decided"}, headers=national).json() == {
        "events": [],
        "next": 0,
    }


def test_bad_feed_parameters_are_refused_in_json(client: Client, make_user: Any) -> None:
    bkn = _bearer(make_user, Role.BKN_OFFICER, "32.75")
    assert client.get("/api/events").status_code == 401
    unknown = client.get("/api/events", {"types": "report.received,case.exploded"}, headers=bkn)
    assert unknown.status_code == 400 and "case.exploded" in unknown.json()["detail"]
    for params in (
        {"after": -1},
        {"after": 2**64},
        {"limit": 0},
        {"limit": 10_000},
        {"after": "x"},
        {"types": "a" * 600},
    ):
        answer = client.get("/api/events", params, headers=bkn)
        assert answer.status_code == 422, params
        assert "detail" in answer.json()


def test_the_feed_holds_back_events_younger_than_the_settle_window(
    client: Client, make_user: Any
) -> None:
    case_from_report(region="32.75")
    bkn = _bearer(make_user, Role.BKN_OFFICER, "32.75")
    with override_settings(PARTNERS_FEED_SETTLE_SECONDS=60):
        young = client.get("/api/events", headers=bkn).json()
    assert young == {"events": [], "next": 0}
    with SETTLED:
        assert len(client.get("/api/events", headers=bkn).json()["events"]) == 1


def test_the_feed_is_refused_to_a_role_without_event_feed(client: Client, make_user: Any) -> None:
    """Administrators configure endpoints; they do not read case events (``event.feed``)."""
    case_from_report(region="32.75")
    with SETTLED:
        refused = client.get("/api/events", headers=_bearer(make_user, Role.ADMIN, None))
        assert refused.status_code == 403 and refused.json()["detail"]
        allowed = client.get("/api/events", headers=_bearer(make_user, Role.GAKKUMDU, "32.75"))
        assert allowed.status_code == 200 and len(allowed.json()["events"]) == 1
