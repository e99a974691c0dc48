"""The reference rows every report's intake looks up (issue #13 item 3): the region with its
parent, and the elections held there with their cycle and its stage calendar; and the stage
calendar the dashboards read.

They come from the per-process reference cache (``netral.common.refcache``: kept for
``NETRAL_REFERENCE_CACHE_SECONDS``, cleared by any save or delete of a region, election,
cycle or stage in this process). Callers get copies of the rows, so nothing they set on one
leaks into the next request.

The elections come with ``cycle`` and ``cycle.stages`` loaded, so the case's stage
(``ElectionCycle.stage_on``) and the rollups' stage windows need no query of their own.
"""

from __future__ import annotations

import copy

from django.db.models.signals import post_delete, post_save

from netral.common.refcache import reference_cache_clear, reference_cached
from netral.elections.models import Election, ElectionCycle, Stage
from netral.regions.models import Region


def region_with_parent(code: str) -> Region | None:
    """The region ``code`` with its parent loaded, or None."""
    region = reference_cached(
        ("region", code),
        lambda: Region.objects.select_related("parent").filter(code=code).first(),
    )
    return copy.copy(region) if region is not None else None


def elections_in(region: Region) -> list[Election]:
    """The elections of ``region`` and of its parent, with cycle and stages loaded."""
    codes = [region.code] + ([region.parent_id] if region.parent_id else [])
    rows = reference_cached(
        ("elections", ",".join(codes)),
        lambda: list(
            Election.objects.select_related("cycle")
            .prefetch_related("cycle__stages")
            .filter(region_id__in=codes)
        ),
    )
    return [copy.copy(e) for e in rows]


def stages_with_cycles() -> tuple[Stage, ...]:
    """Every stage of every cycle, with its cycle loaded (the dashboards' stage windows).
    Shared rows: read them, do not change them."""
    return reference_cached(
        ("stages", "all"), lambda: tuple(Stage.objects.select_related("cycle").order_by("pk"))
    )


for _model in (Election, ElectionCycle, Stage):
    uid = f"elections.lookups.{_model.__name__}"
    post_save.connect(reference_cache_clear, sender=_model, dispatch_uid=f"{uid}.save")
    post_delete.connect(reference_cache_clear, sender=_model, dispatch_uid=f"{uid}.delete")
