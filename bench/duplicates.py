"""The duplicate look-up for one new report among N stored ones (issue #12): p50/p95/p99 of
``duplicate_matches`` (index probes: NIP, text and name LSH keys), printed beside the same
query with PostgreSQL's index scans switched off (sequential scans of the same rows).

    DATABASE_URL=postgres://netral:netral@127.0.0.1:5432/netral_bench \
        python -m bench.duplicates 1000000
    python -m bench.duplicates 20000          # SQLite, a quick look (no sequential line)
    BENCH_KEEP=1 python -m bench.duplicates 1000000   # keep the loaded rows for the next run

It never touches real data: like every benchmark it works in a throwaway test database
(``test_<name>`` of the database DATABASE_URL names, created and dropped here). N reports
(default 1,000,000) are generated (names, agencies, NIPs for 70%, chronologies from a
domain vocabulary plus 20,000 rarer words), their signatures computed by the application's
own code (``Signature.of``) in worker processes, and written straight into the tables:
PostgreSQL COPY with the key index built afterwards, bulk_create on SQLite. Each probe is a
retelling of a stored report (words dropped and added, name misspelt, NIP told half the
time); the hit rate says how often that report came back. Target: p95 under 50 ms.
"""

from __future__ import annotations

import datetime
import multiprocessing
import os
import random
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

from bench.harness import django_with_test_database

CHUNK = 20_000
PROBES = int(os.environ.get("BENCH_ROUNDS", "100"))
SEQ_PROBES = int(os.environ.get("BENCH_SEQ_ROUNDS", "5"))


def _split(text: str, sep: str | None = None) -> list[str]:
    return text.split(sep)


FIRST = _split(
    "Agus Bambang Budi Dedi Eko Fajar Gilang Hadi Hendra Indra Joko Kurnia Lukman Made Nanang "
    "Oki Putu Rudi Slamet Teguh Wahyu Yusuf Zainal Ahmad Andi Siti Dewi Rina Sri Nurul Fitri "
    "Maria Ani Lestari Wulan Yuni Ratna Intan Putri Ayu"
)
LAST = _split(
    "Wijaya Setiawan Gunawan Hartono Santoso Susilo Saputra Kurniawan Hidayat Nugroho Pratama "
    "Rahmawati Lestari Handayani Wahyuni Marlina Maulana Fauzi Hakim Suardana Siregar Nasution "
    "Simanjuntak Pangaribuan Harahap Lubis Tanjung Sembiring Ginting Purba Sitompul Situmorang "
    "Wibowo Utomo Prasetyo Suryadi Hermawan Firmansyah Ramadhan Syahputra"
)
AGENCIES = _split(
    "Dinas Pendidikan|Dinas Kesehatan|Dinas Perhubungan|Dinas Sosial|Dinas Pertanian|"
    "Kecamatan|Kelurahan|Satpol PP|Bappeda|BKPSDM|Sekretariat Daerah|RSUD|Puskesmas|"
    "Dinas Kependudukan dan Pencatatan Sipil|Dinas Pekerjaan Umum|Inspektorat",
    "|",
)
DOMAIN = _split(
    "unggah foto video status akun instagram facebook tiktok whatsapp grup ajak pilih "
    "pasangan calon nomor urut kampanye hadir acara deklarasi relawan sambutan seragam dinas "
    "jam kerja bagi sembako amplop uang stiker kaos bendera baliho spanduk pasang copot "
    "kumpul kepala desa lurah camat guru murid wali rapat aula kantor posko pemenangan "
    "mobil pelat merah fasilitas negara dukung jelek lawan petahana bupati wali gubernur "
    "masa tenang pemungutan suara tps warga jamaah masjid posyandu puskesmas bantuan sosial "
    "janji program anggaran desa jalan perbaiki survei elektabilitas materi sebar viral"
)


def _rare_words() -> list[str]:
    rng = random.Random(7)
    syllables = [c + v for c in "bcdgjklmnprstw" for v in "aiueo"]
    return sorted({"".join(rng.choices(syllables, k=3)) for _ in range(25_000)})[:20_000]


RARE = _rare_words()


def _report(i: int, regencies: list[str]) -> dict[str, Any]:
    """Report ``i``'s fields, the same on every call (its own seeded generator)."""
    rng = random.Random(i)
    region = regencies[rng.randrange(len(regencies))]
    words = rng.sample(DOMAIN, 12) + rng.sample(RARE, 10)
    rng.shuffle(words)
    birth = datetime.date(1965, 1, 1) + datetime.timedelta(days=rng.randrange(12_000))
    nip = f"{birth:%Y%m%d}{rng.randrange(1990, 2020)}{rng.randrange(1, 13):02d}"
    nip += f"{rng.randrange(1, 3)}{rng.randrange(1, 999):03d}"
    return {
        "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
        "nip": nip if rng.random() < 0.7 else "",
        "agency": f"{rng.choice(AGENCIES)} {region}",
        "region": region,
        "date": datetime.date(2024, 7, 1) + datetime.timedelta(days=rng.randrange(180)),
        "text": " ".join(words),
    }


