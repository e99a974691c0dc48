"""The vulnerability index: recomputed by hand from one region's indicators and compared
with the method page, plus the rules of the computation and the CSV import."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

from conftest import SignIn
from netral.analytics.ikp import ikp_compute, normalise
from netral.analytics.models import IndicatorValue
from netral.audit.models import AuditEntry
from netral.rules.selectors import ikp_method_get

CSV = """region,indicator,value,source
32.75,konflik_sosial,5,Polda Metro Jaya 2024
32.75,petahana_mencalonkan,1,KPU Kota Bekasi
32.75,jumlah_asn,25000,BKN 2024
32.75,partisipasi_pemilih,70,KPU 2020
"""


def _import(tmp_path: Path, text: str) -> str:
    path = tmp_path / "indikator.csv"
    path.write_text(text, encoding="utf-8")
    from io import StringIO

    out = StringIO()
    call_command("ikp_import_indicators", str(path), stdout=out)
    return out.getvalue()


def _attr(html: str, anchor: str, name: str) -> float:
    tag = re.search(rf"<[^>]*{re.escape(anchor)}[^>]*>", html)
    assert tag, anchor
    value = re.search(rf'{name}="([^"]*)"', tag.group(0))
    assert value, (anchor, name)
    return float(value.group(1))


@pytest.mark.django_db
def test_method_page_matches_a_hand_computation(
    dataset: Any, sign_in: SignIn, tmp_path: Path
) -> None:
    assert "Dibuat 4" in _import(tmp_path, CSV)
    # Kota Bekasi's own data: reports A, B, C (all ASN neutrality types), one proven
    # violation (A), two reports about the same agency (A, B: one repeat out of three), one
    # case with a deadline and it is past it (B), two reports in the campaign (A, B).
    raw = {
        "konflik_sosial": 5,
        "petahana_mencalonkan": 1,
        "jumlah_asn": 25000,
        "laporan_netralitas_asn": 3,
        "pelanggaran_netralitas_terbukti": 1,
        "keberulangan": 33.33,
        "keterlambatan_penanganan": 100,
        "laporan_tahap_kampanye": 2,
        "partisipasi_pemilih": 70,
    }
    keamanan = 5 / 20 * 100  # 25
    penyelenggara = 0.0  # ethics reports 0; DKPP decisions missing, so its weight goes to 1
    pejabat = 0.2 * 100 + 0.15 * 25 + 0.25 * 6 + 0.25 * 4 + 0.15 * 33.33
    konteks = 0.3 * keamanan + 0.3 * penyelenggara + 0.4 * pejabat
    penyelenggaraan = 0.5 * 100 + 0.5 * 0
    kontestasi = 0.5 * 0 + 0.5 * (0.6 * (2 / 30 * 100) + 0.4 * 0)
    partisipasi = 100 - (70 - 50) / (90 - 50) * 100  # monitors missing: turnout alone
    score = 0.25 * konteks + 0.25 * penyelenggaraan + 0.25 * kontestasi + 0.25 * partisipasi

    client, _user = sign_in("bawaslu_leader", "32")
    response = client.get("/ruang-kerja/statistik/ikp/32.75/")
    assert response.status_code == 200
    html = response.content.decode()
    for code, value in raw.items():
        assert _attr(html, f'data-indicator="{code}"', "data-raw") == pytest.approx(value)
    assert _attr(html, 'data-indicator="putusan_dkpp"', "data-weight") == 0.5  # as in the file
    assert _attr(html, 'data-indicator="laporan_etik_penyelenggara"', "data-weight") == 1.0
    assert _attr(html, 'data-subdimension="otoritas_pejabat_negara"', "data-score") == round(
        pejabat, 2
    )
    for code, value in (
        ("konteks_sosial_politik", konteks),
        ("penyelenggaraan", penyelenggaraan),
        ("kontestasi", kontestasi),
        ("partisipasi", partisipasi),
    ):
        assert _attr(html, f'data-dimension="{code}"', "data-score") == round(value, 2)
    assert _attr(html, 'id="ikp-score"', "data-score") == round(score, 2)
    expected_class = "low" if round(score, 2) <= 33 else "medium" if score <= 66 else "high"
    assert f'data-class="{expected_class}"' in html
    assert "Polda Metro Jaya 2024" in html  # the imported value's source is shown

    api = client.get("/api/stats/summary", {"region": "32.75"}).json()
    assert api["ikp"]["score"] == round(score, 2)
    assert api["ikp"]["class_code"] == expected_class


def test_missing_indicators_are_left_out_and_weights_rescaled() -> None:
    method = ikp_method_get()
    result = ikp_compute(region_code="x", raw={"partisipasi_pemilih": 50.0}, method=method)
    # Only one indicator has a value: it carries its sub-dimension, dimension and the score.
    assert result.score == pytest.approx(100.0)
    assert result.klass is not None and result.klass.code == "high"
    nothing = ikp_compute(region_code="x", raw={}, method=method)
    assert nothing.score is None and nothing.klass is None


def test_normalisation_clips_and_reverses() -> None:
    turnout = next(i for i in ikp_method_get().indicators if i.code == "partisipasi_pemilih")
    assert normalise(turnout, 90) == 0
    assert normalise(turnout, 40) == 100  # below min: clipped, then reversed
    conflicts = next(i for i in ikp_method_get().indicators if i.code == "konflik_sosial")
    assert normalise(conflicts, 40) == 100


@pytest.mark.django_db
def test_import_is_all_or_nothing_naming_bad_lines(regions: Any, tmp_path: Path) -> None:
    bad = CSV + "99.99,konflik_sosial,1,x\n32.75,laporan_pidana,3,x\n32.01,jumlah_asn,banyak,x\n"
    with pytest.raises(CommandError) as error:
        _import(tmp_path, bad)
    message = str(error.value)
    assert "Baris 6" in message and "Baris 7" in message and "Baris 8" in message
    assert not IndicatorValue.objects.exists()
    _import(tmp_path, CSV)
    assert "diperbarui 1" in _import(tmp_path, CSV.replace("25000", "26000"))
    assert IndicatorValue.objects.get(region_id="32.75", indicator="jumlah_asn").value == 26000
    assert AuditEntry.objects.filter(action="ikp.indicators_import").count() == 2
