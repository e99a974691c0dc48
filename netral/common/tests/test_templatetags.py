from datetime import timedelta

from netral.common.templatetags.netral import minutes


def test_minutes_rounds_up() -> None:
    assert minutes(timedelta(minutes=15)) == 15
    assert minutes(timedelta(seconds=90)) == 2
    assert minutes(None) == 0
