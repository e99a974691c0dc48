"""The open data set: aggregate counts only, small cells suppressed.

A count from 1 to 4 is published as ``"<5"`` (0 stays 0: that nothing happened is not
disclosive), so that no cell points at a handful of identifiable people. Totals are
suppressed the same way. Rates are only shown when their denominator is at least 5.

Every table's total is public (it is the number of reports, or can be added up from another
table), so hiding the small cells alone is not enough: with one hidden cell, the total minus
the shown cells is that cell. ``protect`` therefore also hides the next-smallest cells of the
table ("x") until no hidden small count can be worked out from the total. It is the one rule
for every public output: this page, its CSV/JSON and ``GET /api/stats/summary``.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _

from netral.analytics.selectors import Dashboard

SMALL_CELL = 5
SUPPRESSED = "<5"
# Hidden only so that a small cell of the same table cannot be derived from the total.
COMPLEMENT = "x"

Published = int | str


def suppress(count: int) -> Published:
    return SUPPRESSED if 0 < count < SMALL_CELL else count


def _small(count: int) -> bool:
    return 0 < count < SMALL_CELL


def _derivable(counts: Mapping[str, int], hidden: set[str]) -> bool:
    """Whether someone who knows the table's total, the shown cells and this rule can work
    out a hidden small count exactly. They know the hidden cells add up to the total minus
    the shown ones, that a small cell lies in 1..4 and a complementary one is at least 5; a
    small cell is exposed when those bounds leave it a single value."""
    rest = sum(counts[k] for k in hidden)
    bounds = {k: (1, SMALL_CELL - 1) if _small(counts[k]) else (SMALL_CELL, rest) for k in hidden}
    low_all = sum(lo for lo, _hi in bounds.values())
    high_all = sum(hi for _lo, hi in bounds.values())
    for key in hidden:
        if not _small(counts[key]):
            continue
        lo, hi = bounds[key]
        least = max(lo, rest - (high_all - hi))
        most = min(hi, rest - (low_all - lo))
        if least >= most:
            return True
    return False


def protect(counts: Mapping[str, int]) -> dict[str, Published]:
    """One table whose total is public, as published: counts from 1 to 4 as ``"<5"`` and,
    where the total would give one away, the smallest other non-zero cells as ``"x"``."""
    hidden = {k for k, n in counts.items() if _small(n)}
    if hidden:
        spare = sorted((n, k) for k, n in counts.items() if n >= SMALL_CELL)
        while spare and _derivable(counts, hidden):
            hidden.add(spare.pop(0)[1])
    return {
        k: (SUPPRESSED if _small(n) else COMPLEMENT) if k in hidden else n
        for k, n in counts.items()
    }


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
        "suppression": (
            f"counts from 1 to {SMALL_CELL - 1} are published as '{SUPPRESSED}'; "
            f"'{COMPLEMENT}' hides a larger count of the same table so that a small one "
            "cannot be worked out from the total"
        ),
        "tables": tables,
    }
