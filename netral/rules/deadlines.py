"""The deadline engine: when a statutory period ends, counted as the law counts it.

Pure functions (no database): callers pass the start moment, the rule from the rulebook, the
office's time zone and the non-working days. ``non_working_days`` builds the latter from
Indonesia's public holidays (the ``holidays`` package) and the rulebook's collective leave.

Conventions, per unit (``DeadlineRule.unit``):
- ``calendar_day`` (Pilkada, UU 1/2015 Ps. 134 as Bawaslu applies it): the period ends at the
  end of the N-th calendar day after the local date of the start; the start day is not counted.
- ``working_day`` (Pemilu, UU 7/2017 Ps. 454(6) and (8)): the same, counting only Monday to
  Friday days that are neither public holidays nor collective leave.
- ``hour`` (forwarding a crime, "1x24 jam", UU 1/2015 Ps. 135(2), UU 7/2017 Ps. 476(1)): exactly
  N hours after the start.
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Iterable
from zoneinfo import ZoneInfo

import holidays

from netral.rules.schemas import DeadlineRule

END_OF_DAY = datetime.time(23, 59, 59)


def is_working_day(day: datetime.date, non_working: frozenset[datetime.date]) -> bool:
    return day.weekday() < 5 and day not in non_working


def add_working_days(
    start: datetime.date, days: int, non_working: frozenset[datetime.date]
) -> datetime.date:
    """The date ``days`` working days after ``start`` (``start`` itself not counted)."""
    day, left = start, days
    while left > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, non_working):
            left -= 1
    return day


def due_at(
    *,
    start: datetime.datetime,
    rule: DeadlineRule,
    tz: ZoneInfo,
    non_working: frozenset[datetime.date] = frozenset(),
) -> datetime.datetime:
    """When the period of ``rule`` that began at ``start`` (an aware moment) ends."""
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware")
    if rule.unit == "hour":
        return start + datetime.timedelta(hours=rule.amount)
    local_day = start.astimezone(tz).date()
    if rule.unit == "calendar_day":
        last = local_day + datetime.timedelta(days=rule.amount)
    else:
        last = add_working_days(local_day, rule.amount, non_working)
    return datetime.datetime.combine(last, END_OF_DAY, tzinfo=tz)


def window_open(
    *,
    known: datetime.date,
    on: datetime.date,
    rule: DeadlineRule,
    non_working: frozenset[datetime.date] = frozenset(),
) -> bool:
    """Whether a report made on ``on`` is within the reporting window that began ``known``."""
    if rule.unit == "hour":
        return (on - known).days * 24 <= rule.amount
    if rule.unit == "calendar_day":
        return on <= known + datetime.timedelta(days=rule.amount)
    return on <= add_working_days(known, rule.amount, non_working)


@functools.cache
def _public_holidays(years: tuple[int, ...]) -> frozenset[datetime.date]:
    return frozenset(holidays.country_holidays("ID", years=years).keys())


def non_working_days(
    *, years: Iterable[int], collective_leave: frozenset[datetime.date]
) -> frozenset[datetime.date]:
    """Indonesia's public holidays for ``years`` plus the collective-leave days."""
    return _public_holidays(tuple(sorted(set(years)))) | collective_leave
