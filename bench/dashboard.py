"""The statistics dashboard over many reports: p50/p99 of the national dashboard and of a
province drill-down (the selectors alone, and the whole page), and of the public summary API.

    DATABASE_URL=postgres://... python -m bench.dashboard 1000000
    python -m bench.dashboard 20000          # SQLite, a quick look

N (default 1,000,000) reports are bulk-created in batches into a throwaway test database on
the server DATABASE_URL names, each with its case, spread over every regency/city, the
violation types, position classes, agency types, case statuses and the Pilkada 2024 stages.
The bulk seeding bypasses the rollups, so they are rebuilt from the rows after it (as after
any bulk load). The last line is JSON: p50 of the national and province pages cold (every
request computes: the statistics cache off) and warm (from the shared cache), beside the
same aggregates by hand-written SQL over the raw rows in the same run (``*_sql_ms``; the
province's includes the raw inputs of the province's own IKP, which its page shows, and
``province_sql_without_ikp_ms`` leaves them out), and the selectors alone. The per-process
reference cache of regions and stages (``netral.common.refcache``) is on, as in production.
Target on PostgreSQL at 1,000,000: cold under 250 ms and at least 10 times faster than the
SQL, warm under 50 ms.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import secrets
import sys
import time
import uuid
from typing import Any

from bench.harness import django_with_test_database, measure

BATCH = 5000
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))


def _seed(n: int) -> None:
    from django.utils import timezone

    from netral.cases.models import Case, Status
    from netral.elections.models import Election
    from netral.regions.models import Region
    from netral.reports.models import Report
    from netral.reports.subjects import AgencyType, PositionClass
    from netral.rules.selectors import violation_type_list

    rng = random.Random(42)
    regencies = list(
        Region.objects.filter(level=Region.Level.REGENCY).values_list("code", flat=True)
    )
    elections = dict(
        Election.objects.filter(cycle__code="pilkada-2024").values_list("region_id", "pk")
    )
    # Jakarta's administrative units hold no election of their own: the governor's is theirs.
    election_of = {code: elections.get(code) or elections[code.split(".")[0]] for code in regencies}
    types = [vt.code for vt in violation_type_list()] + [""]
    positions = [c for c, _ in PositionClass.choices]
    agencies = [c for c, _ in AgencyType.choices]
    statuses = [Status.RECEIVED, Status.REGISTERED, Status.STUDY, Status.DECIDED, Status.CLOSED]
    start = datetime.datetime(2024, 7, 1, tzinfo=datetime.UTC)
    span = int(datetime.timedelta(days=180).total_seconds())
    now = timezone.now()
    made = 0
    t0 = time.perf_counter()
    while made < n:
        size = min(BATCH, n - made)
        rows = []
        for _ in range(size):
            region = rng.choice(regencies)
            received = start + datetime.timedelta(seconds=rng.randrange(span))
            status = rng.choice(statuses)
            decided = status in (Status.DECIDED, Status.CLOSED)
            rows.append((region, received, status, decided, rng.choice(types)))
        cases = Case.objects.bulk_create(
            [
                Case(
                    origin="laporan",
                    office_region_id=region,
                    election_id=election_of[region],
                    status=status,
                    violation_type=vtype,
                    received_at=received,
                    registered_at=received + datetime.timedelta(days=2)
                    if status != Status.RECEIVED
                    else None,
                    decided_at=received + datetime.timedelta(days=rng.randrange(3, 30))
                    if decided
                    else None,
                    verdicts=[rng.choice(["asn_neutrality", "no_violation"])] if decided else [],
                    due_at=now + datetime.timedelta(days=rng.randrange(-10, 10)),
                )
                for region, received, status, decided, vtype in rows
            ],
            batch_size=BATCH,
        )
        Report.objects.bulk_create(
            [
                Report(
                    public_id=uuid.uuid4(),
                    kind=rng.choice(["laporan", "laporan", "informasi", "temuan"]),
                    receipt_digest=secrets.token_hex(32),
                    submitted_at=received,
                    region_id=region,
                    election_id=election_of[region],
                    reported_name="ASN",
                    agency=f"Dinas {rng.randrange(40)}",
                    position_class=rng.choice(positions),
                    agency_type=rng.choice(agencies),
                    violation_type=vtype,
                    chronology="Unggahan kampanye di media sosial pribadi terlapor.",
                    event_date=received.date(),
                    known_date=received.date(),
                    case=case,
                )
                for (region, received, _s, _d, vtype), case in zip(rows, cases, strict=True)
            ],
            batch_size=BATCH,
        )
        made += size
        if made % (BATCH * 20) == 0:
            print(f"  {made} reports ({time.perf_counter() - t0:.0f} s)", flush=True)
    print(f"seeded {n} reports and cases in {time.perf_counter() - t0:.1f} s", flush=True)


def _raw_sql(codes: tuple[str, ...], now: datetime.datetime, *, with_ikp: bool = True) -> None:
    """The dashboard's aggregates written by hand over the raw rows (the reference the
    rollups are measured against): the report cube by kind, type, agency type, position
    class and stage; cases by status with registered/decided/violations/overdue and time to
    decision; the weekly trend; reports, findings, decisions and violations per region; and
    for a province, the raw inputs of its own IKP, which its page shows."""
    from django.db import connection

    from netral.analytics.scope import Scope, stage_windows

    pg = connection.vendor == "postgresql"
    windows = stage_windows(scope=Scope(region=None, election=None))
    params: list[object] = []
    whens = []
    for w in windows:
        whens.append(
            "WHEN r.submitted_at >= %s AND r.submitted_at < %s AND e.cycle_id = %s THEN %s"
        )
        params += [w.start, w.end, w.cycle_id, w.key]
    stage = f"CASE {' '.join(whens)} ELSE '_outside' END" if whens else "'_outside'"
    marks = ", ".join(["%s"] * len(codes))
    r_where = f"WHERE r.region_id IN ({marks})" if codes else ""
    c_where = f"WHERE office_region_id IN ({marks})" if codes else ""
    region = "r.region_id" if codes else "SUBSTR(r.region_id, 1, 2)"
    office = "office_region_id" if codes else "SUBSTR(office_region_id, 1, 2)"
    violation = "decided_at IS NOT NULL AND verdicts <> '[]' AND verdicts <> '[\"no_violation\"]'"
    span = (
        "EXTRACT(EPOCH FROM decided_at - received_at)"
        if pg
        else "(julianday(decided_at) - julianday(received_at)) * 86400"
    )
    week = (
        "date_trunc('week', r.submitted_at AT TIME ZONE 'Asia/Jakarta')"
        if pg
        else "date(r.submitted_at, '+7 hours', '-6 days', 'weekday 1')"
    )
    since = "- interval '26 weeks'" if pg else ""
    queries: list[tuple[str, list[Any]]] = [
        (
            f"SELECT r.kind, r.violation_type, r.agency_type, r.position_class, {stage} AS stage,"  # noqa: S608
            f" COUNT(*) FROM reports_report r JOIN elections_election e ON e.id = r.election_id"
            f" {r_where} GROUP BY 1, 2, 3, 4, 5",
            [*params, *codes],
        ),
        (
            f"SELECT status, COUNT(*), COUNT(registered_at), COUNT(decided_at),"  # noqa: S608
            f" SUM(CASE WHEN {violation} THEN 1 ELSE 0 END),"
            f" SUM(CASE WHEN due_at < %s THEN 1 ELSE 0 END), SUM({span})"
            f" FROM cases_case {c_where} GROUP BY status",
            [now, *codes],
        ),
        (
            f"SELECT {week}, COUNT(*) FROM reports_report r"  # noqa: S608
            f" WHERE r.submitted_at > (SELECT MAX(r.submitted_at) FROM reports_report r {r_where})"
            f" {since} {r_where.replace('WHERE', 'AND')} GROUP BY 1",
            [*codes, *codes],
        ),
        (
            f"SELECT {region}, SUM(CASE WHEN r.kind <> 'temuan' THEN 1 ELSE 0 END),"  # noqa: S608
            f" SUM(CASE WHEN r.kind = 'temuan' THEN 1 ELSE 0 END) FROM reports_report r"
            f" {r_where} GROUP BY 1",
            list(codes),
        ),
        (
            f"SELECT {office}, COUNT(decided_at), SUM(CASE WHEN {violation} THEN 1 ELSE 0 END)"  # noqa: S608
            f" FROM cases_case {c_where} GROUP BY 1",
            list(codes),
        ),
    ]
    if codes and with_ikp:
        # The province page also shows the province's own vulnerability index (IKP), whose
        # raw inputs beyond the cube above are the reports per agency in each regency/city
        # (recurrence) and the cases past their deadline (``analytics.ikp``).
        ended = "COALESCE(finished_at, decided_at)"
        queries += [
            (
                f"SELECT r.region_id, r.agency, COUNT(*) FROM reports_report r {r_where}"  # noqa: S608
                " GROUP BY 1, 2",
                list(codes),
            ),
            (
                f"SELECT SUM(CASE WHEN due_at IS NOT NULL AND ({ended} > due_at"  # noqa: S608
                f" OR ({ended} IS NULL AND due_at < %s)) THEN 1 ELSE 0 END), COUNT(due_at)"
                f" FROM cases_case {c_where} AND status <> 'merged'",
                [now, *codes],
            ),
        ]
    with connection.cursor() as cursor:
        for sql, args in queries:
            cursor.execute(sql, args)
            cursor.fetchall()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with django_with_test_database():
        from django.conf import settings
        from django.core.cache import cache
        from django.db import connection
        from django.test import Client
        from django.utils import timezone
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # The URLs (and every app behind them) load now, not after minutes of seeding.
        import netral.urls  # noqa: F401
        from netral.accounts.models import User
        from netral.analytics.rollups import rollups_rebuild
        from netral.analytics.scope import scope_get
        from netral.analytics.selectors import dashboard_get
        from netral.reports.models import Report

        rebuild_s = None
        if Report.objects.count() >= n:  # kept from an earlier run (BENCH_KEEP=1)
            print(f"{Report.objects.count()} reports kept from an earlier run", flush=True)
        else:
            _seed(n)
            t0 = time.perf_counter()
            rows = rollups_rebuild()  # the bulk seeding bypasses the rollups, as a bulk load does
            rebuild_s = round(time.perf_counter() - t0, 1)
            print(f"rollups rebuilt from the rows in {rebuild_s} s: {rows[0]} + {rows[1]} rows")
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE")
        cache.clear()  # nothing warm from an earlier run
        User.objects.filter(username="bench").delete()
        user = User.objects.create_user(username="bench", role="bawaslu_leader")
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        client = Client()
        client.force_login(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
        national = scope_get(actor=user, region_code="")
        province = scope_get(actor=user, region_code="32")
        now = timezone.now()

        def selectors(scope_: object) -> None:
            dashboard_get(scope=scope_, now=timezone.now())  # type: ignore[arg-type]

        def page(params: dict[str, str]) -> None:
            response = client.get("/ruang-kerja/statistik/", params)
            assert response.status_code == 200, response.status_code

        def api(_: int) -> None:
            assert client.get("/api/stats/summary", {"region": "32.75"}).status_code == 200

        sql_rounds = max(3, ROUNDS // 4)
        print(f"dashboard benchmark on {connection.vendor}, {n} reports")
        # Cold: every request computes (the cache off), as the first one after it expires.
        settings.NETRAL_STATS_CACHE_SECONDS = 0
        settings.NETRAL_REFERENCE_CACHE_SECONDS = 60  # production's default (tests: 0)
        timings = {
            "national_sql": measure(
                "hand-written SQL national (raw rows)",
                sql_rounds,
                lambda _: _raw_sql((), now),
                warmup=1,
            ),
            "province_sql": measure(
                "hand-written SQL province 32 (raw rows)",
                sql_rounds,
                lambda _: _raw_sql(province.codes, now),
                warmup=1,
            ),
            "province_sql_without_ikp": measure(
                "hand-written SQL province 32 without its IKP",
                sql_rounds,
                lambda _: _raw_sql(province.codes, now, with_ikp=False),
                warmup=1,
            ),
            "national_selectors": measure(
                "dashboard_get national", ROUNDS, lambda _: selectors(national)
            ),
            "province_selectors": measure(
                "dashboard_get province 32", ROUNDS, lambda _: selectors(province)
            ),
            "national_cold": measure(
                "cold GET /ruang-kerja/statistik/", ROUNDS, lambda _: page({})
            ),
            "province_cold": measure(
                "cold GET /ruang-kerja/statistik/?region=32",
                ROUNDS,
                lambda _: page({"region": "32"}),
            ),
            "ikp_cold": measure(
                "cold GET /ruang-kerja/statistik/?peta=ikp", ROUNDS, lambda _: page({"peta": "ikp"})
            ),
            "summary_api_cold": measure("cold GET /api/stats/summary?region=32.75", ROUNDS, api),
        }
        # Warm: served from the shared cache (NETRAL_STATS_CACHE_SECONDS), after one request.
        settings.NETRAL_STATS_CACHE_SECONDS = 300
        page({})
        page({"region": "32"})
        timings["national_warm"] = measure(
            "warm GET /ruang-kerja/statistik/", ROUNDS, lambda _: page({})
        )
        timings["province_warm"] = measure(
            "warm GET /ruang-kerja/statistik/?region=32", ROUNDS, lambda _: page({"region": "32"})
        )
        for timing in timings.values():
            print(timing.line())
        result: dict[str, object] = {
            "reports": n,
            "database": connection.vendor,
            "rollup_rebuild_s": rebuild_s,
        }
        result.update({f"{name}_ms": round(t.p50_ms, 1) for name, t in timings.items()})
        for scope_name in ("national", "province"):
            cold = timings[f"{scope_name}_cold"].p50_ms
            result[f"{scope_name}_sql_over_cold"] = round(
                timings[f"{scope_name}_sql"].p50_ms / cold, 1
            )
        print(json.dumps(result))


if __name__ == "__main__":
    main()
