"""Criminal articles, deadlines, office hours, collective leave and the report checklist."""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path

import pytest

import netral.elections
from netral.common.errors import NotFound
from netral.rules.selectors import (
    collective_leave_dates,
    completion_deadline_get,
    criminal_article_get,
    criminal_article_list,
    deadline_rule_get,
    deadline_rule_list,
    office_hours_get,
    requirement_list,
)


@pytest.mark.parametrize(
    ("code", "prohibition"),
    [("pilkada_188", "Pasal 71 ayat (1)"), ("pilkada_189", "Pasal 70 ayat (1)")],
)
def test_pilkada_penalties_are_one_to_six_months_and_or_a_fine(code: str, prohibition: str) -> None:
    article = criminal_article_get(code=code)

    assert article.prohibition == prohibition
    assert (article.prison_min_months, article.prison_max_months) == (1, 6)
    assert (article.fine_min_rp, article.fine_max_rp) == (600_000, 6_000_000)
    assert type(article.fine_max_rp) is int
    assert article.penalty_mode == "and_or"


def test_pemilu_penalties_are_at_most_one_year_and_twelve_million() -> None:
    articles = criminal_article_list(election_kind="pemilu")

    assert {a.article for a in articles} == {"Pasal 490", "Pasal 494"}
    for article in articles:
        assert article.prison_min_months is None and article.fine_min_rp is None
        assert (article.prison_max_months, article.fine_max_rp) == (12, 12_000_000)
    assert criminal_article_get(code="pemilu_494").prohibition == "Pasal 280 ayat (3)"


def _summary(kind: str, code: str) -> tuple[int, str, str]:
    rule = deadline_rule_get(kind=kind, code=code)
    return rule.amount, rule.unit, rule.from_


def test_pilkada_deadlines_count_calendar_days() -> None:
    assert _summary("pilkada", "batas_laporan") == (7, "calendar_day", "known")
    assert _summary("pilkada", "tindak_lanjut") == (3, "calendar_day", "received")
    extended = deadline_rule_get(kind="pilkada", code="tindak_lanjut_keterangan_tambahan")
    assert extended.extends == "tindak_lanjut"
    assert extended.amount == 3 + 2
    assert _summary("pilkada", "penerusan_pidana") == (24, "hour", "decided")
    assert deadline_rule_get(kind="pilkada", code="penerusan_pidana").legal_basis.endswith(
        "Ps. 135(2)"
    )
    # The calendar-day reading comes from Bawaslu statements, not a confirmed article.
    assert not deadline_rule_get(kind="pilkada", code="batas_laporan").unit_confirmed


def test_pilkada_gakkumdu_chain() -> None:
    gakkumdu = {
        r.code: (r.amount, r.unit) for r in deadline_rule_list(kind="pilkada", track="gakkumdu")
    }
    assert gakkumdu == {
        "gakkumdu_penyidikan": (14, "working_day"),
        "gakkumdu_pengembalian_berkas": (3, "working_day"),
        "gakkumdu_penyerahan_ulang": (3, "working_day"),
        "gakkumdu_pelimpahan": (5, "working_day"),
        "gakkumdu_putusan_pn": (7, "calendar_day"),
        "gakkumdu_banding": (3, "calendar_day"),
        "gakkumdu_putusan_pt": (7, "calendar_day"),
    }
    assert not any(r.track == "gakkumdu" for r in deadline_rule_list(kind="pemilu"))


def test_pemilu_deadlines() -> None:
    assert _summary("pemilu", "batas_temuan") == (7, "calendar_day", "discovered")
    assert _summary("pemilu", "batas_laporan") == (7, "working_day", "known")
    assert _summary("pemilu", "tindak_lanjut") == (7, "calendar_day", "registered")
    assert _summary("pemilu", "tindak_lanjut_perpanjangan") == (14, "working_day", "registered")
    assert _summary("pemilu", "penerusan_pidana") == (24, "hour", "decided")
    assert deadline_rule_get(kind="pemilu", code="penerusan_pidana").legal_basis == (
        "UU 7/2017 Ps. 476(1)"
    )


