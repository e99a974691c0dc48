"""A client's hit and everyone's (``hit_client_and_global``, on every report's intake) in one
statement on PostgreSQL (issue #13 item 3), with the same rule as two hits in turn: a client
over its own limit is refused without using up everyone's."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import HttpRequest
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from netral.common.ratelimit import Limit, RateLimited, hit_client_and_global

pytestmark = pytest.mark.django_db(transaction=True)


def _request(address: str) -> HttpRequest:
    return RequestFactory().post("/api/reports", REMOTE_ADDR=address)


def test_both_hits_in_one_statement_on_postgresql() -> None:
    per_client = Limit("pair-client", max_hits=5, window_seconds=3600)
    overall = Limit("pair-all", max_hits=50, window_seconds=60)
    with CaptureQueriesContext(connection) as queries:
        hit_client_and_global(_request("10.0.0.1"), per_client, overall)
    assert len(queries.captured_queries) == (1 if connection.vendor == "postgresql" else 2)


def test_a_client_over_its_limit_does_not_use_up_everyones() -> None:
    per_client = Limit("pair-client-2", max_hits=2, window_seconds=3600)
    overall = Limit("pair-all-2", max_hits=3, window_seconds=60)
    a, b = _request("10.0.0.2"), _request("10.0.0.3")
    for _ in range(2):
        hit_client_and_global(a, per_client, overall)
    for _ in range(3):
        with pytest.raises(RateLimited) as refused:
            hit_client_and_global(a, per_client, overall)
        assert refused.value.limit == per_client
    hit_client_and_global(b, per_client, overall)  # everyone's third hit: still allowed
    with pytest.raises(RateLimited) as refused:
        hit_client_and_global(b, per_client, overall)
    assert refused.value.limit == overall
    assert 0 < refused.value.retry_after <= 60
