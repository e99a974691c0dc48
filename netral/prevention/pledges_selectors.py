"""Reads for pledges: aggregates only. No name, NIP or agency name leaves here.

A count per region and agency type names nobody, but a cell of one in a small region may
point at a person once combined with other knowledge: what is published
(``pledge_summary_published``) goes through the one small-count rule of open data
(``netral.common.disclosure.protect``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from netral.common.disclosure import COMPLEMENT, SUPPRESSED, protect, suppress
from netral.prevention.models import Pledge
from netral.prevention.pledges import nip_digests, nip_masked
from netral.regions.models import Region
from netral.regions.selectors import region_and_descendant_codes
from netral.reports.models import Report
from netral.reports.subjects import AgencyType


@dataclass(frozen=True)
class RegionCount:
    region: str
    region_name: str
    count: int


@dataclass(frozen=True)
class AgencyTypeCount:
    agency_type: str
    label: str
    count: int


@dataclass(frozen=True)
class PledgeSummary:
    total: int
    by_region: list[RegionCount]
    by_agency_type: list[AgencyTypeCount]


def pledges_in(*, region: Region | None = None, election_id: int | None = None) -> QuerySet[Pledge]:
    pledges = Pledge.objects.all()
    if region is not None:
        pledges = pledges.filter(region_id__in=region_and_descendant_codes(region=region))
    if election_id is not None:
        pledges = pledges.filter(election_id=election_id)
    return pledges


def pledge_summary(
    *, region: Region | None = None, election_id: int | None = None
) -> PledgeSummary:
    """How many pledged, per region (where the ASN serves) and per agency type."""
    pledges = pledges_in(region=region, election_id=election_id).order_by()
    per_region = {
        row["region_id"]: row["n"] for row in pledges.values("region_id").annotate(n=Count("pk"))
    }
    names = dict(Region.objects.filter(code__in=per_region).values_list("code", "name"))
    per_type = {
        row["agency_type"]: row["n"]
        for row in pledges.values("agency_type").annotate(n=Count("pk"))
    }
    return PledgeSummary(
        total=sum(per_region.values()),
        by_region=[
            RegionCount(region=code, region_name=names.get(code, code), count=per_region[code])
            for code in sorted(per_region)
        ],
        by_agency_type=[
            AgencyTypeCount(agency_type=value, label=str(label), count=per_type.get(value, 0))
            for value, label in AgencyType.choices
        ],
    )


@dataclass(frozen=True)
class PublishedCount:
    """One published cell: ``count`` is None when hidden, ``suppressed`` says why
    (``"<5"``: a small count; ``"x"``: hidden so that a small one cannot be worked out)."""

    count: int | None
    suppressed: str | None


def _published(value: int | str) -> PublishedCount:
    if isinstance(value, str):
        assert value in (SUPPRESSED, COMPLEMENT)
        return PublishedCount(count=None, suppressed=value)
    return PublishedCount(count=value, suppressed=None)


@dataclass(frozen=True)
class PublishedSummary:
    """``PledgeSummary`` as the public may see it: the total and each table protected."""

    total: PublishedCount
    by_region: list[tuple[RegionCount, PublishedCount]]
    by_agency_type: list[tuple[AgencyTypeCount, PublishedCount]]


def pledge_summary_published(
    *, region: Region | None = None, election_id: int | None = None
) -> PublishedSummary:
    """The summary with small cells hidden: the total as a lone count, and each table
    (whose total is the published one) protected on its own."""
    counts = pledge_summary(region=region, election_id=election_id)
    regions = protect({c.region: c.count for c in counts.by_region})
    types = protect({c.agency_type: c.count for c in counts.by_agency_type})
    return PublishedSummary(
        total=_published(suppress(counts.total)),
        by_region=[(c, _published(regions[c.region])) for c in counts.by_region],
        by_agency_type=[(c, _published(types[c.agency_type])) for c in counts.by_agency_type],
    )


@dataclass(frozen=True)
class ReportedPledge:
    """Whether one reported civil servant of a case pledged neutrality for its election."""

    reported_name: str
    nip_masked: str
    pledge: Pledge | None


def _nip_digits(raw: str) -> str:
    return "".join(ch for ch in raw if ch.isdigit())


def case_reported_pledges(*, case_id: int, election_id: int) -> list[ReportedPledge]:
    """For each reported NIP of a case (once per NIP), its pledge for the case's election.

    Two queries whatever the number of reports: the NIPs, then the pledges by their keyed
    hashes (under the current key and the fallbacks). Reports without a NIP are left out.
    """
    rows = (
        Report.objects.filter(case_id=case_id)
        .exclude(reported_nip="")
        .order_by("pk")
        .values_list("reported_name", "reported_nip")
    )
    names: dict[str, str] = {}
    for name, raw in rows:
        nip = _nip_digits(raw)
        if len(nip) == 18:
            names.setdefault(nip, name)
    if not names:
        return []
    digests = {digest: nip for nip in names for digest in nip_digests(nip)}
    pledged: dict[str, Pledge] = {}
    for pledge in Pledge.objects.select_related("document").filter(
        election_id=election_id, nip_digest__in=list(digests)
    ):
        pledged.setdefault(digests[pledge.nip_digest], pledge)
    return [
        ReportedPledge(reported_name=name, nip_masked=nip_masked(nip), pledge=pledged.get(nip))
        for nip, name in names.items()
    ]
