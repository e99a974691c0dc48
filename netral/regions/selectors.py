"""Reads for regions."""

from __future__ import annotations

from django.db.models import QuerySet

from netral.common.errors import NotFound
from netral.regions.models import Region

REGION_NOT_FOUND = "Wilayah dengan kode {code!r} tidak dikenal."


def region_list(*, level: str | None = None, parent: str | None = None) -> QuerySet[Region]:
    regions = Region.objects.all()
    if level:
        regions = regions.filter(level=level)
    if parent:
        regions = regions.filter(parent_id=parent)
    return regions.order_by("code")


def region_get(*, code: str) -> Region:
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise NotFound(REGION_NOT_FOUND, field="region", params={"code": code})
    return region


def region_and_descendant_codes(*, region: Region) -> list[str]:
    """The region's own code and the codes of every region below it."""
    if region.level == Region.Level.PROVINCE:
        return [region.code, *Region.objects.filter(parent=region).values_list("code", flat=True)]
    return [region.code]
