"""What the early warnings ask the apps above prevention.

The vulnerability index (IKP) is computed by ``analytics``, which stands above prevention: it
answers ``ikp_classes`` (registered in ``AnalyticsConfig.ready``). Without an answer the IKP
signal says the class is not available and never fires.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from netral.common.hooks import Hook


@dataclass(frozen=True)
class IkpQuery:
    region_codes: tuple[str, ...]


@dataclass(frozen=True)
class IkpAnswer:
    klass: str | None  # ikp.toml class code ("low", "medium", "high"), None without a score
    name: str
    score: float | None


ikp_classes: Hook[IkpQuery, Mapping[str, IkpAnswer]] = Hook("prevention.ikp_classes")
