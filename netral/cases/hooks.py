"""What case handling tells, and asks, the apps above it (``netral.common.hooks``).
Follow-up stands above cases: it registers its handlers in ``FollowupConfig.ready``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from netral.common.hooks import Hook

if TYPE_CHECKING:
    from netral.accounts.models import User
    from netral.cases.models import Case


@dataclass(frozen=True)
class CaseEvent:
    """A case and who acted on it."""

    actor: User
    case: Case


@dataclass(frozen=True)
class FollowupStanding:
    """Where one follow-up of a case stands, without the person it concerns (public)."""

    addressee: str
    addressee_label: str
    status: str
    status_label: str
    ended: bool


@dataclass(frozen=True)
class CaseSection:
    """A block an app above adds to the staff case page: ``template`` is included with
    ``section`` in its context."""

    template: str
    context: dict[str, Any] = field(default_factory=dict)


# The plenary decision was saved (inside its transaction, the case locked): follow-up issues
# the recommendations.
case_decided: Hook[CaseEvent, None] = Hook("cases.case_decided")


@dataclass(frozen=True)
class CaseTransition:
    """A case moved through its workflow (``workflow.TRANSITIONS``): ``action`` taken from
    status ``before`` (inside the action's transaction, the case locked and saved)."""

    actor: User
    case: Case
    action: str
    before: str


# Every workflow step of a case (registered, decided, announced...): the partners app records
# it as an event for partner systems.
case_transitioned: Hook[CaseTransition, None] = Hook("cases.case_transitioned")

# Before a case closes: each handler answers how many of its items are still open (a case
# closes only when every answer is 0). Follow-up counts its unfinished recommendations.
case_may_close: Hook[Case, int] = Hook("cases.case_may_close")

# Public: where the follow-up of each case stands, by case id (one query per handler).
case_followups: Hook[list[int], dict[int, list[FollowupStanding]]] = Hook("cases.case_followups")

# Staff case page: extra sections (follow-up lists the recommendations), or None.
case_sections: Hook[CaseEvent, CaseSection | None] = Hook("cases.case_sections")


@dataclass(frozen=True)
class CaseListRows:
    """The cases of one page of the staff inbox (already scoped to the actor)."""

    actor: User
    case_ids: list[int]


@dataclass(frozen=True)
class CaseFlag:
    """A badge an app above puts on an inbox row (e.g. triage: a repeat offender)."""

    label: str
    title: str = ""
    url: str = ""


# Staff inbox: badges per case id for the page's rows (one or a few queries per handler).
case_list_flags: Hook[CaseListRows, dict[int, list[CaseFlag]]] = Hook("cases.case_list_flags")


def flags_of(*, actor: User, case_ids: list[int]) -> dict[int, list[CaseFlag]]:
    """Every handler's badges for ``case_ids``, merged by case id."""
    merged: dict[int, list[CaseFlag]] = {}
    for answer in case_list_flags.ask(CaseListRows(actor=actor, case_ids=case_ids)):
        for case_id, flags in answer.items():
            merged.setdefault(case_id, []).extend(flags)
    return merged


def followups_of(case_ids: list[int]) -> dict[int, list[FollowupStanding]]:
    """Every handler's answer to ``case_followups``, merged by case id."""
    merged: dict[int, list[FollowupStanding]] = {}
    for answer in case_followups.ask(case_ids):
        for case_id, standings in answer.items():
            merged.setdefault(case_id, []).extend(standings)
    return merged
