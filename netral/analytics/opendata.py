"""The open data set: aggregate counts only, small cells suppressed.

A count from 1 to 4 is published as ``"<5"`` (0 stays 0: that nothing happened is not
disclosive), so that no cell points at a handful of identifiable people. Totals are
suppressed the same way. Rates are only shown when their denominator is at least 5.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from netral.analytics.selectors import Dashboard

SMALL_CELL = 5
SUPPRESSED = "<5"

Published = int | str


def suppress(count: int) -> Published:
    return SUPPRESSED if 0 < count < SMALL_CELL else count


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
    for key, label, value in (
        ("reports", _("Laporan"), t.reports),
        ("findings", _("Temuan"), t.findings),
        ("cases", _("Kasus"), t.cases),
        ("registered", _("Diregistrasi"), t.registered),
        ("decided", _("Diputus pleno"), t.decided),
        ("violations", _("Terbukti pelanggaran"), t.violations),
    ):
        rows.append(OpenRow("totals", totals_title, key, label, suppress(value)))
    for table in dashboard.tables:
        if table.key == "by_week":
            continue  # weekly counts of one region are small and add little
        for row in table.rows:
            rows.append(OpenRow(table.key, table.title, row.key, row.label, suppress(row.count)))
    region_title = _("Laporan dan temuan per wilayah")
    for region in dashboard.regions:
        rows.append(
            OpenRow("regions", region_title, region.code, region.name, suppress(region.total))
        )
    return rows


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
        "suppression": f"counts from 1 to {SMALL_CELL - 1} are published as '{SUPPRESSED}'",
        "tables": tables,
    }