def _retold(i: int, regencies: list[str]) -> dict[str, Any]:
    """Another reporter's telling of report ``i``: a third of the words gone, three new,
    a letter of the name changed, the NIP told half the time, a day off."""
    fields = _report(i, regencies)
    rng = random.Random(-i)
    words = [w for w in fields["text"].split() if rng.random() > 0.33] + rng.sample(RARE, 3)
    name = fields["name"]
    at = rng.randrange(1, len(name))
    return {
        **fields,
        "name": name[:at] + "e" + name[at + 1 :],
        "nip": fields["nip"] if rng.random() < 0.5 else "",
        "date": fields["date"] + datetime.timedelta(days=rng.choice((-1, 0, 1))),
        "text": " ".join(words),
    }


def _rows(task: tuple[int, int, list[str], int]) -> tuple[list[tuple[Any, ...]], ...]:
    """Reports ``start`` .. ``start + count - 1`` as table rows (run in a worker)."""
    from netral.triage.duplicates import VERSION, Signature, pack

    start, count, regencies, election = task
    now = datetime.datetime(2024, 12, 31, tzinfo=datetime.UTC)
    reports: list[tuple[Any, ...]] = []
    signatures: list[tuple[Any, ...]] = []
    keys: list[tuple[Any, ...]] = []
    for i in range(start, start + count):
        f = _report(i, regencies)
        pk = i + 1
        submitted = datetime.datetime.combine(f["date"], datetime.time(9), datetime.UTC)
        reports.append(
            (pk, uuid.UUID(int=pk), f"{pk:064x}", submitted, f["region"], election,
             f["name"], f["nip"], f["agency"], f["text"], f["date"], f["date"], f["region"])
        )  # fmt: skip
        sig = Signature.of(
            text=f["text"],
            nip=f["nip"],
            name=f["name"],
            agency=f["agency"],
            region_code=f["region"],
            event_date=f["date"],
        )
        signatures.append(
            (pk, VERSION, sig.nip, sig.name, sig.agency, sig.region_code, sig.event_date,
             pack(sig.minhash), now)
        )  # fmt: skip
        keys.extend((pk, key) for key in sig.lsh_keys())
    return reports, signatures, keys


REPORT_COLUMNS = (
    "id", "public_id", "receipt_digest", "submitted_at", "region_id", "election_id",
    "reported_name", "reported_nip", "agency", "chronology", "event_date", "known_date",
    "handling_region_id",
)  # fmt: skip
SIGNATURE_COLUMNS = (
    "report_id", "version", "reported_nip", "name_key", "agency_key", "region_code",
    "event_date", "text_minhash", "computed_at",
)  # fmt: skip


def _chunks(
    n: int, regencies: list[str], election: int
) -> Iterator[tuple[int, int, list[str], int]]:
    for start in range(0, n, CHUNK):
        yield start, min(CHUNK, n - start), regencies, election


def _report_defaults() -> dict[str, Any]:
    """Every other NOT NULL column of the reports table, with its model default."""
    from netral.reports.models import Report

    defaults: dict[str, Any] = {}
    for field in Report._meta.concrete_fields:
        if field.column in REPORT_COLUMNS or field.null:
            continue
        value = field.get_default()
        defaults[field.column] = "[]" if field.get_internal_type() == "JSONField" else value
    defaults.update(kind="laporan", status="received", channel="web", late=False)
    return defaults


