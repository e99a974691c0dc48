"""Report intake under gunicorn: reports per second and latency of ``POST /api/reports`` with
N concurrent submitters over real HTTP, beside the KDF-only rate (``POST /bench/kdf``: only the
receipt code's scrypt) measured by the same gunicorn at the same concurrency in the same run.

    DATABASE_URL=postgres://... python -m bench.intake --concurrency 20 --count 400 --workers 4

A throwaway ``test_`` database is created (``bench.harness``) and dropped afterwards; gunicorn
runs ``bench.intake_settings`` (the production task queue, the bench-only URLconf). The phases
alternate (KDF, intake, KDF, intake, ...) so that load from elsewhere on the machine hits both
alike. The last line is one JSON object: ``intake_per_s``, ``kdf_only_per_s``, ``ratio``,
``p50_ms``, ``p99_ms`` (intake), ``kdf_p50_ms``, ``kdf_p99_ms``, ``concurrency``, ``workers``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.harness import django_with_test_database

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Phase:
    label: str
    done: int
    seconds: float
    latencies_ms: list[float]
    errors: int

    @property
    def per_s(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


def percentile(samples: Sequence[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(port: int, path: str, body: bytes) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("POST", path, body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def drive(
    label: str, *, port: int, path: str, bodies: Callable[[int], bytes], count: int, clients: int
) -> Phase:
    """``count`` requests from ``clients`` threads, each sending its next request as soon as
    the previous one is answered."""
    lock = threading.Lock()
    issued = [0]
    latencies: list[float] = []
    errors = [0]

    def client() -> None:
        while True:
            with lock:
                if issued[0] >= count:
                    return
                i = issued[0]
                issued[0] += 1
            body = bodies(i)
            t0 = time.perf_counter()
            try:
                status = post(port, path, body)
            except OSError:
                status = 0
            elapsed = (time.perf_counter() - t0) * 1000
            with lock:
                if status == 201:
                    latencies.append(elapsed)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=client) for _ in range(clients)]
    start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return Phase(label, len(latencies), time.perf_counter() - start, latencies, errors[0])


def start_gunicorn(*, db_name: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.intake_settings",
        "NETRAL_BENCH_DB": db_name,
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(  # noqa: S603 - our own gunicorn and arguments
        [
            str(gunicorn),
            "netral.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--backlog",
            "256",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited while starting")
        try:
            # Every worker imports Django on its first request: warm them all.
            if all(post(port, "/bench/kdf", b"") == 201 for _ in range(workers * 2)):
                return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("gunicorn did not answer within 240 s")


def report_bodies(count: int) -> list[bytes]:
    """Distinct valid reports (another reported ASN's sequence number, chronology)."""
    from netral.reports.tests.apis.test_submit_api import valid

    bodies = []
    for i in range(count):
        body = valid()
        body["reported_nip"] = f"19850317201001100{i % 10}"[:15] + f"{i % 999 + 1:03d}"
        body["chronology"] = f"{body['chronology']} Laporan nomor {i}."
        bodies.append(json.dumps(body).encode())
    return bodies


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=20, help="concurrent clients")
    parser.add_argument(
        "--count",
        type=int,
        default=int(os.environ.get("BENCH_N", "300")),
        help="requests per phase and round",
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--rounds", type=int, default=2, help="alternating KDF/intake rounds")
    args = parser.parse_args(argv)

    with django_with_test_database():
        from django.db import connection

        db_name = connection.settings_dict["NAME"]
        vendor = connection.vendor
        connection.close()  # the server's workers are the only users from here on
        bodies = report_bodies(args.count * args.rounds + args.concurrency)
        port = free_port()
        server = start_gunicorn(db_name=db_name, port=port, workers=args.workers)
        try:
            kdf: list[Phase] = []
            intake: list[Phase] = []
            offset = [0]

            def next_report(i: int) -> bytes:
                return bodies[offset[0] + i]

            # Warm-up: the first reports open the connection pools and fill caches.
            drive(
                "warm-up",
                port=port,
                path="/api/reports",
                bodies=lambda i: bodies[-1 - i],
                count=args.concurrency,
                clients=args.concurrency,
            )
            for _ in range(args.rounds):
                kdf.append(
                    drive(
                        "kdf",
                        port=port,
                        path="/bench/kdf",
                        bodies=lambda _: b"",
                        count=args.count,
                        clients=args.concurrency,
                    )
                )
                intake.append(
                    drive(
                        "intake",
                        port=port,
                        path="/api/reports",
                        bodies=next_report,
                        count=args.count,
                        clients=args.concurrency,
                    )
                )
                offset[0] += args.count
        finally:
            server.terminate()
            server.wait(timeout=30)
        connection.connect()

    def rate(phases: list[Phase]) -> float:
        return sum(p.done for p in phases) / sum(p.seconds for p in phases)

    intake_lat = [ms for p in intake for ms in p.latencies_ms]
    kdf_lat = [ms for p in kdf for ms in p.latencies_ms]
    for phase in (*kdf, *intake):
        print(
            f"{phase.label:<7} {phase.done:>5} ok {phase.errors:>3} failed {phase.per_s:7.1f}/s"
            f"  p50 {statistics.median(phase.latencies_ms or [0]):7.1f} ms"
            f"  p99 {percentile(phase.latencies_ms, 0.99):7.1f} ms",
            file=sys.stderr,
        )
    intake_rate, kdf_rate = rate(intake), rate(kdf)
    print(
        json.dumps(
            {
                "database": vendor,
                "concurrency": args.concurrency,
                "workers": args.workers,
                "count": args.count * args.rounds,
                "intake_per_s": round(intake_rate, 1),
                "kdf_only_per_s": round(kdf_rate, 1),
                "ratio": round(intake_rate / kdf_rate, 3) if kdf_rate else None,
                "p50_ms": round(statistics.median(intake_lat or [0]), 1),
                "p99_ms": round(percentile(intake_lat, 0.99), 1),
                "kdf_p50_ms": round(statistics.median(kdf_lat or [0]), 1),
                "kdf_p99_ms": round(percentile(kdf_lat, 0.99), 1),
                "errors": sum(p.errors for p in (*intake, *kdf)),
            }
        )
    )


if __name__ == "__main__":
    main()
