"""What the follow-up desks' deadline column says, as ``cases.countdown`` does for cases: a
live recommendation (or criminal stage) counts down to its deadline; a finished one (followed,
declined, concluded, answered; a stage completed) shows its last status, when it finished and
whether within the deadline it had then, never a countdown."""

from __future__ import annotations

import datetime

from netral.cases.countdown import CaseClock, countdown, finished_note
from netral.followup.models import CriminalStep, Recommendation


def recommendation_clock(rec: Recommendation, now: datetime.datetime) -> CaseClock:
    """The deadline column of ``rec`` at ``now`` (from ``netral.common.clock.now``)."""
    if not rec.ended:
        return CaseClock(live=True, countdown=countdown(rec.due_at, now))
    return CaseClock(
        live=False,
        countdown=None,
        label=str(rec.get_status_display()),
        at=rec.ended_at,
        note=finished_note(rec.ended_at, rec.due_at),
    )


def step_clock(step: CriminalStep, now: datetime.datetime) -> CaseClock:
    """A stage of the criminal path: counting down while open, its outcome once completed."""
    if step.completed_at is None:
        return CaseClock(live=True, countdown=countdown(step.due_at, now))
    return CaseClock(
        live=False,
        countdown=None,
        at=step.completed_at,
        note=finished_note(step.completed_at, step.due_at),
    )
