"""The shape of ``warnings.toml``: how early warnings are computed per region.

The thresholds are Netral's own method, not law: the file is ``confirmed = false`` as a whole
and states its statistical test in ``method``.
"""

from __future__ import annotations

from pydantic import Field, StrictInt

from netral.rules.schemas import Code, Text, _Sourced


class WarningsFile(_Sourced):
    method: Text
    # Weeks before the current one that make a region's own baseline.
    baseline_weeks: StrictInt = Field(ge=2, le=52)
    # One-sided significance level of the rise test.
    alpha: float = Field(gt=0, lt=0.5)
    # A week with fewer reports and findings than this never raises a rise signal.
    min_count: StrictInt = Field(ge=1)
    # Election stage codes counted as risk stages (IKP 2024, seed 000).
    risk_stages: tuple[Code, ...] = Field(min_length=1)
