"""The rise test without a database: the one-sided exact Poisson p-value against values
computed independently (closed forms, and SciPy's ``poisson.sf`` as printed to 10 digits)."""

from __future__ import annotations

import math

import pytest

from netral.prevention.warnings_signals import poisson_upper_tail, rise_test


@pytest.mark.parametrize(
    ("k", "mu", "expected"),
    [
        (0, 3.0, 1.0),
        (1, 1.0, 1 - math.exp(-1)),
        (3, 1.0, 1 - math.exp(-1) * 2.5),
        (2, 0.5, 1 - math.exp(-0.5) * 1.5),
        # scipy.stats.poisson.sf(k - 1, mu)
        (12, 2.1, 2.2371870734e-06),
        (5, 2.0, 5.2653017344e-02),
        (10, 10.0, 5.4207028553e-01),
        (30, 10.0, 2.5099512015e-07),
        (100, 50.0, 3.2000653246e-10),
    ],
)
def test_upper_tail_matches_known_values(k: int, mu: float, expected: float) -> None:
    assert poisson_upper_tail(k, mu) == pytest.approx(expected, rel=1e-8)


def test_upper_tail_edges() -> None:
    assert poisson_upper_tail(0, 0.0) == 1.0
    assert poisson_upper_tail(1, 0.0) == 0.0
    # Far in the tail the value keeps its precision instead of rounding to 1 - 1 = 0.
    assert 0 < poisson_upper_tail(60, 2.0) < 1e-40
    with pytest.raises(ValueError, match="mu"):
        poisson_upper_tail(3, -1.0)


def test_rise_fires_on_a_spike_not_on_a_steady_week() -> None:
    spike = rise_test(count=12, baseline=[2] * 8, alpha=0.01, min_count=3, min_mean=0.5)
    assert spike.fired and spike.baseline_mean == 2.0
    assert spike.p_value == pytest.approx(poisson_upper_tail(12, 2.0))
    steady = rise_test(count=3, baseline=[2] * 8, alpha=0.01, min_count=3, min_mean=0.5)
    assert not steady.fired and steady.p_value > 0.3


def test_a_region_without_history_needs_min_count_and_the_floor() -> None:
    # Two reports in a region that never had one: below min_count, no rise.
    assert not rise_test(count=2, baseline=[0] * 8, alpha=0.01, min_count=3, min_mean=0.5).fired
    # The mean is floored at 0.5, so one report is not "p = 0".
    first = rise_test(count=1, baseline=[0] * 8, alpha=0.01, min_count=1, min_mean=0.5)
    assert first.mu == 0.5 and first.p_value == pytest.approx(1 - math.exp(-0.5))
