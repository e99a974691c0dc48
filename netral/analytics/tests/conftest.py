"""A small fixed data set whose statistics are counted by hand in the tests.

Six reports in three regions of two provinces, each with its own case (see ``SPECS``):

- A 32.75 laporan, kampanye_media_sosial, 2024-10-01: decided asn_neutrality after 10 days
- B 32.75 laporan, kampanye_media_sosial, 2024-10-02: in study, past its deadline
- C 32.75 temuan, foto_gestur_keberpihakan, 2024-11-25: decided no violation after 4 days
- D 32.01 laporan, menghadiri_deklarasi, 2024-08-28: registered, deadline ahead
- E 33.03 laporan, kampanye_media_sosial, 2024-10-05: received, deadline ahead
- F 32 (the province office) informasi, no type, 2024-07-01: not registered
"""

from __future__ import annotations

import datetime
import secrets
import uuid
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from netral.cases.models import Case
from netral.elections.models import Election
from netral.reports.models import Report

WIB = ZoneInfo("Asia/Jakarta")
REPORTED_NAMES = ("Drs. Bambang Wijaya", "Siti Rahmawati", "Agus Salim", "Dewi Lestari")


def at(day: str, hour: int = 10) -> datetime.datetime:
    return datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(hour), WIB)


@dataclass(frozen=True)
class Spec:
    region: str
    kind: str
    violation_type: str
    received: str
    position_class: str
    agency_type: str
    agency: str
    status: str
    verdicts: tuple[str, ...] = ()
    decided_after_days: int | None = None
    due_in_days: int | None = None


SPECS: dict[str, Spec] = {
    "A": Spec("32.75", "laporan", "kampanye_media_sosial", "2024-10-01", "functional",
              "regency", "Dinas Pendidikan Kota Bekasi", "decided", ("asn_neutrality",), 10),
    "B": Spec("32.75", "laporan", "kampanye_media_sosial", "2024-10-02", "staff", "regency",
              "Dinas Pendidikan Kota Bekasi", "study", due_in_days=-3),
    "C": Spec("32.75", "temuan", "foto_gestur_keberpihakan", "2024-11-25", "village",
              "village", "Pemerintah Desa Sukamaju", "decided", ("no_violation",), 4),
    "D": Spec("32.01", "laporan", "menghadiri_deklarasi", "2024-08-28", "senior_executive",
              "province", "Dinas Kesehatan Provinsi Jawa Barat", "registered", due_in_days=5),
    "E": Spec("33.03", "laporan", "kampanye_media_sosial", "2024-10-05", "functional",
              "regency", "Dinas Pendidikan Kabupaten Purbalingga", "received", due_in_days=5),
    "F": Spec("32", "informasi", "", "2024-07-01", "", "", "Kantor tidak jelas",
              "not_registered"),
}  # fmt: skip


def _election_for(region: str) -> Election:
    return Election.objects.get(region_id=region, cycle__code="pilkada-2024")


def build(specs: dict[str, Spec]) -> dict[str, Report]:
    now = timezone.now()
    reports: dict[str, Report] = {}
    for index, (name, spec) in enumerate(specs.items()):
        election = _election_for(spec.region)
        received = at(spec.received)
        decided = (
            received + datetime.timedelta(days=spec.decided_after_days)
            if spec.decided_after_days is not None
            else None
        )
        case = Case.objects.create(
            origin=spec.kind,
            office_region_id=spec.region,
            election=election,
            status=spec.status,
            violation_type=spec.violation_type,
            received_at=received,
            registered_at=received + datetime.timedelta(days=1)
            if spec.status in ("decided", "study", "registered")
            else None,
            decided_at=decided,
            verdicts=list(spec.verdicts),
            due_at=now + datetime.timedelta(days=spec.due_in_days)
            if spec.due_in_days is not None
            else None,
        )
        reports[name] = Report.objects.create(
            public_id=uuid.uuid4(),
            kind=spec.kind,
            receipt_digest=secrets.token_hex(32),
            submitted_at=received,
            region_id=spec.region,
            election=election,
            reported_name=REPORTED_NAMES[index % len(REPORTED_NAMES)],
            reported_nip="198503172010011004",
            agency=spec.agency,
            position="Jabatan",
            position_class=spec.position_class,
            agency_type=spec.agency_type,
            violation_type=spec.violation_type,
            chronology="Kronologi.",
            event_date=received.date(),
            known_date=received.date(),
            case=case,
        )
    return reports


@pytest.fixture
def dataset(elections: Any) -> dict[str, Report]:
    return build(SPECS)
