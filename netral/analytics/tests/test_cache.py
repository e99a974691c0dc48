"""Aggregates are shared through the cache for NETRAL_STATS_CACHE_SECONDS."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone

from netral.accounts.models import Role
from netral.analytics.scope import scope_get
from netral.analytics.selectors import dashboard_cached, summary_counts_cached
from netral.cases.tests.factories import case_from_report

pytestmark = pytest.mark.usefixtures("elections")


def test_figures_come_from_the_cache_until_it_expires(
    settings: Any, make_user: Any, django_assert_num_queries: Any
) -> None:
    settings.NETRAL_STATS_CACHE_SECONDS = 300
    cache.clear()
    leader = make_user(Role.BAWASLU_LEADER)
    scope = scope_get(actor=leader, region_code="32")
    case_from_report()
    first = dashboard_cached(scope=scope, now=timezone.now())
    assert first.totals
    case_from_report()
    with django_assert_num_queries(1):  # the cache row only
        again = dashboard_cached(scope=scope, now=timezone.now())
    assert again.totals == first.totals
    counts = summary_counts_cached(scope=scope)
    case_from_report()
    assert summary_counts_cached(scope=scope) == counts
    cache.clear()
    assert summary_counts_cached(scope=scope) != counts
