"""How a demo case reaches its status: one function per workflow action.

Each step moves an unsaved ``Case`` one action along (``netral.cases.workflow``, which it
checks), fills what that action fills in the real service (``netral.cases.services``) and
returns the moment the action happened. ``STATUS_STEPS`` lists the steps to each status; a
new step (a recommendation, a sanction) is one more function and one more entry.

Demo data is synthetic: nothing here writes to the database or the audit log.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from netral.cases.models import Case, NotRegisteredReason, Status, Verdict
from netral.cases.services import case_handling_due
from netral.cases.workflow import TRANSITIONS, allowed
from netral.demo import names as words
from netral.elections.models import Election, Stage
from netral.regions.models import Region
from netral.rules.schemas import OfficeHours
from netral.rules.selectors import completion_deadline_get, deadline_due

# Pilkada 2024 (Bawaslu, 2 Dec 2024): 314 of 433 violations, 99 not (about 23 percent); the
# split of the violations among the kinds of verdict is a guess.
VERDICT_CHOICES: tuple[tuple[tuple[str, ...], float], ...] = (
    ((Verdict.ASN_NEUTRALITY,), 70),
    ((Verdict.NO_VIOLATION,), 23),
    ((Verdict.ASN_NEUTRALITY, Verdict.CRIMINAL), 4),
    ((Verdict.OTHER_LAW,), 2),
    ((Verdict.ADMINISTRATIVE,), 1),
)
# A guess: no source counts the reasons.
NOT_REGISTERED_WEIGHTS: dict[str, float] = {
    NotRegisteredReason.INCOMPLETE: 35,
    NotRegisteredReason.EXPIRED: 20,
    NotRegisteredReason.NOT_A_VIOLATION: 35,
    NotRegisteredReason.NOT_OUR_JURISDICTION: 10,
}


@dataclass
class Context:
    """Reference data read once: elections with their regions, stages, rules."""

    elections: list[Election]
    regencies: dict[str, list[Region]]  # province code -> regencies/cities
    windows: dict[str, tuple[datetime.date, datetime.date]]
    stages: list[Stage]
    hours: OfficeHours
    formal_codes: list[str]
    criminal_types: frozenset[str]
    type_shares: dict[str, float]


def _weighted(rng: random.Random, choices: Mapping[str, float]) -> str:
    return rng.choices(list(choices), weights=list(choices.values()))[0]


CaseStep = Callable[[Case, datetime.datetime, random.Random, Context], datetime.datetime]


def _move(case: Case, action: str) -> None:
    """Apply a workflow action to the status, refusing what the workflow refuses."""
    if not allowed(case.status, action):  # pragma: no cover - a bug in STATUS_STEPS
        raise ValueError(f"demo data: {action} not allowed from {case.status}")
    case.status = TRANSITIONS[action].target


def step_request_completion(
    case: Case, at: datetime.datetime, rng: random.Random, ctx: Context
) -> datetime.datetime:
    at += datetime.timedelta(hours=rng.randint(2, 20))
    case.completion_due_at = deadline_due(
        kind="pilkada",
        code=completion_deadline_get(kind="pilkada").code,
        start=at,
        tz_name=case.office_region.tzinfo_name,
    )
    missing = rng.sample(words.COMPLETION_MISSING, rng.randint(1, 2))
    case.checklist = {**case.checklist, "missing": missing}
    _move(case, "request_completion")
    return at


def step_register(
    case: Case, at: datetime.datetime, rng: random.Random, ctx: Context
) -> datetime.datetime:
    at += datetime.timedelta(hours=rng.randint(2, 40))
    case.registered_at = at
    case.checklist = {**case.checklist, "formal": {c: True for c in ctx.formal_codes}}
    if rng.random() < 0.1:
        case.extended, case.extension_reason = True, words.EXTENSION_REASON
        case.due_at = case_handling_due(case)
    _move(case, "register")
    return at


def step_not_register(
    case: Case, at: datetime.datetime, rng: random.Random, ctx: Context
) -> datetime.datetime:
    reason = _weighted(rng, NOT_REGISTERED_WEIGHTS)
    if reason == NotRegisteredReason.INCOMPLETE and rng.random() < 0.7:
        at = step_request_completion(case, at, rng, ctx)
    case.not_registered_reason = reason
    case.decision_reason = words.NOTE_NOT_REGISTERED[reason]
    case.finished_at = at  # as cases.services records the end of handling
    _move(case, "not_register")
    return at + datetime.timedelta(hours=rng.randint(4, 60))


def step_start_clarification(
    case: Case, at: datetime.datetime, rng: random.Random, ctx: Context
) -> datetime.datetime:
    _move(case, "start_clarification")
    return at + datetime.timedelta(hours=rng.randint(12, 48))


def step_start_study(
    case: Case, at: datetime.datetime, rng: random.Random, ctx: Context
) -> datetime.datetime:
    _move(case, "start_study")
    if rng.random() < 0.5:  # half still being written
        case.study_facts = words.STUDY_FACTS
    return at + datetime.timedelta(hours=rng.randint(12, 48))


def step_decide(
    case: Case, at: datetime.datetime, rng: random.Random, ctx: Context
) -> datetime.datetime:
    choices = {",".join(v): w for v, w in VERDICT_CHOICES}
    if case.violation_type not in ctx.criminal_types:
        choices.pop(f"{Verdict.ASN_NEUTRALITY},{Verdict.CRIMINAL}")
    verdicts = sorted(_weighted(rng, choices).split(","))
    violation = verdicts != [Verdict.NO_VIOLATION]
    case.study_facts = words.STUDY_FACTS
    case.study_analysis = words.STUDY_ANALYSIS if violation else words.STUDY_ANALYSIS_NONE
    case.study_conclusion = words.STUDY_CONCLUSION if violation else words.STUDY_CONCLUSION_NONE
    at += datetime.timedelta(hours=rng.randint(20, 96))
    case.verdicts, case.decision_reason, case.decided_at = verdicts, words.DECISION_REASON, at
    case.finished_at = at
    _move(case, "decide")
    return at


def step_announce(
    case: Case, at: datetime.datetime, rng: random.Random, ctx: Context
) -> datetime.datetime:
    at += datetime.timedelta(hours=rng.randint(3, 60))
    if case.status == Status.NOT_REGISTERED:
        reason = NotRegisteredReason(case.not_registered_reason).label
        case.public_summary = words.SUMMARY_NOT_REGISTERED.format(reason=reason)
    elif case.verdicts == [Verdict.NO_VIOLATION]:
        case.public_summary = words.SUMMARY_NONE
    else:
        case.public_summary = words.SUMMARY_VIOLATION
    case.announced_at = at
    _move(case, "announce")
    return at


def step_close(
    case: Case, at: datetime.datetime, rng: random.Random, ctx: Context
) -> datetime.datetime:
    at += datetime.timedelta(days=rng.randint(1, 14))
    case.closed_at = at
    _move(case, "close")
    return at


_HANDLED = (step_register, step_start_clarification, step_start_study, step_decide)
# The steps that bring a received case to each status. Merged cases are linked afterwards.
STATUS_STEPS: dict[str, tuple[CaseStep, ...]] = {
    Status.RECEIVED: (),
    Status.INCOMPLETE: (step_request_completion,),
    Status.REGISTERED: (step_register,),
    Status.NOT_REGISTERED: (step_not_register,),
    Status.CLARIFICATION: _HANDLED[:2],
    Status.STUDY: _HANDLED[:3],
    Status.DECIDED: _HANDLED,
    Status.ANNOUNCED: (*_HANDLED, step_announce),
    Status.CLOSED: (*_HANDLED, step_announce, step_close),
    Status.MERGED: (),
}
# A share of the announced and closed cases were never registered: their status is published.
NOT_REGISTERED_PATH: dict[str, tuple[CaseStep, ...]] = {
    Status.ANNOUNCED: (step_not_register, step_announce),
    Status.CLOSED: (step_not_register, step_announce, step_close),
}
NOT_REGISTERED_PATH_SHARE = 0.2
