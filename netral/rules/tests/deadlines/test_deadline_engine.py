"""The deadline engine, without a database."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from netral.rules.deadlines import add_working_days, due_at, non_working_days, window_open
from netral.rules.schemas import DeadlineRule

WIB, WITA, WIT = ZoneInfo("Asia/Jakarta"), ZoneInfo("Asia/Makassar"), ZoneInfo("Asia/Jayapura")


def rule(unit: str, amount: int) -> DeadlineRule:
    key = "hours" if unit == "hour" else "days"
    return DeadlineRule.model_validate(
        {
            "code": "t",
            "name": "t",
            "name_en": "t",
            "track": "handling",
            key: amount,
            "unit": unit,
            "from": "received",
            "legal_basis": "test",
        }
    )


def at(tz: ZoneInfo, *args: int) -> datetime.datetime:
    return datetime.datetime(*args).replace(tzinfo=tz)  # type: ignore[arg-type]


def test_pilkada_three_calendar_days_end_at_local_midnight() -> None:
    received = at(WIB, 2024, 11, 22, 15, 30)  # a Friday
    due = due_at(start=received, rule=rule("calendar_day", 3), tz=WIB)
    assert due == at(WIB, 2024, 11, 25, 23, 59, 59)  # weekends count


def test_the_local_date_decides_the_start_day() -> None:
    # 23.30 WIB on 1 Nov is already 2 Nov in Papua (WIT): the Papua office counts from 2 Nov.
    received = at(WIB, 2024, 11, 1, 23, 30)
    assert due_at(start=received, rule=rule("calendar_day", 3), tz=WIB).day == 4
    assert due_at(start=received, rule=rule("calendar_day", 3), tz=WIT).day == 5


def test_twenty_four_hours_are_exact() -> None:
    decided = at(WITA, 2024, 11, 28, 10, 15)
    assert due_at(start=decided, rule=rule("hour", 24), tz=WITA) == at(WITA, 2024, 11, 29, 10, 15)


def test_working_days_skip_weekends_holidays_and_collective_leave() -> None:
    off = non_working_days(years=[2024], collective_leave=frozenset({datetime.date(2024, 4, 8)}))
    assert datetime.date(2024, 4, 10) in off  # Idul Fitri (public holiday)
    assert datetime.date(2024, 4, 8) in off  # collective leave from the rulebook
    # Friday 5 April 2024 + 7 working days: 8 (leave), 9?, 10-11 (Idul Fitri) ...
    due = add_working_days(datetime.date(2024, 4, 5), 7, off)
    days = [
        datetime.date(2024, 4, 5) + datetime.timedelta(n)
        for n in range(1, (due - datetime.date(2024, 4, 5)).days + 1)
    ]
    working = [d for d in days if d.weekday() < 5 and d not in off]
    assert len(working) == 7 and due == working[-1]
    assert due_at(
        start=at(WIB, 2024, 4, 5, 9), rule=rule("working_day", 7), tz=WIB, non_working=off
    ) == datetime.datetime.combine(due, datetime.time(23, 59, 59), tzinfo=WIB)


def test_a_plain_week_of_working_days() -> None:
    # Monday 2 Dec 2024 + 7 working days = Wednesday 11 Dec (no holidays in between).
    assert add_working_days(datetime.date(2024, 12, 2), 7, frozenset()) == datetime.date(
        2024, 12, 11
    )


@pytest.mark.parametrize(
    ("known", "on", "unit", "expected"),
    [
        ("2024-10-01", "2024-10-08", "calendar_day", True),
        ("2024-10-01", "2024-10-09", "calendar_day", False),
        ("2024-10-04", "2024-10-15", "working_day", True),  # Fri + 7 working days = Tue 15
        ("2024-10-04", "2024-10-16", "working_day", False),
    ],
)
def test_reporting_window(known: str, on: str, unit: str, expected: bool) -> None:
    assert (
        window_open(
            known=datetime.date.fromisoformat(known),
            on=datetime.date.fromisoformat(on),
            rule=rule(unit, 7),
        )
        is expected
    )


def test_naive_start_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        due_at(start=datetime.datetime(2024, 1, 1), rule=rule("calendar_day", 1), tz=WIB)
