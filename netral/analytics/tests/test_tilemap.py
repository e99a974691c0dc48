"""The province map's classes: quartiles, so a bunched spread still separates."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from django.utils import translation

from netral.analytics.tilemap import GRID, SHADES, tiles


def _shades(values: dict[str, float | None]) -> tuple[Counter[str], list[str]]:
    grid, legend = tiles(names={}, values=values, href=lambda code: f"?region={code}")
    return Counter(t.shade for t in grid), [item.text for item in legend]


@pytest.mark.parametrize("seed", range(5))
def test_bunched_violation_rates_spread_over_the_classes(seed: int) -> None:
    # What the demo shows: most decided cases find a violation, rates of 80-100 %.
    rng = random.Random(seed)
    values: dict[str, float | None] = {code: round(rng.uniform(80, 100), 1) for code in GRID}
    counts, _legend = _shades(values)
    assert max(counts.values()) <= len(GRID) // 2
    assert set(counts) == {str(n) for n in range(1, SHADES + 1)}


def test_skewed_counts_spread_and_zero_stays_apart() -> None:
    # A few large provinces, a long tail, three without reports.
    codes = list(GRID)
    values: dict[str, float | None] = {code: float(5 + i) for i, code in enumerate(codes)}
    values.update({codes[0]: 900.0, codes[1]: 1200.0, codes[2]: 0.0, codes[3]: None})
    values[codes[4]] = 0.0
    counts, legend = _shades(values)
    assert counts["0"] == 3
    assert max(counts.values()) <= len(GRID) // 2
    with translation.override("id"):
        _counts, legend = _shades(values)
    assert legend[-1].endswith("1.200")  # the top class ends at the highest value


def test_legend_numbers_follow_the_language() -> None:
    values: dict[str, float | None] = {code: 55.78 + i for i, code in enumerate(GRID)}
    with translation.override("id"):
        _c, indonesian = _shades(values)
    with translation.override("en"):
        _c, english = _shades(values)
    assert indonesian[1].startswith("55,78 - ")
    assert english[1].startswith("55.78 - ")
