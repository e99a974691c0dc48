"""The region rows that dashboards and intake look up on every request, from the per-process
reference cache (``netral.common.refcache``): a region by code, its children's codes, and the
labels of the regions a dashboard lists. A save or delete of a region clears the cache."""

from __future__ import annotations

import copy

from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from netral.common.refcache import reference_cache_clear, reference_cached
from netral.regions.models import Region


def region_cached(code: str) -> Region | None:
    """The region ``code`` (a copy: callers may set attributes on it), or None."""
    region = reference_cached(("region", code), lambda: Region.objects.filter(code=code).first())
    return copy.copy(region) if region is not None else None


def child_codes(code: str) -> tuple[str, ...]:
    """The codes of the regions directly below ``code``, in code order."""
    return reference_cached(
        ("children", code),
        lambda: tuple(
            Region.objects.filter(parent_id=code).order_by("code").values_list("code", flat=True)
        ),
    )


def region_labels(code: str | None) -> tuple[tuple[str, str], ...]:
    """(code, name) in code order: of every province for ``None``, else of the region
    ``code`` and the regions directly below it."""

    def load() -> tuple[tuple[str, str], ...]:
        if code is None:
            rows = Region.objects.filter(level=Region.Level.PROVINCE)
        else:
            rows = Region.objects.filter(Q(code=code) | Q(parent_id=code))
        return tuple(rows.order_by("code").values_list("code", "name"))

    return reference_cached(("labels", code or ""), load)


post_save.connect(reference_cache_clear, sender=Region, dispatch_uid="regions.lookups.save")
post_delete.connect(reference_cache_clear, sender=Region, dispatch_uid="regions.lookups.delete")
