"""The per-process reference cache (``netral.common.refcache``) of regions and stages: a
second look-up costs no query, and a change saved in this process is seen at once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from netral.common.refcache import reference_cache_clear
from netral.elections.lookups import stages_with_cycles
from netral.elections.models import Stage
from netral.regions.lookups import child_codes, region_cached, region_labels
from netral.regions.models import Region

pytestmark = pytest.mark.usefixtures("elections")


@pytest.fixture
def cache_on(settings: Any) -> Iterator[None]:
    settings.NETRAL_REFERENCE_CACHE_SECONDS = 60
    reference_cache_clear()
    yield
    reference_cache_clear()  # nothing of this test's rows leaks into the next


@pytest.mark.usefixtures("cache_on")
def test_a_second_look_up_reads_nothing_and_a_saved_region_is_seen_at_once(
    django_assert_num_queries: Any,
) -> None:
    codes = child_codes("32")
    assert "32.75" in codes and codes == tuple(sorted(codes))
    labels = region_labels("32")
    assert labels[0][0] == "32" and len(labels) == len(codes) + 1
    assert region_cached("32.75") is not None
    with django_assert_num_queries(0):
        assert child_codes("32") == codes
        assert region_labels("32") == labels
        assert region_cached("32.75") is not None
    Region.objects.create(
        code="32.99", name="Kota Uji", level=Region.Level.REGENCY, type="kota", parent_id="32"
    )
    assert child_codes("32") == (*codes, "32.99")
    assert region_labels("32")[-1] == ("32.99", "Kota Uji")


@pytest.mark.usefixtures("cache_on")
def test_a_cached_region_is_a_copy() -> None:
    region = region_cached("32.75")
    assert region is not None
    region.name = "changed by one request"
    again = region_cached("32.75")
    assert again is not None and again.name != "changed by one request"


@pytest.mark.usefixtures("cache_on")
def test_a_saved_stage_clears_the_stage_calendar(django_assert_num_queries: Any) -> None:
    stages = stages_with_cycles()
    assert stages and all(s.cycle.code for s in stages)
    with django_assert_num_queries(0):
        assert stages_with_cycles() == stages
    stage = Stage.objects.get(pk=stages[0].pk)
    stage.name = "Tahapan diubah"
    stage.save(update_fields=["name"])
    assert next(s for s in stages_with_cycles() if s.pk == stage.pk).name == "Tahapan diubah"


def test_without_the_cache_every_look_up_reads_the_database(
    settings: Any, django_assert_num_queries: Any
) -> None:
    settings.NETRAL_REFERENCE_CACHE_SECONDS = 0
    child_codes("32")
    with django_assert_num_queries(1):
        child_codes("32")
