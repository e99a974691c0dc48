"""Compliance on a fixed data set, against values computed by hand."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from netral.accounts.models import Role
from netral.followup.models import RecStatus, Sanction
from netral.followup.selectors import compliance, compliance_total, overdue_ppk
from netral.followup.tests.factories import bare_decided_case, bkn_recommendation

pytestmark = pytest.mark.usefixtures("elections")

NOW = timezone.now()

# (PPK region, agency, status, days from decision to decree, deadline passed)
FIXED = [
    ("32.75", "Dinas Pendidikan Kota Bekasi", RecStatus.SANCTIONED, 10, False),
    ("32.75", "Dinas Pendidikan Kota Bekasi", RecStatus.SANCTIONED, 20, False),
    ("32.75", "Kecamatan Bekasi Timur", RecStatus.NOT_IMPOSED, None, False),
    ("32.75", "Kecamatan Bekasi Timur", RecStatus.ASSESSED, None, True),
    ("32.76", "Dinas Kesehatan Kota Depok", RecStatus.ASSESSED, None, False),
    ("32.76", "Dinas Kesehatan Kota Depok", RecStatus.ISSUED, None, False),
    (None, "Kementerian Agama", RecStatus.SANCTIONED, 5, False),
]


@pytest.fixture
def fixed(make_user: Any) -> None:
    case = bare_decided_case(make_user)
    recorder = make_user(Role.PPK_OFFICE, "32.75")
    assert case.decided_at is not None
    decided = timezone.localdate(case.decided_at)
    for i, (region, agency, status, days, late) in enumerate(FIXED):
        rec = bkn_recommendation(
            case,
            number=f"T-{i}",
            issued_at=NOW,
            issued_by=recorder,
            status=status,
            ppk_region_id=region,
            subject_agency=agency,
            due_at=(
                NOW + datetime.timedelta(days=-1 if late else 5)
                if status == RecStatus.ASSESSED
                else None
            ),
        )
        if status in (RecStatus.SANCTIONED, RecStatus.NOT_IMPOSED):
            Sanction.objects.create(
                recommendation=rec,
                imposed=status == RecStatus.SANCTIONED,
                decree_date=decided + datetime.timedelta(days=days) if days else None,
                recorded_by=recorder,
                recorded_at=NOW,
            )


@pytest.mark.usefixtures("fixed")
def test_compliance_by_region_matches_hand_computed() -> None:
    rows = {row.key: row for row in compliance(actor=None, by="region", now=NOW)}
    bekasi, depok, central = rows["32.75"], rows["32.76"], rows["00"]
    assert (bekasi.total, bekasi.followed, bekasi.declined, bekasi.pending, bekasi.ignored) == (
        4,
        2,
        1,
        0,
        1,
    )
    assert bekasi.followed_pct == 50.0 and bekasi.ignored_pct == 25.0
    assert bekasi.median_days == 15  # median of 10 and 20
    assert (depok.total, depok.pending, depok.median_days) == (2, 2, None)
    assert (central.label, central.followed, central.median_days) == ("Instansi pusat", 1, 5)
    total = compliance_total(list(rows.values()))
    assert (total.total, total.followed, total.ignored) == (7, 3, 1)
    assert total.followed_pct == 42.9 and total.ignored_pct == 14.3
    assert total.median_days == 10  # median of 5, 10, 20
    # The dashboard's one row, counted without the regions, is the same total.
    (one,) = compliance(actor=None, by="total", now=NOW)
    assert (one.total, one.followed, one.lighter, one.declined, one.pending, one.ignored) == (
        total.total,
        total.followed,
        total.lighter,
        total.declined,
        total.pending,
        total.ignored,
    )
    assert one.days == total.days


@pytest.mark.usefixtures("fixed")
def test_compliance_by_agency() -> None:
    rows = {row.label: row for row in compliance(actor=None, by="agency", now=NOW)}
    assert rows["Dinas Pendidikan Kota Bekasi"].followed_pct == 100.0
    kecamatan = rows["Kecamatan Bekasi Timur"]
    assert (kecamatan.declined, kecamatan.ignored, kecamatan.followed_pct) == (1, 1, 0.0)


@pytest.mark.usefixtures("fixed")
def test_compliance_is_scoped_to_the_viewer(make_user: Any) -> None:
    depok_bkn = make_user(Role.BKN_OFFICER, "32.76")
    rows = compliance(actor=depok_bkn, by="region", now=NOW)
    assert [row.key for row in rows] == ["32.76"]


@pytest.mark.usefixtures("fixed")
def test_overdue_ppk_lists_regional_heads() -> None:
    rows = overdue_ppk(actor=None, now=NOW)
    assert [(r["ppk_region__name"], r["count"]) for r in rows] == [("Kota Bekasi", 1)]
