"""Sending events to partner endpoints: signed requests, retries with exponential back-off,
and a pause after repeated failures.

The request: ``POST <url>`` with the event's JSON body and the headers ``X-Netral-Event``,
``X-Netral-Timestamp`` (Unix seconds) and ``X-Netral-Signature: sha256=<hex>``, the
HMAC-SHA256 with the endpoint's secret of ``"<timestamp>.<body>"``. No redirect is followed
(a redirect could carry the event to a host nobody registered).
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from netral.common import clock
from netral.partners.models import Delivery, Endpoint, Event

TIMEOUT_S = 10
BACKOFF_BASE = datetime.timedelta(minutes=1)
BACKOFF_MAX = datetime.timedelta(hours=6)
# A delivery is given up after this many attempts; an endpoint is paused after this many
# failed attempts in a row (whatever the events).
MAX_ATTEMPTS = 8
PAUSE_AFTER = 5
# While one attempt runs, the delivery is not due for anybody else.
LEASE = datetime.timedelta(minutes=2)
RETRY_BATCH = 100
ERROR_MAX = 300
USER_AGENT = "Netral-Webhook/1"


def body_of(event: Event) -> bytes:
    return json.dumps(event.as_payload(), separators=(",", ":"), ensure_ascii=False).encode()


def signature(*, secret: str, timestamp: str, body: bytes) -> str:
    """``sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">``."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def signed_request(
    *, endpoint: Endpoint, event: Event, now: datetime.datetime
) -> tuple[bytes, dict[str, str]]:
    body = body_of(event)
    timestamp = str(int(now.timestamp()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "X-Netral-Event": event.type,
        "X-Netral-Timestamp": timestamp,
        "X-Netral-Signature": signature(secret=endpoint.secret, timestamp=timestamp, body=body),
    }
    return body, headers


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirect)


@dataclass(frozen=True)
class Outcome:
    ok: bool
    status_code: int | None
    error: str


def post(url: str, body: bytes, headers: dict[str, str]) -> Outcome:
    if not url.lower().startswith(("http://", "https://")):
        return Outcome(ok=False, status_code=None, error="URL must be http(s)")
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")  # noqa: S310
    try:
        with _opener.open(request, timeout=TIMEOUT_S) as response:
            response.read(1024)
            code = response.status
    except urllib.error.HTTPError as exc:
        return Outcome(ok=False, status_code=exc.code, error=f"HTTP {exc.code}")
    except (OSError, ValueError) as exc:  # refused, timed out, DNS, bad URL
        return Outcome(ok=False, status_code=None, error=str(exc) or type(exc).__name__)
    if 200 <= code < 300:
        return Outcome(ok=True, status_code=code, error="")
    return Outcome(ok=False, status_code=code, error=f"HTTP {code}")


def backoff(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8... minutes after the ``attempts``-th failure, at most six hours."""
    return min(BACKOFF_BASE * (2 ** max(attempts - 1, 0)), BACKOFF_MAX)


def _claim(delivery_id: int, now: datetime.datetime) -> Delivery | None:
    """The delivery, if it is due to be sent now (pending, endpoint neither paused nor
    inactive); its next attempt is pushed past the lease so no parallel run sends it too."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update(of=("self",))
            .select_related("endpoint", "event")
            .filter(pk=delivery_id, status=Delivery.Status.PENDING)
            .first()
        )
        if delivery is None or delivery.endpoint.paused_at or not delivery.endpoint.active:
            return None
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return None
        delivery.next_attempt_at = now + LEASE
        delivery.save(update_fields=["next_attempt_at"])
        return delivery


def _record(delivery_id: int, outcome: Outcome, now: datetime.datetime) -> Delivery:
    with transaction.atomic():
        # Two rows, in a fixed order: the endpoint (its failure count) before the delivery.
        endpoint_id = (
            Delivery.objects.filter(pk=delivery_id).values_list("endpoint_id", flat=True).get()
        )
        endpoint = Endpoint.objects.select_for_update().get(pk=endpoint_id)
        delivery = Delivery.objects.select_for_update().get(pk=delivery_id)
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.last_status_code = outcome.status_code
        delivery.last_error = outcome.error[:ERROR_MAX]
        if outcome.ok:
            delivery.status = Delivery.Status.DELIVERED
            delivery.delivered_at = now
            delivery.next_attempt_at = None
            endpoint.consecutive_failures = 0
        else:
            endpoint.consecutive_failures += 1
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.status = Delivery.Status.FAILED
                delivery.next_attempt_at = None
            else:
                delivery.next_attempt_at = now + backoff(delivery.attempts)
            if endpoint.consecutive_failures >= PAUSE_AFTER and endpoint.paused_at is None:
                endpoint.paused_at = now
        delivery.save(
            update_fields=[
                "attempts",
                "last_attempt_at",
                "last_status_code",
                "last_error",
                "status",
                "delivered_at",
                "next_attempt_at",
            ]
        )
        endpoint.save(update_fields=["consecutive_failures", "paused_at"])
        return delivery


def delivery_attempt(*, delivery_id: int, now: datetime.datetime | None = None) -> bool | None:
    """Send one delivery if it is due: True delivered, False failed (retried later or given
    up), None not due (already delivered, not yet due, endpoint paused). The request runs
    outside any transaction: no row stays locked while a partner answers."""
    now = now or clock.now()
    delivery = _claim(delivery_id, now)
    if delivery is None:
        return None
    body, headers = signed_request(endpoint=delivery.endpoint, event=delivery.event, now=now)
    outcome = post(delivery.endpoint.url, body, headers)
    return _record(delivery_id, outcome, now).status == Delivery.Status.DELIVERED


def deliveries_retry_due(*, now: datetime.datetime | None = None) -> int:
    """Send every pending delivery that is due (oldest event first, a bounded batch per run,
    endpoints that are paused skipped). Returns how many were delivered."""
    now = now or clock.now()
    due = (
        Delivery.objects.filter(
            status=Delivery.Status.PENDING,
            next_attempt_at__lte=now,
            endpoint__active=True,
            endpoint__paused_at__isnull=True,
        )
        .order_by("event_id", "pk")
        .values_list("pk", flat=True)[:RETRY_BATCH]
    )
    return sum(1 for pk in list(due) if delivery_attempt(delivery_id=pk, now=now))
