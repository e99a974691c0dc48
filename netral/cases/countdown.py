"""What a deadline column says: time left to a live deadline, or when a finished case
finished. A case the office no longer has to act on (decided, not registered, merged,
announced, closed) never counts down: it shows its last step and its date, and whether its
handling ended within the deadline."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from netral.cases.models import Case, Status
from netral.cases.workflow import OPEN_FOR_HANDLING


@dataclass(frozen=True)
class Countdown:
    text: str
    late: bool


def _span(delta: datetime.timedelta) -> str:
    minutes = int(delta.total_seconds()) // 60
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _("%(days)d hari %(hours)d jam") % {"days": days, "hours": hours}
    if hours:
        return _("%(hours)d jam") % {"hours": hours}
    return _("%(minutes)d menit") % {"minutes": minutes}


def countdown(due_at: datetime.datetime | None, now: datetime.datetime) -> Countdown | None:
    """Time left to a deadline ("2 hari 3 jam lagi") or past it ("terlambat 5 jam")."""
    if due_at is None:
        return None
    if due_at >= now:
        return Countdown(_("%(span)s lagi") % {"span": _span(due_at - now)}, late=False)
    return Countdown(_("terlambat %(span)s") % {"span": _span(now - due_at)}, late=True)


@dataclass(frozen=True)
class CaseClock:
    """A live case's countdown, or a finished case's last step and when it happened."""

    live: bool
    countdown: Countdown | None  # live cases with a deadline only
    label: str = ""  # finished: the status reached ("Diputus pleno", "Selesai")
    at: datetime.datetime | None = None  # finished: when that status was reached
    note: str = ""  # finished: whether the handling ended within the deadline


def _reached_at(case: Case) -> datetime.datetime | None:
    by_status = {
        Status.DECIDED: case.decided_at,
        Status.ANNOUNCED: case.announced_at,
        Status.CLOSED: case.closed_at,
    }
    return by_status.get(Status(case.status)) or case.finished_at or case.decided_at


def deadline_clock(
    *,
    live: bool,
    due_at: datetime.datetime | None,
    now: datetime.datetime,
    label: str = "",
    at: datetime.datetime | None = None,
    ended: datetime.datetime | None = None,
) -> CaseClock:
    """A deadline column: counting down to ``due_at`` while ``live``; otherwise ``label``
    (the status reached), ``at`` (when) and whether it ``ended`` within ``due_at``."""
    if live:
        return CaseClock(live=True, countdown=countdown(due_at, now))
    return CaseClock(
        live=False, countdown=None, label=label, at=at, note=finished_note(ended, due_at)
    )


def case_clock(case: Case, now: datetime.datetime) -> CaseClock:
    """The deadline column of ``case`` at ``now`` (from ``netral.common.clock.now``)."""
    return deadline_clock(
        live=case.status in OPEN_FOR_HANDLING,
        due_at=case.due_at,
        now=now,
        label=str(Status(case.status).label),
        at=_reached_at(case),
        ended=case.finished_at or case.decided_at,
    )


def finished_note(ended: datetime.datetime | None, due_at: datetime.datetime | None) -> str:
    """Whether something that ended at ``ended`` did so within ``due_at``: a fixed span,
    never one that grows with the clock. Empty when either is unknown."""
    if ended is None or due_at is None:
        return ""
    if ended <= due_at:
        return _("ditangani dalam tenggat")
    return _("ditangani %(span)s setelah tenggat") % {"span": _span(ended - due_at)}
