"""Report intake under gunicorn: reports per second and latency of ``POST /api/reports`` with
N concurrent submitters over real HTTP, beside the KDF-only rate (``POST /bench/kdf``: only the
receipt code's scrypt) measured by the same gunicorn at the same concurrency in the same run.

    DATABASE_URL=postgres://... python -m bench.intake --concurrency 20 --count 400 --workers 4

A throwaway ``test_`` database is created (``bench.harness``) and dropped afterwards; gunicorn
runs ``bench.intake_settings`` (the production task queue, the bench-only URLconf). The phases
alternate (KDF, intake, KDF, intake, ...) so that load from elsewhere on the machine hits both
alike. The last line is one JSON object: ``intake_per_s``, ``kdf_only_per_s``, ``ratio``,
``p50_ms``, ``p99_ms`` (intake), ``kdf_p50_ms``, ``kdf_p99_ms``, ``concurrency``, ``workers``,
and, where /proc exists, ``intake_cpu_ms`` and ``kdf_cpu_ms``: CPU ms per request of
gunicorn's workers, the database's backends, this client and the whole machine.
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
    # CPU seconds spent meanwhile: gunicorn's workers, the benchmark database's backends
    # (read from /proc; None where there is no /proc) and the whole machine.
    cpu: dict[str, float] | None = None

    @property
    def per_s(self) -> float:
        return self.done / self.seconds if self.seconds else 0.0


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _proc_cpu(pid: str) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS


def cpu_snapshot(server_pid: int, db_name: str) -> dict[str, float] | None:
    """CPU seconds so far of gunicorn's workers, of the PostgreSQL backends serving
    ``db_name`` and of the whole machine (``/proc/stat``); None without /proc."""
    proc = Path("/proc")
    if not (proc / "stat").exists():
        return None
    workers = backends = 0.0
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        got = _proc_cpu(entry.name)
        if got is None:
            continue
        parent, seconds = got
        if parent == server_pid:
            workers += seconds
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if cmdline.startswith(b"postgres: ") and f" {db_name} ".encode() in cmdline:
            backends += seconds
    total = proc.joinpath("stat").read_text().split("\n", 1)[0].split()[1:]
    busy = sum(int(v) for i, v in enumerate(total[:8]) if i not in (3, 4)) / TICKS
    return {"workers": workers, "backends": backends, "machine": busy}


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

            def measured(label: str, path: str, bodies: Callable[[int], bytes]) -> Phase:
                before, client0 = cpu_snapshot(server.pid, db_name), time.process_time()
                phase = drive(
                    label,
                    port=port,
                    path=path,
                    bodies=bodies,
                    count=args.count,
                    clients=args.concurrency,
                )
                after, client1 = cpu_snapshot(server.pid, db_name), time.process_time()
                if before is not None and after is not None:
                    phase.cpu = {k: after[k] - before[k] for k in before}
                    phase.cpu["client"] = client1 - client0
                return phase

            for _ in range(args.rounds):
                kdf.append(measured("kdf", "/bench/kdf", lambda _: b""))
                intake.append(measured("intake", "/api/reports", next_report))
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

    def cpu_ms(phases: list[Phase]) -> dict[str, float] | None:
        """CPU ms per answered request, by whom (``cpu_snapshot``)."""
        if any(p.cpu is None for p in phases):
            return None
        done = sum(p.done for p in phases) or 1
        keys = phases[0].cpu or {}
        return {k: round(sum((p.cpu or {})[k] for p in phases) * 1000 / done, 1) for k in keys}

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
                "intake_cpu_ms": cpu_ms(intake),
                "kdf_cpu_ms": cpu_ms(kdf),
            }
        )
    )


if __name__ == "__main__":
    main()
