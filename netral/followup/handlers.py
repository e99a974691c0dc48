"""Follow-up's answers to the hooks of case handling (registered in
``FollowupConfig.ready``)."""

from __future__ import annotations

from netral.cases.hooks import CaseEvent, CaseSection, FollowupStanding
from netral.cases.models import Case
from netral.followup.selectors import (
    case_followups_open,
    case_recommendations,
    recommendations_by_case,
)
from netral.followup.services import recommendations_from_decision


def issue_recommendations(event: CaseEvent) -> None:
    """Every violation the plenary found goes to its addressee (BKN, Gakkumdu, KPU, ...)."""
    recommendations_from_decision(actor=event.actor, case=event.case)


def open_followups(case: Case) -> int:
    """A case closes only when every recommendation ended."""
    return case_followups_open(case_id=case.pk)


def followup_standings(case_ids: list[int]) -> dict[int, list[FollowupStanding]]:
    return {
        case_id: [
            FollowupStanding(
                addressee=rec.addressee,
                addressee_label=str(rec.get_addressee_display()),
                status=rec.status,
                status_label=str(rec.get_status_display()),
                ended=rec.ended,
            )
            for rec in recs
        ]
        for case_id, recs in recommendations_by_case(case_ids=case_ids).items()
    }


def case_page_section(event: CaseEvent) -> CaseSection | None:
    """The case page lists its recommendations, each linking to its follow-up page."""
    recs = case_recommendations(case_id=event.case.pk)
    if not recs:
        return None
    return CaseSection("followup/_case_recommendations.html", {"recommendations": recs})
