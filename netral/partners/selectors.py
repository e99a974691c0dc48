"""Reads of partners: the event feed of a caller's jurisdiction."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings

from netral.accounts.models import User
from netral.accounts.permissions import jurisdiction_q, require
from netral.common import clock
from netral.common.errors import ApplicationError
from netral.partners.models import Event, EventType

FEED_LIMIT_MAX = 500
# Event ids are taken inside the transactions that record them, so a long transaction can
# commit id 10 after a short one committed id 11. The feed lists only events at least this
# old (``PARTNERS_FEED_SETTLE_SECONDS``), and stops at the first younger one, so a cursor
# never passes an event that may still appear: a transaction that records an event must end
# within this window (requests and tasks here end within seconds).
FEED_SETTLE_SECONDS = 30
TYPES_MAX = len(EventType.values)
TYPE_UNKNOWN = "Jenis peristiwa tidak dikenal: {types}. Jenis yang ada: {known}."


@dataclass(frozen=True)
class FeedPage:
    events: list[Event]
    next: int


def event_types_parse(raw: str | None) -> list[str] | None:
    """``"a,b"`` -> ``["a", "b"]`` (None or empty: every type); an unknown type is refused."""
    if not raw:
        return None
    types = sorted({t.strip() for t in raw.split(",") if t.strip()})
    unknown = [t for t in types if t not in EventType.values]
    if unknown:
        raise ApplicationError(
            TYPE_UNKNOWN,
            field="types",
            params={"types": ", ".join(unknown[:5]), "known": ", ".join(EventType.values)},
        )
    return types or None


def event_feed(*, actor: User, after: int, types: list[str] | None, limit: int) -> FeedPage:
    """The events after cursor ``after`` (an event id) in the actor's jurisdiction, oldest
    first, at most ``limit``. ``next`` is the cursor to ask with next time (``after`` itself
    when nothing new)."""
    require(actor, "event.feed")
    rows = Event.objects.filter(jurisdiction_q(actor), pk__gt=after)
    if types:
        rows = rows.filter(type__in=types)
    settle = getattr(settings, "PARTNERS_FEED_SETTLE_SECONDS", FEED_SETTLE_SECONDS)
    cutoff = clock.now() - datetime.timedelta(seconds=settle)
    events = []
    for event in rows.order_by("pk")[: min(limit, FEED_LIMIT_MAX)]:
        if event.occurred_at > cutoff:
            break  # not settled yet: neither it nor anything after it
        events.append(event)
    return FeedPage(events=events, next=events[-1].pk if events else after)
