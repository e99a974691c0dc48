"""The event feed for partner systems, with personal tokens: ``GET /api/events?after=``
returns the events a webhook would have delivered, in order, within the token owner's
jurisdiction, so a partner that missed deliveries catches up."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.common.apischemas import MAX_ID, STAFF, refusals
from netral.partners import selectors

router = Router(tags=["partners"], auth=staff_auth)


class EventOut(Schema):
    id: int
    type: str
    occurred_at: datetime.datetime
    data: dict[str, Any]


class FeedOut(Schema):
    events: list[EventOut]
    next: int


class FeedQuery(Schema):
    after: int = Field(0, ge=0, le=MAX_ID)
    types: str = Field("", max_length=500)
    limit: int = Field(100, ge=1, le=selectors.FEED_LIMIT_MAX)


@router.get("", response={200: FeedOut, **refusals(*STAFF, 400, 403, 422)})
def event_feed(request: HttpRequest, filters: Query[FeedQuery]) -> dict[str, Any]:
    """Events after the cursor ``after`` (0: from the start), oldest first; ``next`` is the
    cursor for the next call. ``types``: a comma-separated list of event types."""
    page = selectors.event_feed(
        actor=request_staff(request),
        after=filters.after,
        types=selectors.event_types_parse(filters.types),
        limit=filters.limit,
    )
    return {"events": [e.as_payload() for e in page.events], "next": page.next}
