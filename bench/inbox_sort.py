"""The caseworker's inbox sorted by each column, and the staff home page (my work), over many
cases: time to render page 1 for one office and for a national account. Run on PostgreSQL
for the number that counts: `DATABASE_URL=postgres://... python -m bench.inbox_sort`
(`BENCH_CASES`, default 100,000, seeded as ``bench.inbox`` does; `BENCH_ROUNDS`, 10)."""

from __future__ import annotations

import os
import time
from typing import Any

from bench.harness import django_with_test_database, measure
from bench.inbox import _client_for, _seed

N_CASES = int(os.environ.get("BENCH_CASES", "100000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "10"))
SORTS = ["", "nomor", "-terlapor", "instansi", "tahapan", "status", "petugas", "-tenggat"]


def main() -> None:
    with django_with_test_database():
        from django.db import connection

        from netral.accounts.models import User
        from netral.cases.models import Case
        from netral.regions.models import Region

        t0 = time.perf_counter()
        _seed(N_CASES)
        seeded = time.perf_counter() - t0
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        staff = User.objects.create_user(
            username="bench", role="bawaslu_staff", jurisdiction=Region.objects.get(code="32.75")
        )
        leader = User.objects.create_user(username="bench-ri", role="bawaslu_leader")
        # A share of the office's cases assigned to the staff member: the home page lists them.
        office = Case.objects.filter(office_region_id="32.75")
        ids = list(office.order_by("pk").values_list("pk", flat=True))[::20]
        Case.objects.filter(pk__in=ids).update(assignee=staff)
        clients = {"office": _client_for(staff), "national": _client_for(leader)}
        print(
            f"inbox sort benchmark on {connection.vendor}: {N_CASES} cases, "
            f"{office.count()} in Kota Bekasi's office; seeded in {seeded:.0f} s"
        )
        for who, client in clients.items():
            for sort in SORTS:

                def page(_: int, client: Any = client, sort: str = sort) -> None:
                    response = client.get("/ruang-kerja/kasus/", {"urut": sort} if sort else {})
                    assert response.status_code == 200, response.status_code

                print(measure(f"{who}: inbox urut={sort or '(default)'}", ROUNDS, page).line())

            def home(_: int, client: Any = client) -> None:
                assert client.get("/akun/ruang-kerja/").status_code == 200

            print(measure(f"{who}: home page (my work)", ROUNDS, home).line())


if __name__ == "__main__":
    main()
