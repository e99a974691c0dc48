"""What retention erases of the partners' event log (``netral.common.retention``): events
older than the rule's period, with their finished deliveries. The payloads carry no identity,
but the log would otherwise grow for ever. An event still being delivered stays, and so does
every event of a case under a legal hold. The feed's cursor (the event id) only grows, so a
partner that asks ``after=<an expired id>`` simply gets the newer events."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from netral.common.retention import Erased, OlderScope, RetentionKind, register
from netral.partners.models import Delivery, Event

CHUNK = 500


def partner_events_erase(scope: OlderScope) -> Erased:
    done = Erased()
    pending = Delivery.objects.filter(event_id=OuterRef("pk"), status=Delivery.Status.PENDING)
    events = Event.objects.filter(occurred_at__lt=scope.before).exclude(Exists(pending))
    if scope.held:
        events = events.exclude(data__case_id__in=list(scope.held))
    ids = list(events.order_by("pk").values_list("pk", flat=True))
    # Bulk deletes (``Event.delete`` refuses one row: the log is append-only for its users),
    # in chunks that stay under SQLite's limit on query parameters.
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        done.add("deliveries", Delivery.objects.filter(event_id__in=chunk).delete()[0])
        done.add("events", Event.objects.filter(pk__in=chunk).delete()[0])
    return done


register(
    RetentionKind(
        data="partner_events",
        labels=(("events", "peristiwa mitra"), ("deliveries", "pengiriman mitra")),
        erase_older=partner_events_erase,
    )
)
