"""The demo data set's bulk inserts leave the statistics' rollups equal to a recount."""

from __future__ import annotations

import pytest

from netral.analytics.rollups import rollups_differences
from netral.demo.data import demo_data_delete, demo_data_load, demo_tracking_refresh

pytestmark = pytest.mark.usefixtures("elections")


def test_demo_load_refresh_and_delete_keep_rollups_equal_to_a_recount() -> None:
    demo_data_load(seed=3, reports=60)
    assert rollups_differences() == []
    demo_tracking_refresh(seed=3)
    assert rollups_differences() == []
    demo_data_delete()
    assert rollups_differences() == []
