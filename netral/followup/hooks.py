"""What follow-up tells the apps above it (``netral.common.hooks``). The partners app stands
above follow-up: it registers its handlers in ``PartnersConfig.ready``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from netral.common.hooks import Hook

if TYPE_CHECKING:
    from netral.followup.models import Recommendation


@dataclass(frozen=True)
class RecommendationChanged:
    """A recommendation was issued (``action="issue"``), moved by a desk (``"assess"``,
    ``"sanction"``, ...: the audit action's last part) or flagged ``"overdue"`` (inside that
    write's transaction, the recommendation saved)."""

    recommendation: Recommendation
    action: str


recommendation_changed: Hook[RecommendationChanged, None] = Hook("followup.recommendation_changed")