@pytest.mark.parametrize("kind", ["pilkada", "pemilu"])
def test_common_deadlines_apply_to_both_kinds_and_ppk_is_unconfirmed(kind: str) -> None:
    ppk = deadline_rule_get(kind=kind, code="ppk_tindak_lanjut")
    assert (ppk.track, ppk.from_, ppk.confirmed) == ("ppk", "recommendation_received", False)
    assert "belum terkonfirmasi" in ppk.note
    completion = completion_deadline_get(kind=kind)
    assert (completion.code, completion.amount) == ("kelengkapan_laporan", 3)
    codes = [r.code for r in deadline_rule_list(kind=kind)]
    assert len(codes) == len(set(codes))


def test_unknown_kind_or_deadline_is_not_found() -> None:
    with pytest.raises(NotFound, match="'pilpres' tidak dikenal"):
        deadline_rule_list(kind="pilpres")
    with pytest.raises(NotFound, match="'batas_temuan' tidak dikenal untuk pilkada"):
        deadline_rule_get(kind="pilkada", code="batas_temuan")


WIB = datetime.timezone(datetime.timedelta(hours=7))


@pytest.mark.parametrize(
    ("moment", "stage", "open_"),
    [
        (datetime.datetime(2024, 10, 7, 8, 0, tzinfo=WIB), "kampanye", True),  # Monday
        (datetime.datetime(2024, 10, 11, 15, 59, tzinfo=WIB), "kampanye", True),  # Friday
        (datetime.datetime(2024, 10, 11, 16, 0, tzinfo=WIB), "kampanye", False),
        (datetime.datetime(2024, 10, 7, 7, 59, tzinfo=WIB), None, False),
        (datetime.datetime(2024, 10, 12, 10, 0, tzinfo=WIB), "kampanye", False),  # Saturday
        (datetime.datetime(2024, 11, 24, 23, 0, tzinfo=WIB), "masa_tenang", True),  # Sunday
        (datetime.datetime(2024, 11, 27, 2, 0, tzinfo=WIB), "pemungutan", True),
        (datetime.datetime(2024, 12, 1, 3, 0, tzinfo=WIB), "rekapitulasi", True),
    ],
)
def test_office_hours(moment: datetime.datetime, stage: str | None, open_: bool) -> None:
    assert office_hours_get().accepts_reports(local=moment, stage=stage) is open_


def test_round_the_clock_stages_exist_in_the_election_calendars() -> None:
    data = Path(netral.elections.__file__).resolve().parent / "data"
    stages = {
        stage["code"]
        for path in data.glob("*.toml")
        for stage in tomllib.loads(path.read_text(encoding="utf-8"))["stages"]
    }
    assert set(office_hours_get().round_the_clock_stages) <= stages


def test_collective_leave_2024() -> None:
    days = collective_leave_dates(year=2024)

    assert len(days) == 10
    assert {datetime.date(2024, 4, d) for d in (8, 9, 12, 15)} <= days  # Idul Fitri
    assert datetime.date(2024, 12, 26) in days
    assert all(d.isoweekday() <= 5 for d in days)
    assert collective_leave_dates() > days


def test_report_checklist() -> None:
    formal = {r.code for r in requirement_list(kind="formal")}
    material = {r.code for r in requirement_list(kind="material")}

    assert formal == {
        "kedudukan_pelapor",
        "identitas_pelapor",
        "identitas_terlapor",
        "tenggat_laporan",
        "tanda_tangan",
    }
    assert material == {"uraian_peristiwa", "tempat_kejadian", "waktu_kejadian", "saksi", "bukti"}
    window = next(r for r in requirement_list() if r.code == "tenggat_laporan").deadline
    assert window is not None
    assert deadline_rule_get(kind="pemilu", code=window).unit == "working_day"
