"""The statistics dashboard over many reports: p50/p99 of the national dashboard and of a
province drill-down (the selectors alone, and the whole page), and of the public summary API.

    DATABASE_URL=postgres://... python -m bench.dashboard 1000000
    python -m bench.dashboard 20000          # SQLite, a quick look

N (default 1,000,000) reports are bulk-created in batches into a throwaway test database on
the server DATABASE_URL names, each with its case, spread over every regency/city, the
violation types, position classes, agency types, case statuses and the Pilkada 2024 stages.
The target is under 250 ms for the national page and a province drill-down on PostgreSQL.
"""

from __future__ import annotations

import datetime
import os
import random
import secrets
import sys
import time
import uuid

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


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with django_with_test_database():
        from django.db import connection
        from django.test import Client
        from django.utils import timezone
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from netral.accounts.models import User
        from netral.analytics.scope import scope_get
        from netral.analytics.selectors import dashboard_get

        _seed(n)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        user = User.objects.create_user(username="bench", role="bawaslu_leader")
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        client = Client()
        client.force_login(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
        national = scope_get(actor=user, region_code="")
        province = scope_get(actor=user, region_code="32")

        def selectors(scope_: object) -> None:
            dashboard_get(scope=scope_, now=timezone.now())  # type: ignore[arg-type]

        def page(params: dict[str, str]) -> None:
            response = client.get("/ruang-kerja/statistik/", params)
            assert response.status_code == 200, response.status_code

        def api(_: int) -> None:
            assert client.get("/api/stats/summary", {"region": "32.75"}).status_code == 200

        print(f"dashboard benchmark on {connection.vendor}, {n} reports")
        print(measure("dashboard_get national", ROUNDS, lambda _: selectors(national)).line())
        print(measure("dashboard_get province 32", ROUNDS, lambda _: selectors(province)).line())
        print(measure("GET /ruang-kerja/statistik/", ROUNDS, lambda _: page({})).line())
        print(
            measure(
                "GET /ruang-kerja/statistik/?region=32", ROUNDS, lambda _: page({"region": "32"})
            ).line()
        )
        print(
            measure(
                "GET /ruang-kerja/statistik/?peta=ikp", ROUNDS, lambda _: page({"peta": "ikp"})
            ).line()
        )
        print(measure("GET /api/stats/summary?region=32.75", ROUNDS, api).line())

        # Served from the shared cache (NETRAL_STATS_CACHE_SECONDS), after one request each.
        from django.conf import settings

        settings.NETRAL_STATS_CACHE_SECONDS = 300
        page({})
        page({"region": "32"})
        print(measure("warm GET /ruang-kerja/statistik/", ROUNDS, lambda _: page({})).line())
        print(
            measure(
                "warm GET /ruang-kerja/statistik/?region=32",
                ROUNDS,
                lambda _: page({"region": "32"}),
            ).line()
        )


if __name__ == "__main__":
    main()
