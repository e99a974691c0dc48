"""The reference rows every report's intake looks up (issue #13 item 3): the region with its
parent, and the elections held there with their cycle and its stage calendar.

They change a few times a year (loaders, the admin), so each process keeps them for
``NETRAL_REFERENCE_CACHE_SECONDS`` (settings; 60 by default, 0 in the test suite): a change
made in this process (any save or delete of a region, election, cycle or stage) clears the
cache at once, one made by another process is seen within that time. Callers get copies of
the rows, so nothing they set on one leaks into the next request.

The elections come with ``cycle`` and ``cycle.stages`` loaded, so the case's stage
(``ElectionCycle.stage_on``) and the rollups' stage windows need no query of their own.
"""

from __future__ import annotations

import copy
import time
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save

from netral.elections.models import Election, ElectionCycle, Stage
from netral.regions.models import Region

DEFAULT_SECONDS = 60
_cache: dict[tuple[str, str], tuple[float, Any]] = {}


def reference_cache_clear(**_: Any) -> None:
    _cache.clear()


def _seconds() -> float:
    return float(getattr(settings, "NETRAL_REFERENCE_CACHE_SECONDS", DEFAULT_SECONDS))


def _cached(key: tuple[str, str], load: Any) -> Any:
    seconds = _seconds()
    if seconds <= 0:
        return load()
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    value = load()
    _cache[key] = (now + seconds, value)
    return value


def region_with_parent(code: str) -> Region | None:
    """The region ``code`` with its parent loaded, or None."""
    region = _cached(
        ("region", code),
        lambda: Region.objects.select_related("parent").filter(code=code).first(),
    )
    return copy.copy(region) if region is not None else None


def elections_in(region: Region) -> list[Election]:
    """The elections of ``region`` and of its parent, with cycle and stages loaded."""
    codes = [region.code] + ([region.parent_id] if region.parent_id else [])
    rows = _cached(
        ("elections", ",".join(codes)),
        lambda: list(
            Election.objects.select_related("cycle")
            .prefetch_related("cycle__stages")
            .filter(region_id__in=codes)
        ),
    )
    return [copy.copy(e) for e in rows]


for _model in (Region, Election, ElectionCycle, Stage):
    uid = f"elections.lookups.{_model.__name__}"
    post_save.connect(reference_cache_clear, sender=_model, dispatch_uid=f"{uid}.save")
    post_delete.connect(reference_cache_clear, sender=_model, dispatch_uid=f"{uid}.delete")
