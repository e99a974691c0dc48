"""The duplicate look-up (``duplicate_matches``): the same person by NIP across offices, by
name and agency, a near chronology, and only what the actor may see."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.common.errors import PermissionDenied
from netral.triage.duplicates import Signature
from netral.triage.duplicates_selectors import duplicate_matches
from netral.triage.duplicates_store import report_signature
from netral.triage.tests.duplicates.conftest import SubmitReport

pytestmark = pytest.mark.django_db

BEKASI_TEXT = (
    "Kepala Bidang Dinas Pendidikan mengunggah foto bersama pasangan calon wali kota nomor "
    "urut dua di Instagram pribadinya dan mengajak guru honorer memilih pasangan tersebut "
    "saat rapat sekolah di aula kantor."
)


def _days_ago(n: int) -> str:
    return str(timezone.localdate() - datetime.timedelta(days=n))


def test_same_nip_found_across_two_offices(
    submit_report: SubmitReport, make_user: Callable[..., User]
) -> None:
    # A governor-election report goes to the province office, a mayoral one to the city's.
    city = submit_report(chronology=BEKASI_TEXT)
    province = submit_report(
        chronology="Seorang ASN dinas pendidikan ikut kampanye terbuka calon gubernur.",
        election=_governor_election_id(),
        reported_name="Bambang W.",
    )
    assert city.handling_region_id != province.handling_region_id
    leader = make_user(Role.BAWASLU_LEADER, region="32")
    probe = Signature.of(text="laporan baru", nip="19850317 201001 1 004")
    matches = duplicate_matches(actor=leader, probe=probe, threshold=0.0)
    found = {m.report.pk: m for m in matches}
    assert set(found) == {city.pk, province.pk}
    assert all("NIP sama" in m.reasons for m in matches)


def _governor_election_id() -> int:
    from netral.elections.models import Election

    return Election.objects.get(cycle__code="pilkada-2024", region_id="32").pk


def test_fuzzy_name_and_agency_without_nip(
    submit_report: SubmitReport, make_user: Callable[..., User]
) -> None:
    earlier = submit_report(
        reported_nip="",
        reported_name="Drs. H. Bambang Wijaya, M.Si.",
        agency="Dinas Pendidikan Kota Bekasi",
        event_date=_days_ago(3),
    )
    submit_report(reported_nip="", reported_name="Siti Aminah", agency="Dinas Kesehatan")
    staff = make_user(Role.BAWASLU_STAFF, region="32.75")
    probe = Signature.of(
        text="pak bambang dr disdik bekasi kampanye paslon di medsos",
        name="Bambang Wijaja",
        agency="Disdik Kota Bekasi",
        region_code="32.75",
        event_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    matches = duplicate_matches(actor=staff, probe=probe)
    assert [m.report.pk for m in matches] == [earlier.pk]
    reasons = matches[0].reasons
    assert any(r.startswith("nama dan instansi mirip (0,") for r in reasons), reasons
    assert "tanggal kejadian berdekatan (2 hari)" in reasons
    assert "wilayah kejadian sama" in reasons


def test_near_text_found_without_any_identity(
    submit_report: SubmitReport, make_user: Callable[..., User]
) -> None:
    told = submit_report(chronology=BEKASI_TEXT, reported_nip="", event_date=_days_ago(2))
    submit_report(
        chronology="Camat membagikan sembako bergambar calon bupati kepada warga desa.",
        reported_nip="",
        event_date=_days_ago(2),
    )
    staff = make_user(Role.BAWASLU_STAFF, region="32.75")
    retold = (
        "Kabid Dinas Pendidikan unggah foto bersama paslon wali kota nomor urut dua di "
        "Instagram pribadi, lalu mengajak para guru honorer memilih paslon itu dalam rapat "
        "sekolah di aula kantor."
    )
    probe = Signature.of(text=retold, region_code="32.75", event_date=timezone.localdate())
    matches = duplicate_matches(actor=staff, probe=probe)
    assert [m.report.pk for m in matches] == [told.pk]
    # The classifier's slang table writes "Kabid" and "paslon" out: the two tell it alike.
    assert "kronologi mirip (1,00)" in matches[0].reasons


def test_another_provinces_report_is_never_returned(
    submit_report: SubmitReport, make_user: Callable[..., User]
) -> None:
    semarang = submit_report(region="33.74", agency="Dinas Pendidikan Kota Semarang")
    bekasi = submit_report()
    assert str(semarang.handling_region_id).startswith("33")
    west_java = make_user(Role.BAWASLU_LEADER, region="32")
    probe = report_signature(semarang)
    matches = duplicate_matches(actor=west_java, probe=probe, threshold=0.0)
    assert [m.report.pk for m in matches] == [bekasi.pk]
    national = make_user(Role.BAWASLU_LEADER)
    seen = duplicate_matches(actor=national, probe=probe, exclude_report_id=semarang.pk)
    assert [m.report.pk for m in seen] == [bekasi.pk]


def test_roles_that_see_no_reports_are_refused(make_user: Callable[..., User]) -> None:
    ppk = make_user(Role.PPK_OFFICE, region="32.75")
    with pytest.raises(PermissionDenied):
        duplicate_matches(actor=ppk, probe=Signature.of(text="apa saja"))
