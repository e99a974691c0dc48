"""Dates in Indonesian forms, spelled and numeric, with weekdays checked, and relative dates
counted from the reference date."""

from __future__ import annotations

import datetime

import pytest
from django.test import override_settings

from netral.triage.extract.dates import NOT_A_DATE
from netral.triage.tests.extract.helpers import REF, found, one, span


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("17 September 2024", "2024-09-17"),
        ("17 Sept 2024", "2024-09-17"),
        ("27/11/2024", "2024-11-27"),
        ("17-9-2024", "2024-09-17"),
        ("17.9.2024", "2024-09-17"),
        ("27/11/24", "2024-11-27"),
        ("2024-09-17", "2024-09-17"),
        ("1 Agustus 2024", "2024-08-01"),
    ],
)
def test_absolute_dates(written: str, iso: str) -> None:
    text = f"Kejadiannya {written} di balai desa."
    hit = one(text, "date")
    assert (hit.start, hit.end) == span(text, written)
    assert hit.valid and hit.value["date"] == iso


def test_seed_sentence_with_a_weekday_and_a_date() -> None:
    # /work/shared/seeds/004: "... di Jakarta, Selasa 17 September 2024."
    text = (
        "Rapat Koordinasi Nasional Kesiapan Kepala Daerah, menjaga Netralitas ASN pada "
        "pemilihan serentak tahun 2024, yang diselenggarakan oleh Bawaslu Republik Indonesia, "
        "di Jakarta, Selasa 17 September 2024."
    )
    hit = one(text, "date")
    assert hit.text == "Selasa 17 September 2024"
    assert hit.valid and hit.value["date"] == "2024-09-17"


def test_seed_range_gives_its_year_to_the_first_date() -> None:
    # /work/shared/seeds/002
    text = "kampanye Pilkada 2024 yang akan berlangsung pada 25 September-23 November 2024."
    dates = found(text, "date", ref=datetime.date(2023, 12, 1))
    assert [d.text for d in dates] == ["25 September", "23 November 2024"]
    assert [d.value["date"] for d in dates] == ["2024-09-25", "2024-11-23"]


def test_seed_voting_day() -> None:
    # /work/shared/seeds/000
    text = "Pemilihan kepala daerah serentak yang akan digelar serentak pada 27 November 2024.("
    assert one(text, "date").value["date"] == "2024-11-27"


def test_weekday_with_day_and_month_in_parentheses() -> None:
    text = "Camat hadir, Selasa (17/9), di deklarasi paslon."
    hit = one(text, "date")
    assert hit.text == "Selasa (17/9)"
    assert hit.valid
    assert hit.value == {"date": "2024-09-17", "precision": "day", "year_assumed": True}


def test_a_weekday_that_does_not_match_is_flagged() -> None:
    hit = one("Rabu, 17 September 2024", "date")
    assert not hit.valid
    assert hit.reason == "Tanggal ini jatuh pada hari Selasa, bukan Rabu."


def test_a_day_that_does_not_exist() -> None:
    hit = one("pada 31/02/2024 malam", "date")
    assert (hit.valid, hit.reason) == (False, NOT_A_DATE)


@pytest.mark.parametrize(
    ("written", "iso", "part"),
    [
        ("kemarin sore", "2024-09-19", "sore"),
        ("tadi pagi", "2024-09-20", "pagi"),
        ("semalam", "2024-09-19", "malam"),
        ("kemarin lusa", "2024-09-18", None),
        ("hari ini", "2024-09-20", None),
        ("3 hari yang lalu", "2024-09-17", None),
        ("Senin lalu", "2024-09-16", None),
    ],
)
def test_relative_days(written: str, iso: str, part: str | None) -> None:
    text = f"Saya lihat {written} ada ASN kampanye."
    hit = one(text, "date")
    assert (hit.start, hit.end) == span(text, written)
    assert hit.value["date"] == iso and hit.value["relative"] is True
    assert hit.value.get("part_of_day") == part


def test_last_week_and_last_month() -> None:
    week = one("minggu lalu ada pembagian sembako", "date")
    assert week.value == {
        "date": "2024-09-09",
        "until": "2024-09-15",
        "precision": "week",
        "relative": True,
    }
    assert one("bulan lalu", "date").value["date"] == "2024-08"


@override_settings(DEBUG=True, NETRAL_DEMO_TODAY=datetime.date(2024, 11, 28))
def test_relative_dates_default_to_the_domain_clock() -> None:
    from netral.triage.extract import extract

    (hit,) = [e for e in extract("kemarin sore") if e.kind == "date"]
    assert hit.value["date"] == "2024-11-27"


def test_reference_date_is_used() -> None:
    assert REF.isoformat() == "2024-09-20"
    assert one("kemarin", "date", ref=datetime.date(2024, 3, 1)).value["date"] == "2024-02-29"


def test_law_numbers_and_fractions_are_not_dates() -> None:
    assert found("UU 10/2016 dan pasal 2/3, 1/2/3/4", "date") == []
