"""cProfile of one report submit (POST /api/reports, JSON, no file) in one process on the
database from DATABASE_URL, with the production task queue (queued work is a row, not run
here): the top functions and the CPU ms of this process per submit with and without the
receipt code's scrypt (which stays). The profiler counts CPU time (``time.process_time``);
the database server's own CPU is not in it."""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import sys
import time

from bench.harness import django_with_test_database

N = int(os.environ.get("BENCH_N", "100"))


def main() -> None:
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    with django_with_test_database():
        from django.test import Client
        from django.test.utils import override_settings

        from netral.reports.tests.apis.test_submit_api import valid

        client = Client()
        body = json.dumps(valid())

        def submit() -> None:
            response = client.post("/api/reports", body, content_type="application/json")
            assert response.status_code == 201, response.content

        queue = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
        queue.enable()
        for _ in range(5):
            submit()
        profile = cProfile.Profile(time.process_time)
        start = time.perf_counter()
        profile.enable()
        for _ in range(N):
            submit()
        profile.disable()
        wall = (time.perf_counter() - start) * 1000 / N
        queue.disable()
        stats = pstats.Stats(profile)
        entries = stats.stats.items()  # type: ignore[attr-defined]
        scrypt = sum(v[2] for k, v in entries if k[2] == "<built-in method _hashlib.scrypt>")
        total = stats.total_tt  # type: ignore[attr-defined]
        out = io.StringIO()
        stats.stream = out  # type: ignore[attr-defined]
        stats.sort_stats("tottime").print_stats(top)
        stats.sort_stats("cumulative").print_stats(os.environ.get("PROFILE_FILTER", ""), top)
        print(out.getvalue())
        print(
            json.dumps(
                {
                    "submits": N,
                    "wall_ms_per_submit": round(wall, 2),
                    "cpu_ms_per_submit": round(total * 1000 / N, 2),
                    "scrypt_ms_per_submit": round(scrypt * 1000 / N, 2),
                    "besides_scrypt_ms": round((total - scrypt) * 1000 / N, 2),
                }
            )
        )


if __name__ == "__main__":
    main()
