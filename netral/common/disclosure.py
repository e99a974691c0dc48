"""Small-count suppression: the one rule for every published count (open data, the public
statistics and pledge APIs).

A count from 1 to 4 is published as ``"<5"`` (0 stays 0: that nothing happened is not
disclosive), so that no cell points at a handful of identifiable people.

Every table's total is public (or can be added up from another table), so hiding the small
cells alone is not enough: with one hidden cell, the total minus the shown cells is that cell.
``protect`` therefore also hides the next-smallest cells of the table (``"x"``) until no
hidden small count can be worked out from the total.
"""

from __future__ import annotations

from collections.abc import Mapping

SMALL_CELL = 5
SUPPRESSED = "<5"
# Hidden only so that a small cell of the same table cannot be derived from the total.
COMPLEMENT = "x"

Published = int | str

SUPPRESSION_NOTE = (
    f"counts from 1 to {SMALL_CELL - 1} are published as '{SUPPRESSED}'; "
    f"'{COMPLEMENT}' hides a larger count of the same table so that a small one "
    "cannot be worked out from the total"
)


def suppress(count: int) -> Published:
    """One count on its own (no table around it): 1 to 4 as ``"<5"``."""
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