def _seed(n: int) -> None:
    from django.db import connection

    from netral.elections.models import Election
    from netral.regions.models import Region
    from netral.reports.models import Report
    from netral.triage.models import ReportSignature, ReportSignatureKey

    regencies = sorted(
        Region.objects.filter(level=Region.Level.REGENCY).values_list("code", flat=True)
    )
    election = Election.objects.order_by("pk").values_list("pk", flat=True).first()
    assert election is not None
    extra = _report_defaults()
    columns = REPORT_COLUMNS + tuple(extra)
    extra_values = tuple(extra.values())
    postgres = connection.vendor == "postgresql"
    key_index = "triage_sigkey_key_report"
    t0 = time.perf_counter()
    made = 0
    with connection.cursor() as cursor:
        if postgres:
            # A throwaway database: no foreign-key triggers while loading, the key index
            # built once at the end instead of row by row.
            cursor.execute("SET session_replication_role = replica")
            cursor.execute(f"DROP INDEX {key_index}")
        with multiprocessing.get_context("fork").Pool(max(1, (os.cpu_count() or 2))) as pool:
            for reports, signatures, keys in pool.imap(_rows, _chunks(n, regencies, election)):
                if postgres:
                    raw = cursor.cursor
                    with raw.copy(f"COPY reports_report ({', '.join(columns)}) FROM STDIN") as cp:
                        for row in reports:
                            cp.write_row(row + extra_values)
                    cols = ", ".join(SIGNATURE_COLUMNS)
                    with raw.copy(f"COPY triage_reportsignature ({cols}) FROM STDIN") as cp:
                        for row in signatures:
                            cp.write_row(row)
                    with raw.copy(
                        "COPY triage_reportsignaturekey (report_id, key) FROM STDIN"
                    ) as cp:
                        for row in keys:
                            cp.write_row(row)
                else:
                    Report.objects.bulk_create(
                        [
                            Report(**dict(zip(columns, r + extra_values, strict=True)))
                            for r in reports
                        ],
                        batch_size=2000,
                    )
                    ReportSignature.objects.bulk_create(
                        [
                            ReportSignature(**dict(zip(SIGNATURE_COLUMNS, s, strict=True)))
                            for s in signatures
                        ],
                        batch_size=2000,
                    )
                    ReportSignatureKey.objects.bulk_create(
                        [ReportSignatureKey(report_id=r, key=k) for r, k in keys], batch_size=5000
                    )
                made += len(reports)
                if made % (CHUNK * 10) == 0:
                    print(f"  {made} reports ({time.perf_counter() - t0:.0f} s)", flush=True)
        if postgres:
            cursor.execute("SET session_replication_role = DEFAULT")
            t1 = time.perf_counter()
            cursor.execute(
                f"CREATE INDEX {key_index} ON triage_reportsignaturekey (key, report_id)"
            )
            cursor.execute("SELECT setval(pg_get_serial_sequence('reports_report', 'id'), %s)", [n])
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would: index-only scans
            print(f"  key index and VACUUM ANALYZE in {time.perf_counter() - t1:.1f} s", flush=True)
    keys_n = ReportSignatureKey.objects.count()
    print(f"seeded {n} reports, {keys_n} LSH keys in {time.perf_counter() - t0:.1f} s", flush=True)


def _percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)

    def at(q: float) -> float:
        return ordered[min(len(ordered) - 1, int(len(ordered) * q))]

    return statistics.median(ordered), at(0.95), at(0.99)


def _line(label: str, samples: list[float], extra: str = "") -> str:
    p50, p95, p99 = _percentiles(samples)
    return (
        f"{label:<44} n={len(samples):<5} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   "
        f"p99 {p99:8.1f} ms{extra}"
    )


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with django_with_test_database():
        from django.db import connection, transaction

        from netral.accounts.models import User
        from netral.regions.models import Region
        from netral.reports.models import Report
        from netral.triage.duplicates import Signature
        from netral.triage.duplicates_selectors import duplicate_matches

        if Report.objects.count() != n:  # BENCH_KEEP=1 keeps a loaded database for reruns
            Report.objects.all().delete()
            _seed(n)
        regencies = sorted(
            Region.objects.filter(level=Region.Level.REGENCY).values_list("code", flat=True)
        )
        national, _ = User.objects.get_or_create(username="bench-ri", role="bawaslu_leader")
        west_java, _ = User.objects.get_or_create(
            username="bench-32", role="bawaslu_staff", jurisdiction=Region.objects.get(code="32")
        )
        rng = random.Random(2024)
        targets = [rng.randrange(n) for _ in range(PROBES + 3)]
        jabar = [
            i
            for i in range(0, n, max(1, n // 20_000))
            if _report(i, regencies)["region"].startswith("32.")
        ]

        def probe(i: int) -> Signature:
            f = _retold(i, regencies)
            return Signature.of(
                text=f["text"], nip=f["nip"], name=f["name"], agency=f["agency"],
                region_code=f["region"], event_date=f["date"],
            )  # fmt: skip

        def run(
            actor: User, ids: list[int], prepare: Callable[[], None] | None = None
        ) -> tuple[list[float], int]:
            samples, hits = [], 0
            for k, i in enumerate(ids):
                sig = probe(i)  # the new report's own signature is not the look-up's time
                t0 = time.perf_counter()
                with transaction.atomic():
                    if prepare:
                        prepare()
                    matches = duplicate_matches(actor=actor, probe=sig)
                elapsed = (time.perf_counter() - t0) * 1000
                if k >= 3 or prepare:  # the first three warm the caches
                    samples.append(elapsed)
                    hits += any(m.report.pk == i + 1 for m in matches)
            return samples, hits

        print(f"duplicate look-up benchmark on {connection.vendor}, {n} reports")
        samples, hits = run(national, targets)
        print(_line("duplicate_matches, national", samples, f"   found {hits}/{len(samples)}"))
        ids = (jabar * (PROBES // max(1, len(jabar)) + 1))[: PROBES + 3]
        samples, hits = run(west_java, ids)
        print(_line("duplicate_matches, province 32", samples, f"   found {hits}/{len(samples)}"))
        if connection.vendor == "postgresql":

            def no_index() -> None:
                with connection.cursor() as cursor:
                    for setting in ("indexscan", "bitmapscan", "indexonlyscan"):
                        cursor.execute(f"SET LOCAL enable_{setting} = off")

            samples, hits = run(national, targets[:SEQ_PROBES], no_index)
            print(
                _line(
                    "same query, index scans off (seq scan)",
                    samples,
                    f"   found {hits}/{len(samples)}",
                )
            )


if __name__ == "__main__":
    main()
