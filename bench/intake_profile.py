"""cProfile of one report submit (POST /api/reports, JSON, no file) in one process on the
database from DATABASE_URL, with the production task queue (queued work is a row, not run
here): the top functions and the CPU ms of this process per submit with and without the
receipt code's scrypt (which stays). The profiler counts CPU time (``time.process_time``);
the database server's own CPU is not in it. The profiler's own overhead inflates every Python
call, so the JSON line also gives the same submits timed without it (``unprofiled_*``: CPU
per submit, and that less the scrypt of one receipt code timed alone) and the SQL statements
one submit runs (``statements_per_submit``) and, with PostgreSQL on this machine, the CPU of
the database server's backend per submit (``server_cpu_ms_per_submit``, from /proc; the WAL
writer's share is not in it)."""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

from bench.harness import django_with_test_database

N = int(os.environ.get("BENCH_N", "100"))
TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def server_cpu_s(connection: Any) -> float | None:
    """CPU seconds (user + system) of this connection's PostgreSQL backend so far, read from
    /proc when the server runs on this machine; None elsewhere (SQLite, a remote server)."""
    if connection.vendor != "postgresql":
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / TICKS


def main() -> None:
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 25
    with django_with_test_database():
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext, override_settings

        from netral.reports.receipts import receipt_code_new, receipt_digest
        from netral.reports.tests.apis.test_submit_api import valid

        client = Client()
        body = json.dumps(valid())

        def submit() -> None:
            response = client.post("/api/reports", body, content_type="application/json")
            assert response.status_code == 201, response.content

        # The production queue, and the reference cache on as in production.
        queue = override_settings(
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
            NETRAL_REFERENCE_CACHE_SECONDS=60,
        )
        queue.enable()
        for _ in range(5):
            submit()
        with CaptureQueriesContext(connection) as queries:
            submit()
        statements = len(queries.captured_queries)
        server0 = server_cpu_s(connection)
        cpu0 = time.process_time()
        for _ in range(N):
            submit()
        unprofiled = (time.process_time() - cpu0) * 1000 / N
        server1 = server_cpu_s(connection)
        server = (server1 - server0) * 1000 / N if server0 is not None and server1 else None
        cpu0 = time.process_time()
        for _ in range(N):
            receipt_digest(receipt_code_new())
        kdf_alone = (time.process_time() - cpu0) * 1000 / N
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
                    "unprofiled_cpu_ms_per_submit": round(unprofiled, 2),
                    "unprofiled_scrypt_ms": round(kdf_alone, 2),
                    "unprofiled_besides_scrypt_ms": round(unprofiled - kdf_alone, 2),
                    "statements_per_submit": statements,
                    "server_cpu_ms_per_submit": None if server is None else round(server, 2),
                }
            )
        )


if __name__ == "__main__":
    main()
