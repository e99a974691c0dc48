"""Early warnings for the demo data set (``netral.demo.data``): once every demo row is in
(reports, follow-up, appeals), the real daily computation runs for the demo clock's day, so
the warnings page shows what the method finds in the synthetic data, nothing staged.

Warnings are derived data: deleting the demo data deletes every warning (a demo database
holds no others).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from netral.common import clock
from netral.prevention.models import EarlyWarning
from netral.prevention.warnings import warnings_compute


@dataclass(frozen=True)
class DemoWarnings:
    day: str
    total: int
    # How many warnings each fired signal appears in ("rise", "ppk_overdue", ...).
    by_signal: dict[str, int]


def demo_warnings_load() -> int:
    """Compute the warnings of the demo clock's day; returns how many regions got one."""
    return warnings_compute(day=clock.today()).raised


def demo_warnings_summary() -> DemoWarnings:
    """The latest day's warnings and the signals behind them (for the printed tour)."""
    latest = EarlyWarning.objects.order_by("-computed_for").first()
    if latest is None:
        return DemoWarnings(day="", total=0, by_signal={})
    rows = EarlyWarning.objects.filter(computed_for=latest.computed_for)
    by_signal: Counter[str] = Counter()
    for signals in rows.values_list("signals", flat=True):
        by_signal.update(s["code"] for s in signals if s.get("fired"))
    return DemoWarnings(
        day=latest.computed_for.isoformat(), total=rows.count(), by_signal=dict(by_signal)
    )


def demo_warnings_delete() -> None:
    EarlyWarning.objects.all().delete()
