"""The open data set: aggregate counts only, small cells suppressed.

A count from 1 to 4 is published as ``"<5"`` (0 stays 0: that nothing happened is not
disclosive), so that no cell points at a handful of identifiable people. Totals are
suppressed the same way. Rates are only shown when their denominator is at least 5.

Every table's total is public (it is the number of reports, or can be added up from another
table), so hiding the small cells alone is not enough: with one hidden cell, the total minus
the shown cells is that cell. ``protect`` therefore also hides the next-smallest cells of the
table ("x") until no hidden small count can be worked out from the total. It is the one rule
for every public output: this page, its CSV/JSON and ``GET /api/stats/summary``; it lives in
``netral.common.disclosure`` so that apps below analytics apply it too.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from netral.analytics.selectors import Dashboard

# The rule itself lives below every app (prevention publishes pledge counts with it too).
from netral.common.disclosure import (
    COMPLEMENT,
    SMALL_CELL,
    SUPPRESSED,
    SUPPRESSION_NOTE,
    Published,
    protect,
    suppress,
)

__all__ = [
    "COMPLEMENT",
    "SMALL_CELL",
    "SUPPRESSED",
    "OpenRow",
    "Published",
    "open_counts",
    "open_json",
    "open_rows",
    "protect",
    "suppress",
]


@dataclass(frozen=True)
class OpenRow:
    table: str
    table_title: str
    key: str
    label: str
    value: Published


def open_rows(dashboard: Dashboard) -> list[OpenRow]:
    """Every published cell of the dashboard, suppressed (the page, CSV and JSON share it)."""
    rows: list[OpenRow] = []
    t = dashboard.totals
    totals_title = _("Ringkasan")
    # Reports and findings add up to every report table's total: protected together.
    together = protect({"reports": t.reports, "findings": t.findings})
    for key, label, value in (
        ("reports", _("Laporan"), together["reports"]),
        ("findings", _("Temuan"), together["findings"]),
        ("cases", _("Kasus"), suppress(t.cases)),
        ("registered", _("Diregistrasi"), suppress(t.registered)),
        ("decided", _("Diputus pleno"), suppress(t.decided)),
        ("violations", _("Terbukti pelanggaran"), suppress(t.violations)),
    ):
        rows.append(OpenRow("totals", totals_title, key, label, value))
    for table in dashboard.tables:
        if table.key == "by_week":
            continue  # weekly counts of one region are small and add little
        shown = protect({row.key: row.count for row in table.rows})
        for row in table.rows:
            rows.append(OpenRow(table.key, table.title, row.key, row.label, shown[row.key]))
    region_title = _("Laporan dan temuan per wilayah")
    shown = protect({region.code: region.total for region in dashboard.regions})
    for region in dashboard.regions:
        rows.append(OpenRow("regions", region_title, region.code, region.name, shown[region.code]))
    return rows


def open_counts(counts: Mapping[str, Mapping[str, int]]) -> dict[str, dict[str, Published]]:
    """Counts by dimension (``summary_counts``) as published: each dimension one table."""
    return {name: protect(cells) for name, cells in counts.items()}


def open_json(dashboard: Dashboard, *, generated: datetime.datetime) -> dict[str, object]:
    scope = dashboard.scope
    tables: dict[str, dict[str, Published]] = {}
    for row in open_rows(dashboard):
        tables.setdefault(row.table, {})[row.key] = row.value
    return {
        "region": scope.region.code if scope.region else None,
        "region_name": scope.region.name if scope.region else "Indonesia",
        "election": scope.election.pk if scope.election else None,
        "generated_at": generated.isoformat(),
        "suppression": SUPPRESSION_NOTE,
        "tables": tables,
    }
