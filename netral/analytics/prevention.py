"""The dashboard's prevention panel: the prevention work beside the enforcement figures.

What the offices in the scope did (activities and the people reached), how the regional
governments answered Bawaslu's appeals, the early warnings open on their latest day, and the
repeat offenders the person record knows. Each part shows only when the viewer's role may see
it (``accounts.permissions``); the scope is the dashboard's, already inside the jurisdiction.
Not cached: each part is one to three aggregate queries, and two depend on the viewer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netral.accounts.models import User
from netral.accounts.permissions import has_capability
from netral.analytics.scope import Scope
from netral.prevention.appeals_selectors import AppealResponseCounts, appeal_response_counts
from netral.prevention.commitments_selectors import prevention_activity_counts
from netral.prevention.models import ActivityKind, EarlyWarning
from netral.prevention.warnings_selectors import latest_day, warning_list_for
from netral.triage.persons_selectors import RepeatOffenderCounts, repeat_offender_counts

TOP_AGENCIES = 5


@dataclass(frozen=True)
class PreventionPanel:
    activities: list[tuple[str, int, int]]  # label, activities, people reached
    activity_total: int
    activity_reach: int
    appeals: AppealResponseCounts
    appeals_link: bool
    warnings_open: int | None  # None: the viewer's role does not see warnings
    warnings_day: Any
    offenders: RepeatOffenderCounts | None  # None: the role does not see the person record


def prevention_panel(*, actor: User, scope: Scope) -> PreventionPanel:
    region = scope.region.code if scope.region is not None else None
    counts = prevention_activity_counts(actor=actor, region=region)
    activities = [
        (str(label), counts["by_kind"].get(kind, 0), counts["reach_by_kind"].get(kind, 0))
        for kind, label in ActivityKind.choices
    ]
    warnings_open, day = None, None
    if has_capability(actor, "warning.view"):
        day = latest_day(actor=actor)
        warnings_open = (
            warning_list_for(actor=actor, region_code=region or "", day=day)
            .filter(status=EarlyWarning.Status.OPEN)
            .count()
            if day is not None
            else 0
        )
    offenders = None
    if has_capability(actor, "person.view"):
        offenders = repeat_offender_counts(actor=actor, region=region)
        offenders = RepeatOffenderCounts(
            total=offenders.total,
            by_agency=offenders.by_agency[:TOP_AGENCIES],
            by_region=offenders.by_region[:TOP_AGENCIES],
        )
    return PreventionPanel(
        activities=activities,
        activity_total=counts["total"],
        activity_reach=counts["reach"],
        appeals=appeal_response_counts(codes=scope.codes),
        appeals_link=has_capability(actor, "appeal.view"),
        warnings_open=warnings_open,
        warnings_day=day,
        offenders=offenders,
    )
