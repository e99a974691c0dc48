"""Reports for the suggestion tests, through the real intake (each with its case, handling
office, person link and, as after commit, its duplicate signature)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from netral.reports.models import Report
from netral.triage.tests.conftest import SubmitReport

NIP = "198503172010011004"
# A mayoral-election report from Kota Bekasi: handled by the city's office (32.75).
CHRONOLOGY = (
    "Pak camat kumpulin kades2 di balai desa tgl 17 September 2024, disuruh menangkan paslon "
    "nomor urut 2 dan dibagi amplop 500rb. NIP terlapor 198503172010011004, ada juga NIP "
    "198513172010011004. Melanggar Pasal 71 ayat (1) UU 10/2016. "
    "Videonya https://www.facebook.com/warga/posts/123"
)


def days_ago(n: int) -> str:
    return str(timezone.localdate() - datetime.timedelta(days=n))


@pytest.fixture
def new_report(submit_report: SubmitReport) -> Report:
    """A report without NIP or violation type whose chronology names both."""
    return submit_report(
        chronology=CHRONOLOGY,
        reported_nip="",
        violation_type=None,
        reported_name="Drs. Bambang Wijaya",
        agency="Kecamatan Bekasi Timur",
        position="Camat",
        event_date=days_ago(3),
    )


@pytest.fixture
def earlier_elsewhere(submit_report: SubmitReport) -> Report:
    """The same event told to the neighbouring regency's office (32.16)."""
    return submit_report(
        region="32.16",
        chronology=CHRONOLOGY.replace("Videonya", "Buktinya"),
        reported_nip="",
        reported_name="Bambang Wijaya, S.Sos.",
        agency="Kecamatan Bekasi Timur",
        position="Camat",
        event_date=days_ago(3),
    )
