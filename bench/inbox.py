"""The staff inbox of one office holding 10,000 open cases: time to render page 1 (sorted by
nearest deadline), with and without a search term. Run on PostgreSQL for the number that
counts: `DATABASE_URL=postgres://... python -m bench.inbox`."""

from __future__ import annotations

import datetime
import os
import secrets
import uuid

from bench.harness import django_with_test_database, measure

N_CASES = int(os.environ.get("BENCH_CASES", "10000"))


def _seed(n: int) -> None:
    from django.utils import timezone

    from netral.cases.models import Case
    from netral.elections.models import Election
    from netral.regions.models import Region
    from netral.reports.models import Report

    region = Region.objects.get(code="32.75")
    election = Election.objects.get(region=region)
    now = timezone.now()
    statuses = ["received", "incomplete", "registered", "clarification", "study"]
    cases = Case.objects.bulk_create(
        [
            Case(
                origin="laporan",
                office_region=region,
                election=election,
                status=statuses[i % len(statuses)],
                received_at=now - datetime.timedelta(hours=i % 200),
                due_at=now + datetime.timedelta(minutes=(i * 37) % 10_000 - 2_000),
                violation_type="kampanye_media_sosial",
            )
            for i in range(n)
        ],
        batch_size=2000,
    )
    Report.objects.bulk_create(
        [
            Report(
                public_id=uuid.uuid4(),
                kind="laporan",
                receipt_digest=secrets.token_hex(32),
                submitted_at=case.received_at,
                region=region,
                election=election,
                reported_name=f"ASN {i}",
                agency=f"Dinas {i % 40}",
                chronology="Unggahan kampanye di media sosial pribadi terlapor.",
                event_date=now.date(),
                known_date=now.date(),
                case=case,
            )
            for i, case in enumerate(cases)
        ],
        batch_size=2000,
    )


def main() -> None:
    with django_with_test_database():
        from django.db import connection
        from django.test import Client
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from netral.accounts.models import User
        from netral.regions.models import Region

        _seed(N_CASES)
        user = User.objects.create_user(
            username="bench", role="bawaslu_staff", jurisdiction=Region.objects.get(code="32.75")
        )
        device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
        client = Client()
        client.force_login(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()

        def page(_: int) -> None:
            response = client.get("/ruang-kerja/kasus/")
            assert response.status_code == 200, response.status_code

        def search(_: int) -> None:
            response = client.get("/ruang-kerja/kasus/", {"q": "Dinas 7"})
            assert response.status_code == 200

        print(f"inbox benchmark on {connection.vendor}, {N_CASES} open cases in one office")
        print(measure("GET /ruang-kerja/kasus/ (page 1)", 30, page).line())
        print(measure("GET /ruang-kerja/kasus/?q=Dinas 7", 30, search).line())


if __name__ == "__main__":
    main()
