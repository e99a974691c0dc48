"""Deadlines from the rulebook in force, per election kind."""

import datetime
from zoneinfo import ZoneInfo

from netral.rules.selectors import deadline_due, reporting_window_open

WIB = ZoneInfo("Asia/Jakarta")


def test_pilkada_follow_up_is_three_calendar_days_extendable_to_five() -> None:
    received = datetime.datetime(2024, 11, 22, 15, 30, tzinfo=WIB)
    due = deadline_due(kind="pilkada", code="tindak_lanjut", start=received, tz_name="Asia/Jakarta")
    assert due == datetime.datetime(2024, 11, 25, 23, 59, 59, tzinfo=WIB)
    extended = deadline_due(
        kind="pilkada",
        code="tindak_lanjut_keterangan_tambahan",
        start=received,
        tz_name="Asia/Jakarta",
    )
    assert extended.date() == datetime.date(2024, 11, 27)


def test_pilkada_reporting_window_is_seven_calendar_days() -> None:
    known = datetime.date(2024, 11, 1)
    assert reporting_window_open(kind="pilkada", known=known, on=datetime.date(2024, 11, 8))
    assert not reporting_window_open(kind="pilkada", known=known, on=datetime.date(2024, 11, 9))


def test_pemilu_reporting_window_counts_working_days_around_holidays() -> None:
    # Known on Friday 9 Feb 2024. Working days after it: 12, 13, (14 is election day, a
    # holiday), 15, 16, 19, 20, 21 -> the window closes at the end of Wednesday 21 Feb.
    known = datetime.date(2024, 2, 9)
    assert reporting_window_open(kind="pemilu", known=known, on=datetime.date(2024, 2, 21))
    assert not reporting_window_open(kind="pemilu", known=known, on=datetime.date(2024, 2, 22))
