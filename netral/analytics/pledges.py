"""Neutrality pledges in a scope, for the staff dashboard and open data: per region and per
agency type, individual pledges (``prevention.Pledge``) and collective pledge events
(``prevention.PledgeEvent``: how many events, how many ASN they counted) side by side, never
added together (an ASN may have done both). Counts only: no name, NIP, agency or place.

Staff see the counts as they are (their scope only, like the rest of the dashboard). Open
data publishes them through the one small-count rule (``netral.common.disclosure``): the
individual pledges and the ASN of the events each as their own protected column of a table
whose total is public. The number of events is shown as it is: an event is a public act of
a regional government and its count says nothing about any one person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from netral.analytics.scope import Scope
from netral.analytics.selectors import stats_cached
from netral.common.disclosure import Published, protect, suppress
from netral.prevention.pledge_events_selectors import PledgeCounts, pledge_cube
from netral.regions.lookups import region_labels
from netral.reports.subjects import AgencyType

COLUMNS = ("pledges", "events", "event_asn")


@dataclass(frozen=True)
class PledgeRow:
    key: str
    label: str
    pledges: int
    events: int
    event_asn: int


@dataclass(frozen=True)
class PledgeTable:
    key: str
    title: str
    rows: tuple[PledgeRow, ...]


@dataclass(frozen=True)
class PledgeAggregates:
    totals: PledgeCounts
    tables: tuple[PledgeTable, ...]


def _add(a: PledgeCounts, b: PledgeCounts) -> PledgeCounts:
    return PledgeCounts(a.pledges + b.pledges, a.events + b.events, a.event_asn + b.event_asn)


def pledge_aggregates(*, scope: Scope) -> PledgeAggregates:
    """Per region (nationally per province; in a province its regencies/cities and its own
    government) and per agency type, every row present (zeros too, so tables line up).
    Three queries."""
    national = scope.region is None
    cube = pledge_cube(
        codes=None if national else scope.codes,
        election_id=scope.election.pk if scope.election else None,
        provinces=national,
    )
    labels = region_labels(scope.region.code if scope.region is not None else None)
    empty = PledgeCounts()
    by_region: dict[str, PledgeCounts] = {}
    by_type: dict[str, PledgeCounts] = {}
    for (region, agency_type), counts in cube.items():
        by_region[region] = _add(by_region.get(region, empty), counts)
        by_type[agency_type] = _add(by_type.get(agency_type, empty), counts)
    totals = empty
    for counts in by_region.values():
        totals = _add(totals, counts)

    def rows(
        labels: Sequence[tuple[str, str]], counts: dict[str, PledgeCounts]
    ) -> tuple[PledgeRow, ...]:
        return tuple(
            PledgeRow(key, str(label), c.pledges, c.events, c.event_asn)
            for key, label in labels
            for c in [counts.get(key, empty)]
        )

    return PledgeAggregates(
        totals=totals,
        tables=(
            PledgeTable(
                "pledges_by_region",
                _("Ikrar netralitas per wilayah"),
                rows(labels, by_region),
            ),
            PledgeTable(
                "pledges_by_agency_type",
                _("Ikrar netralitas per jenis instansi"),
                rows([(v, str(label)) for v, label in AgencyType.choices], by_type),
            ),
        ),
    )


def pledge_aggregates_cached(*, scope: Scope) -> PledgeAggregates:
    return stats_cached(
        "pledges", scope.region, scope.election, lambda: pledge_aggregates(scope=scope)
    )


@dataclass(frozen=True)
class PledgeOpenRow:
    table: str
    table_title: str
    key: str
    label: str
    pledges: Published
    events: Published
    event_asn: Published


def pledge_open_rows(aggregates: PledgeAggregates) -> list[PledgeOpenRow]:
    """Every published cell: the totals (each a lone count), then each table with its
    individual pledges and its events' ASN protected column by column."""
    t = aggregates.totals
    out = [
        PledgeOpenRow(
            "pledges_totals",
            _("Ringkasan ikrar netralitas"),
            "total",
            _("Jumlah"),
            suppress(t.pledges),
            t.events,
            suppress(t.event_asn),
        )
    ]
    for table in aggregates.tables:
        pledges = protect({row.key: row.pledges for row in table.rows})
        asn = protect({row.key: row.event_asn for row in table.rows})
        out.extend(
            PledgeOpenRow(
                table.key,
                table.title,
                row.key,
                row.label,
                pledges[row.key],
                row.events,
                asn[row.key],
            )
            for row in table.rows
        )
    return out
