"""What the follow-up desks' deadline column says, as ``cases.countdown`` does for cases: a
live recommendation (or criminal stage) counts down to its deadline; a finished one (followed,
declined, concluded, answered; a stage completed) shows its last status, when it finished and
whether within the deadline it had then, never a countdown."""

from __future__ import annotations

import datetime

from netral.cases.countdown import CaseClock, deadline_clock
from netral.followup.models import CriminalStep, Recommendation


def recommendation_clock(rec: Recommendation, now: datetime.datetime) -> CaseClock:
    """The deadline column of ``rec`` at ``now`` (from ``netral.common.clock.now``)."""
    return deadline_clock(
        live=not rec.ended,
        due_at=rec.due_at,
        now=now,
        label=str(rec.get_status_display()),
        at=rec.ended_at,
        ended=rec.ended_at,
    )


def step_clock(step: CriminalStep, now: datetime.datetime) -> CaseClock:
    """A stage of the criminal path: counting down while open, its outcome once completed."""
    return deadline_clock(
        live=step.completed_at is None,
        due_at=step.due_at,
        now=now,
        at=step.completed_at,
        ended=step.completed_at,
    )
