"""Shared set-up for benchmarks: Django with a throwaway database and reference data."""

from __future__ import annotations

import logging
import os
import statistics
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass


@contextmanager
def django_with_test_database() -> Iterator[None]:
    """A throwaway ``test_<name>`` database for the benchmark, dropped at the end; with
    ``BENCH_KEEP=1`` it is kept and reused by the next run (a benchmark may then skip
    loading what is already there), to measure again without reloading a million rows."""
    keep = os.environ.get("BENCH_KEEP") == "1"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings_test")
    # WhiteNoise looks for collected static files, which benchmarks do not need.
    warnings.filterwarnings("ignore", "No directory at")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    logging.getLogger("django_tasks").setLevel(logging.WARNING)
    settings.NETRAL_RATE_LIMITS = {
        name: (10**9, 60)
        for name in ("report-submit", "report-submit-all", "receipt-lookup", "receipt-lookup-all")
    }
    # No serialisation of the contents (that is for TransactionTestCase rollbacks): a kept
    # database of a million rows would be read into memory on every run.
    old_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=keep, serialize=False
    )
    try:
        call_command("createcachetable")
        from netral.elections.services import election_cycles_load_all
        from netral.regions.models import Region
        from netral.regions.services import regions_load

        if not (keep and Region.objects.exists()):
            regions_load()
            election_cycles_load_all()
        yield
    finally:
        if not keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


@dataclass(frozen=True)
class Timing:
    label: str
    count: int
    total_s: float
    p50_ms: float
    p99_ms: float

    def line(self) -> str:
        return (
            f"{self.label:<44} n={self.count:<5} {self.count / self.total_s:8.1f} req/s"
            f"   p50 {self.p50_ms:7.1f} ms   p99 {self.p99_ms:7.1f} ms"
        )


def measure(label: str, count: int, action: Callable[[int], None], warmup: int = 3) -> Timing:
    for i in range(warmup):
        action(-1 - i)
    samples = []
    start = time.perf_counter()
    for i in range(count):
        t0 = time.perf_counter()
        action(i)
        samples.append((time.perf_counter() - t0) * 1000)
    total = time.perf_counter() - start
    samples.sort()
    p99 = samples[min(len(samples) - 1, int(len(samples) * 0.99))]
    return Timing(label, count, total, statistics.median(samples), p99)
