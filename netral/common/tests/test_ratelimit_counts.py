"""Rate limits count every hit with one statement on the database cache (issue #13 item 3):
the limit refuses exactly the hit past it, and hits from several threads are all counted."""

from __future__ import annotations

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from netral.common.ratelimit import Limit, RateLimited, hit

pytestmark = pytest.mark.django_db(transaction=True)


def test_one_statement_per_hit_and_the_limit_is_exact() -> None:
    limit = Limit("test-exact", max_hits=3, window_seconds=3600)
    with CaptureQueriesContext(connection) as queries:
        for _ in range(3):
            hit(limit, "client-a")
    assert len(queries.captured_queries) == 3
    with pytest.raises(RateLimited) as refused:
        hit(limit, "client-a")
    assert 0 < refused.value.retry_after <= 3600
    hit(limit, "client-b")  # another subject counts apart


def test_concurrent_hits_are_all_counted() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers; the race needs concurrent ones")
    limit = Limit("test-race", max_hits=40, window_seconds=3600)
    refused: list[int] = []

    def worker() -> None:
        from django.db import connection as own

        try:
            for _ in range(10):
                try:
                    hit(limit, "shared")
                except RateLimited:
                    refused.append(1)
        finally:
            own.close()

    threads = [threading.Thread(target=worker) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(refused) == 10  # 50 hits, 40 allowed: none lost, none counted twice
