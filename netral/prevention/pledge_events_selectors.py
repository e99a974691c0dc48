"""Reads for collective pledge events: who may see and record which, the staff list, and
counts (with individual pledges) for the dashboard and open data (``netral.analytics``
arranges and suppresses them). No NIP or name is ever read here; events hold none.

Scoping: a PPK office sees and records only its own regional government's events (a
provincial government does not hold those of the regencies below it, as on the follow-up
desk); Bawaslu and BKN see what their jurisdiction covers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from django.db.models import Count, F, Q, QuerySet, Sum
from django.db.models.functions import Left

from netral.accounts.models import Role, User
from netral.accounts.permissions import has_capability
from netral.common.disclosure import Published, protect, suppress
from netral.prevention.models import Pledge, PledgeEvent
from netral.regions.models import Region

EVENT_NOT_FOUND = "Ikrar bersama tidak ditemukan."
LIST_LIMIT = 200


def pledge_event_regions(*, actor: User) -> QuerySet[Region]:
    """The regions ``actor`` may record collective pledge events for (none without
    ``pledge_event.record``)."""
    if not has_capability(actor, "pledge_event.record"):
        return Region.objects.none()
    code = actor.jurisdiction_id
    if code is None:
        return Region.objects.all()
    if actor.role == Role.PPK_OFFICE:
        return Region.objects.filter(code=code)
    return Region.objects.filter(Q(code=code) | Q(parent_id=code))


def pledge_events_visible(*, actor: User) -> QuerySet[PledgeEvent]:
    """The events ``actor`` may see: those of the regions they may record for; for other
    prevention staff (BKN), those in their jurisdiction; nothing for anyone else."""
    if has_capability(actor, "pledge_event.record"):
        return PledgeEvent.objects.filter(region__in=pledge_event_regions(actor=actor))
    if not has_capability(actor, "prevention.view"):
        return PledgeEvent.objects.none()
    code = actor.jurisdiction_id
    if code is None:
        return PledgeEvent.objects.all()
    return PledgeEvent.objects.filter(Q(region_id=code) | Q(region__parent_id=code))


def pledge_event_list(
    *, actor: User, election_id: int | None = None, limit: int = LIST_LIMIT
) -> list[PledgeEvent]:
    """The newest events ``actor`` may see (one query)."""
    events = pledge_events_visible(actor=actor).select_related("region", "election")
    if election_id is not None:
        events = events.filter(election_id=election_id)
    return list(events.order_by("-held_on", "-pk")[:limit])


@dataclass(frozen=True)
class PledgeCounts:
    """Individual pledges, collective events and the ASN those events counted."""

    pledges: int = 0
    events: int = 0
    event_asn: int = 0


By = Literal["region", "province", "agency_type"]


def _in(qs: QuerySet, codes: Sequence[str] | None, election_id: int | None) -> QuerySet:
    if codes is not None:
        qs = qs.filter(region_id__in=list(codes))
    if election_id is not None:
        qs = qs.filter(election_id=election_id)
    return qs.order_by()


def pledge_counts(
    *, codes: Sequence[str] | None, election_id: int | None, by: By
) -> dict[str, PledgeCounts]:
    """Counts per region code (``region``), per province code (``province``: the first two
    digits) or per agency type, of the regions ``codes`` (``None``: everywhere). Two
    queries; keys with nothing are left out."""
    key = Left("region_id", 2) if by == "province" else F("region_id" if by == "region" else by)
    pledges = (
        _in(Pledge.objects.all(), codes, election_id)
        .annotate(key=key)
        .values("key")
        .annotate(n=Count("pk"))
    )
    events = (
        _in(PledgeEvent.objects.all(), codes, election_id)
        .annotate(key=key)
        .values("key")
        .annotate(n=Count("pk"), asn=Sum("asn_count"))
    )
    per_key: dict[str, list[int]] = {}
    for row in pledges:
        per_key.setdefault(row["key"], [0, 0, 0])[0] = row["n"]
    for row in events:
        cell = per_key.setdefault(row["key"], [0, 0, 0])
        cell[1], cell[2] = row["n"], row["asn"] or 0
    return {k: PledgeCounts(*v) for k, v in per_key.items()}


def pledge_cube(
    *, codes: Sequence[str] | None, election_id: int | None, provinces: bool
) -> dict[tuple[str, str], PledgeCounts]:
    """Counts per (region code, agency type) of the regions ``codes`` (``None``:
    everywhere); with ``provinces`` the region is its province (the first two digits). Two
    queries, whatever the number of regions; the dashboard and open data add it up."""
    region = Left("region_id", 2) if provinces else F("region_id")
    pledges = (
        _in(Pledge.objects.all(), codes, election_id)
        .annotate(key=region)
        .values("key", "agency_type")
        .annotate(n=Count("pk"))
    )
    events = (
        _in(PledgeEvent.objects.all(), codes, election_id)
        .annotate(key=region)
        .values("key", "agency_type")
        .annotate(n=Count("pk"), asn=Sum("asn_count"))
    )
    cells: dict[tuple[str, str], list[int]] = {}
    for row in pledges:
        cells.setdefault((row["key"], row["agency_type"]), [0, 0, 0])[0] = row["n"]
    for row in events:
        cell = cells.setdefault((row["key"], row["agency_type"]), [0, 0, 0])
        cell[1], cell[2] = row["n"], row["asn"] or 0
    return {k: PledgeCounts(*v) for k, v in cells.items()}


@dataclass(frozen=True)
class PublicEventRow:
    code: str
    name: str
    events: int
    # The ASN counted, published as open data does: "<5" or "x" when hidden.
    asn: Published


@dataclass(frozen=True)
class PublicEventCounts:
    events: int
    asn: Published
    provinces: list[PublicEventRow]


def pledge_event_public() -> PublicEventCounts:
    """Collective pledges per province for the public page: the number of events (public
    government acts, named by no one) and the ASN they counted, protected as one table
    whose total is published (``netral.common.disclosure``). Three queries."""
    counts = {
        key: c
        for key, c in pledge_counts(codes=None, election_id=None, by="province").items()
        if c.events
    }
    names = dict(Region.objects.filter(code__in=list(counts)).values_list("code", "name"))
    asn = protect({key: c.event_asn for key, c in counts.items()})
    return PublicEventCounts(
        events=sum(c.events for c in counts.values()),
        asn=suppress(sum(c.event_asn for c in counts.values())),
        provinces=[
            PublicEventRow(code=key, name=names.get(key, key), events=c.events, asn=asn[key])
            for key, c in sorted(counts.items())
        ],
    )
