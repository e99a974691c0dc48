"""Reads for elections."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from netral.elections.models import Election, Stage
from netral.regions.models import Region


def election_list(*, region: Region | None = None, cycle: str | None = None) -> QuerySet[Election]:
    """Elections with cycle and stages prefetched.

    With a region: the elections held for that region plus the national ones (held
    everywhere).
    """
    elections = Election.objects.select_related("cycle", "region").prefetch_related(
        Prefetch("cycle__stages", queryset=Stage.objects.order_by("order"))
    )
    if region is not None:
        elections = elections.filter(Q(region=region) | Q(region__isnull=True))
    if cycle:
        elections = elections.filter(cycle__code=cycle)
    return elections.order_by("cycle__voting_date", "region_id", "office")
