"""The staff inbox and its full-text search over many cases: time to render page 1 (nearest
deadline first), with and without a search term, for one office and for a national account.
Run on PostgreSQL for the number that counts:
`DATABASE_URL=postgres://... python -m bench.inbox` (`BENCH_CASES`, default 100,000, of which
`BENCH_OFFICE_SHARE` (0.2) in Kota Bekasi's office and the rest spread over 40 other offices).

Beside each search through the index it times, on the same data, the search as it was before
the index (``icontains`` over the reports' name, agency and chronology: ``_before_search``).
"""

from __future__ import annotations

import datetime
import os
import random
import secrets
import time
import uuid
from typing import Any

from bench.harness import django_with_test_database, measure

N_CASES = int(os.environ.get("BENCH_CASES", "100000"))
OFFICE_SHARE = float(os.environ.get("BENCH_OFFICE_SHARE", "0.2"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
WORDS = [
    "unggahan",
    "kampanye",
    "media",
    "sosial",
    "pribadi",
    "terlapor",
    "foto",
    "pasangan",
    "calon",
    "deklarasi",
    "relawan",
    "seragam",
    "dinas",
    "rapat",
    "kantor",
    "camat",
    "lurah",
    "spanduk",
    "baliho",
    "grup",
    "whatsapp",
    "acara",
    "pengajian",
    "pembagian",
    "sembako",
    "apel",
    "pagi",
    "posko",
    "pemenangan",
]
SURNAMES = [
    "Wijaya",
    "Santoso",
    "Lestari",
    "Kurniawan",
    "Hidayat",
    "Saputra",
    "Rahmawati",
    "Siregar",
    "Nasution",
]


def _seed(n: int) -> None:
    from django.utils import timezone

    from netral.cases.models import Case
    from netral.elections.models import Election
    from netral.reports.models import Message, Report

    rng = random.Random(14)
    home = Election.objects.get(region_id="32.75")
    others = list(
        Election.objects.filter(region__parent__isnull=False)
        .exclude(region_id="32.75")
        .select_related("region")
        .order_by("region_id")[:40]
    )
    now = timezone.now()
    statuses = ["received", "incomplete", "registered", "clarification", "study", "decided"]
    batch = 5000
    for start in range(0, n, batch):
        cases = []
        for i in range(start, min(n, start + batch)):
            election = home if rng.random() < OFFICE_SHARE else others[i % len(others)]
            cases.append(
                Case(
                    origin="laporan",
                    office_region_id=str(election.region_id),
                    election=election,
                    status=statuses[i % len(statuses)],
                    register_number=f"{i:06d}/Reg/LP/PK/{election.region_id}/XI/2024",
                    received_at=now - datetime.timedelta(hours=i % 200),
                    due_at=now + datetime.timedelta(minutes=(i * 37) % 10_000 - 2_000),
                    violation_type="kampanye_media_sosial",
                )
            )
        Case.objects.bulk_create(cases, batch_size=2000)
        reports = [
            Report(
                public_id=uuid.uuid4(),
                kind="laporan",
                receipt_digest=secrets.token_hex(32),
                submitted_at=case.received_at,
                region_id=case.office_region_id,
                election_id=case.election_id,
                reported_name=f"ASN{case.pk} {rng.choice(SURNAMES)}",
                reported_nip=f"19{rng.randrange(10**16):016d}",
                agency=f"Dinas {case.pk % 40} Pemerintah Daerah",
                chronology=" ".join(rng.choice(WORDS) for _ in range(40)),
                event_date=now.date(),
                known_date=now.date(),
                case=case,
                handling_region_id=case.office_region_id,
            )
            for case in cases
        ]
        Report.objects.bulk_create(reports, batch_size=2000)
        Message.objects.bulk_create(
            [
                Message(
                    report=r,
                    sender="reporter",
                    body="Tambahan: " + " ".join(rng.choice(WORDS) for _ in range(15)),
                    created_at=now,
                )
                for r in reports[::10]
            ],
            batch_size=2000,
        )
    # The bulk rows bypassed the services that store each case's first report.
    from netral.cases.first_report import case_first_report_rebuild

    case_first_report_rebuild()


def _before_search(actor: Any, q: str) -> list[int]:
    """Page 1 of the inbox searched as before the index (``icontains`` subquery)."""
    from django.db.models import Q

    from netral.cases.selectors import case_inbox
    from netral.reports.models import Report

    text = q.strip()
    matching = Report.objects.filter(
        Q(reported_name__icontains=text) | Q(agency__icontains=text) | Q(chronology__icontains=text)
    ).values("case")
    cases = case_inbox(actor=actor).filter(Q(register_number__icontains=text) | Q(pk__in=matching))
    return [c.pk for c in cases[:50]] + [cases.count()]


def _client_for(user: Any) -> Any:
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def main() -> None:
    with django_with_test_database():
        from django.db import connection

        from netral.accounts.models import User
        from netral.cases.models import Case
        from netral.cases.search import case_search_rebuild
        from netral.regions.models import Region
        from netral.reports.models import Report

        t0 = time.perf_counter()
        _seed(N_CASES)
        seeded = time.perf_counter() - t0
        t0 = time.perf_counter()
        indexed = case_search_rebuild()
        rebuilt = time.perf_counter() - t0
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")  # as autovacuum would after a bulk load
        office = Case.objects.filter(office_region_id="32.75").count()
        some = Report.objects.filter(case__office_region_id="32.75").order_by("pk")[10]
        staff = User.objects.create_user(
            username="bench", role="bawaslu_staff", jurisdiction=Region.objects.get(code="32.75")
        )
        leader = User.objects.create_user(username="bench-ri", role="bawaslu_leader")
        clients = {"office": _client_for(staff), "national": _client_for(leader)}

        print(
            f"inbox benchmark on {connection.vendor}: {N_CASES} cases, {office} in Kota Bekasi's "
            f"office; seeded in {seeded:.0f} s, index rebuilt ({indexed} cases) in {rebuilt:.0f} s"
        )
        queries = [
            ("", "page 1"),
            ("Dinas 7", "common words (1 in 40)"),
            (some.reported_name.split()[0], "one reported name"),
            (some.reported_nip, "one NIP"),
            ("posko pemenangan", "chronology words"),
        ]
        for who, client in clients.items():
            for q, what in queries:

                def page(_: int, client: Any = client, q: str = q) -> None:
                    response = client.get("/ruang-kerja/kasus/", {"q": q} if q else {})
                    assert response.status_code == 200, response.status_code

                label = f"{who}: {what}" + (f" q={q!r}" if q else "")
                print(measure(label, ROUNDS, page).line())
        print("where a page's time goes (office):")
        for q, _ in queries:
            print(_breakdown(clients["office"], q))
        # The same searches, page 1 and its count, without the index (as before): reference.
        for q, what in queries[1:]:

            def before(_: int, q: str = q) -> None:
                _before_search(staff, q)

            def with_index(_: int, q: str = q) -> None:
                _index_search(staff, q)

            rounds = max(3, ROUNDS // 4)
            print(measure(f"before (icontains), office: {what}", rounds, before).line())
            print(measure(f"index, office (same selector): {what}", rounds, with_index).line())


def _breakdown(client: Any, q: str) -> str:
    """One page: its total time, number of queries, SQL time and the slowest query."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        t0 = time.perf_counter()
        client.get("/ruang-kerja/kasus/", {"q": q} if q else {})
        total = (time.perf_counter() - t0) * 1000
    times = sorted((float(x["time"]) * 1000, x["sql"]) for x in ctx.captured_queries)
    slowest = times[-1] if times else (0.0, "")
    return (
        f"  q={q!r}: {total:.0f} ms, {len(times)} queries, SQL {sum(t for t, _ in times):.0f} ms;"
        f" slowest {slowest[0]:.0f} ms: {slowest[1][:90]}"
    )


def _index_search(actor: Any, q: str) -> list[int]:
    from netral.cases.selectors import case_inbox

    cases = case_inbox(actor=actor, q=q)
    return [c.pk for c in cases[:50]] + [cases.count()]


if __name__ == "__main__":
    main()
