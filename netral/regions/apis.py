"""Region endpoints (public)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from netral.common.apischemas import refusals
from netral.regions.models import Region
from netral.regions.selectors import region_get, region_list

router = Router(tags=["regions"])


class RegionOut(Schema):
    code: str
    name: str
    level: str
    type: str
    parent: str | None
    timezone: str

    @staticmethod
    def resolve_parent(obj: Region) -> str | None:
        return obj.parent_id


@router.get(
    "",
    response={200: list[RegionOut], **refusals(404, 422)},
    summary="Provinsi dan kabupaten/kota",
)
def list_regions(
    request: HttpRequest,
    level: Region.Level | None = None,
    parent: str | None = None,
) -> list[Region]:
    if parent:
        region_get(code=parent)  # an unknown parent is a 404, not an empty list
    return list(region_list(level=level, parent=parent))


@router.get("/{code}", response={200: RegionOut, **refusals(404)}, summary="Satu wilayah")
def get_region(request: HttpRequest, code: str) -> Region:
    return region_get(code=code)
