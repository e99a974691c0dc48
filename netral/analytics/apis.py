"""Public statistics: aggregates only, never a name, a NIP or anything about a reporter."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema

from netral.analytics.ikp import ikp_for_region
from netral.analytics.opendata import Published, open_counts
from netral.analytics.scope import scope_get
from netral.analytics.selectors import stats_cached, summary_counts_cached
from netral.common.apischemas import refusals
from netral.rules.selectors import ikp_method_get

router = Router(tags=["statistics"])


class RegionOut(Schema):
    code: str
    name: str
    level: str


class ElectionOut(Schema):
    id: int
    name: str


class CountsOut(Schema):
    """Published as open data is: 1 to 4 as "<5", and "x" for a count hidden so that a small
    one cannot be worked out from the total (``netral.analytics.opendata.protect``)."""

    violation_type: dict[str, Published]
    stage: dict[str, Published]
    status: dict[str, Published]
    position_class: dict[str, Published]


class IkpOut(Schema):
    score: float | None
    class_code: str | None
    class_name: str | None
    # False while Bawaslu's 2024 cut-offs and weights are not confirmed (see ikp.toml).
    confirmed: bool
    method: str


class SummaryOut(Schema):
    region: RegionOut | None
    election: ElectionOut | None
    counts: CountsOut
    # The region's vulnerability index; null nationally (the IKP is per region).
    ikp: IkpOut | None


@router.get(
    "/summary",
    response={200: SummaryOut, **refusals(400, 404, 422)},
    summary="Ringkasan statistik publik satu wilayah (kosong: nasional)",
)
def stats_summary(request: HttpRequest, region: str = "", election: str = "") -> SummaryOut:
    """Counts by violation type, stage, case status and position class, and the region's
    IKP score and class. Unknown region or election: 404; an election that is not a number:
    400."""
    scope = scope_get(actor=None, region_code=region, election_id=election)
    ikp = None
    if scope.region is not None:
        place = scope.region
        result = stats_cached(
            "ikp",
            place,
            scope.election,
            lambda: ikp_for_region(region=place, election=scope.election),
        )
        ikp = IkpOut(
            score=result.rounded,
            class_code=result.klass.code if result.klass else None,
            class_name=result.klass.name if result.klass else None,
            confirmed=all(c.confirmed for c in ikp_method_get().classes),
            method=result.method,
        )
    return SummaryOut(
        region=RegionOut(code=scope.region.code, name=scope.region.name, level=scope.region.level)
        if scope.region
        else None,
        election=ElectionOut(id=scope.election.pk, name=scope.election.name)
        if scope.election
        else None,
        counts=CountsOut(**open_counts(summary_counts_cached(scope=scope))),
        ikp=ikp,
    )
