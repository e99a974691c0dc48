"""Election endpoints (public)."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema

from netral.common.apischemas import refusals
from netral.elections.models import Election
from netral.elections.selectors import election_list
from netral.regions.selectors import region_get

router = Router(tags=["elections"])


class StageOut(Schema):
    code: str
    name: str
    name_en: str
    start: datetime.date
    end: datetime.date


class ElectionOut(Schema):
    id: int
    name: str
    cycle: str
    kind: str
    office: str
    region: str | None
    voting_date: datetime.date
    handling_level: str
    stages: list[StageOut]

    @staticmethod
    def resolve_cycle(obj: Election) -> str:
        return obj.cycle.code

    @staticmethod
    def resolve_region(obj: Election) -> str | None:
        return obj.region_id

    @staticmethod
    def resolve_voting_date(obj: Election) -> datetime.date:
        return obj.cycle.voting_date

    @staticmethod
    def resolve_stages(obj: Election) -> list[object]:
        return list(obj.cycle.stages.all())


@router.get(
    "", response={200: list[ElectionOut], **refusals(404)}, summary="Pemilihan dan tahapannya"
)
def list_elections(
    request: HttpRequest, region: str | None = None, cycle: str | None = None
) -> list[Election]:
    """With `region`: the elections held for that region plus the national ones."""
    scope = region_get(code=region) if region else None
    return list(election_list(region=scope, cycle=cycle))
