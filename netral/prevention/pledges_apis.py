"""Public pledge endpoints: pledge neutrality (``POST /api/pledges``) and the counts
(``GET /api/pledges/summary``). Names and NIPs never leave the server."""

from __future__ import annotations

from typing import Annotated, Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema, Status
from pydantic import Field

from netral.common.apischemas import MAX_ID, WITH_BODY, ErrorOut, refusals
from netral.common.disclosure import SUPPRESSION_NOTE
from netral.common.errors import ApplicationError
from netral.common.ratelimit import RateLimited
from netral.documents.services import document_verify_url
from netral.prevention.pledges import AGENCY_MAX, NAME_MAX, REGION_UNKNOWN, pledge_submit
from netral.prevention.pledges_selectors import pledge_summary_published
from netral.prevention.pledges_throttles import refusal_message, throttle_pledge
from netral.regions.models import Region

router = Router(tags=["pledges"])


class PledgeIn(Schema):
    nip: Annotated[str, Field(max_length=40)]
    name: Annotated[str, Field(max_length=NAME_MAX * 2)]
    agency: Annotated[str, Field(max_length=AGENCY_MAX * 2)]
    region: Annotated[str, Field(max_length=13)]
    election: Annotated[int, Field(ge=1, le=MAX_ID)]


class PledgeOut(Schema):
    number: str
    verify_url: str


class RegionCountOut(Schema):
    region: str
    region_name: str
    # null when hidden; ``suppressed`` then says why ("<5" or "x", as in open data).
    count: int | None
    suppressed: str | None


class AgencyTypeCountOut(Schema):
    agency_type: str
    label: str
    count: int | None
    suppressed: str | None


class PledgeSummaryOut(Schema):
    """Published as open data is (``netral.common.disclosure``): a count from 1 to 4 is null
    with ``suppressed: "<5"``; a larger one hidden so that a small one cannot be worked out
    from the total is null with ``suppressed: "x"``."""

    total: int | None
    total_suppressed: str | None
    by_region: list[RegionCountOut]
    by_agency_type: list[AgencyTypeCountOut]
    suppression: str


class SummaryQuery(Schema):
    region: Annotated[str | None, Field(default=None, max_length=13)] = None
    election: Annotated[int | None, Field(default=None, ge=1, le=MAX_ID)] = None


def _refuse(status: int, detail: str, field: str | None = None) -> Status[ErrorOut]:
    return Status(status, ErrorOut(detail=detail, field=field))


@router.post(
    "",
    response={201: PledgeOut, 200: PledgeOut, **refusals(*WITH_BODY, 429)},
    summary="Ikrar netralitas ASN (sekali per NIP per pemilihan; ikrar kedua: 200 dengan nomor "
    "ikrar yang sudah ada)",
)
def pledge(request: HttpRequest, payload: PledgeIn) -> Status[Any]:
    try:
        throttle_pledge(request)
    except RateLimited as error:
        return _refuse(429, refusal_message(error))
    try:
        result = pledge_submit(
            nip=payload.nip,
            name=payload.name,
            agency=payload.agency,
            region=payload.region,
            election=payload.election,
        )
    except ApplicationError as error:
        return _refuse(400, error.message, error.field)
    number = result.pledge.number
    return Status(
        201 if result.created else 200,
        PledgeOut(number=number, verify_url=document_verify_url(number=number)),
    )


@router.get(
    "/summary",
    response={200: PledgeSummaryOut, **refusals(400, 422)},
    summary="Jumlah ikrar per wilayah dan jenis instansi (tanpa nama atau NIP; angka kecil "
    "disamarkan seperti data terbuka)",
)
def summary(request: HttpRequest, filters: Query[SummaryQuery]) -> Status[Any]:
    region = None
    if filters.region:
        region = Region.objects.filter(code=filters.region.strip()).first()
        if region is None:
            return _refuse(400, _(REGION_UNKNOWN), "region")
    counts = pledge_summary_published(region=region, election_id=filters.election)
    return Status(
        200,
        PledgeSummaryOut(
            total=counts.total.count,
            total_suppressed=counts.total.suppressed,
            by_region=[
                RegionCountOut(
                    region=c.region,
                    region_name=c.region_name,
                    count=shown.count,
                    suppressed=shown.suppressed,
                )
                for c, shown in counts.by_region
            ],
            by_agency_type=[
                AgencyTypeCountOut(
                    agency_type=c.agency_type,
                    label=c.label,
                    count=shown.count,
                    suppressed=shown.suppressed,
                )
                for c, shown in counts.by_agency_type
            ],
            suppression=SUPPRESSION_NOTE,
        ),
    )
