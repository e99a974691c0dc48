"""The violation taxonomy and sanctions in force (no database)."""

from __future__ import annotations

import math

import pytest

from netral.common.errors import NotFound
from netral.rules.schemas import NO_SANCTION
from netral.rules.selectors import (
    sanction_get,
    violation_kind_get,
    violation_type_get,
    violation_type_list,
)

# SKB 2022 Lampiran II: act -> (ethics sanction, discipline sanction).
SKB_ANNEX_II = {
    "alat_peraga_calon": ("moral", "heavy"),
    "kampanye_media_sosial": ("moral", "heavy"),
    "pendekatan_parpol": ("none", "moderate"),
    "menghadiri_deklarasi": ("moral", "heavy"),
    "anggota_parpol": ("none", "dishonourable_dismissal"),
    "interaksi_akun_calon": ("moral", "heavy"),
    "foto_gestur_keberpihakan": ("moral", "heavy"),
    "kegiatan_keberpihakan": ("none", "heavy"),
    "tim_kampanye_sebelum_penetapan": ("none", "moderate"),
    "tim_kampanye_setelah_penetapan": ("none", "heavy"),
    "pengumpulan_ktp_perseorangan": ("none", "heavy"),
    "keputusan_menguntungkan_calon": ("none", "heavy"),
    "lainnya_satgas": ("task_force", "task_force"),
}

# Bawaslu, Pilkada 2020 (data of Nov 2020, seed 003): the five most frequent kinds.
SEED_SHARES = {
    "kampanye_media_sosial": 30.4,
    "kegiatan_keberpihakan": 22.4,
    "foto_gestur_keberpihakan": 12.6,
    "menghadiri_deklarasi": 10.9,
    "pendekatan_parpol": 5.6,
}


def test_taxonomy_holds_every_skb_act_with_its_sanctions() -> None:
    skb = {
        vt.code: (vt.ethics_sanction, vt.discipline_sanction)
        for vt in violation_type_list()
        if vt.source == "skb_2022"
    }

    assert skb == SKB_ANNEX_II
    for code in SKB_ANNEX_II:
        vt = violation_type_get(code=code)
        assert vt.violation_kind == "asn_neutrality"
        assert "SKB 2022 Lampiran II" in vt.legal_basis


def test_only_the_five_seed_kinds_carry_a_2020_share() -> None:
    shares = {vt.code: vt.share_2020 for vt in violation_type_list() if vt.share_2020 is not None}

    assert shares == SEED_SHARES
    # 30.4 + 22.4 + 12.6 + 10.9 + 5.6: the rest of the 2020 cases fell in other kinds.
    assert math.isclose(sum(shares.values()), 81.9)


def test_every_sanction_named_by_the_taxonomy_exists_on_its_track() -> None:
    for vt in violation_type_list():
        for track, code in (("ethics", vt.ethics_sanction), ("discipline", vt.discipline_sanction)):
            if code != NO_SANCTION:
                assert track in sanction_get(code=code).tracks, (vt.code, track)


def test_party_membership_means_dishonourable_dismissal_under_uu_5_2014() -> None:
    vt = violation_type_get(code="anggota_parpol")
    sanction = sanction_get(code=vt.discipline_sanction)

    assert sanction.legal_basis == "UU 5/2014 Ps. 87(4)(c)"
    assert sanction.severity > sanction_get(code="heavy").severity


def test_pp94_items_one_and_two_are_kept_but_unconfirmed() -> None:
    # PP 94/2021 Ps. 5 huruf n items 1-2: moderate, but the article saying so is UNCONFIRMED.
    for code in ("ikut_kampanye", "kampanye_atribut"):
        vt = violation_type_get(code=code)
        assert (vt.discipline_sanction, vt.confirmed) == ("moderate", False)
        assert vt.note
    for code in ("mengerahkan_pns", "fasilitas_negara", "surat_dukungan_ktp"):
        vt = violation_type_get(code=code)
        assert (vt.discipline_sanction, vt.confirmed) == ("heavy", True)
        assert "Ps. 14 huruf i" in vt.legal_basis


def test_filtering_by_routing_group() -> None:
    criminal = violation_type_list(violation_kind="criminal")

    assert [vt.code for vt in criminal] == ["pelibatan_asn_kampanye"]
    assert criminal[0].criminal_articles == ("pilkada_189",)
    assert violation_kind_get(code="criminal").forwarded_to.startswith("Polri")
    assert violation_kind_get(code="asn_neutrality").forwarded_to.startswith("BKN")


def test_unknown_violation_type_is_not_found_with_a_reason() -> None:
    with pytest.raises(NotFound, match="'tidak_ada' tidak dikenal") as caught:
        violation_type_get(code="tidak_ada")
    assert caught.value.status_code == 404


def test_ethics_and_discipline_sanctions_match_the_regulations() -> None:
    moral = sanction_get(code="moral")
    assert moral.tracks == ("ethics",)
    assert moral.legal_basis == "PP 42/2004 Ps. 15"
    assert {o.code for o in moral.options} == {"pernyataan_tertutup", "pernyataan_terbuka"}

    moderate = sanction_get(code="moderate")
    assert {(o.allowance_cut_percent, o.months) for o in moderate.options} == {
        (25, 6),
        (25, 9),
        (25, 12),
    }

    heavy = sanction_get(code="heavy")
    assert [(o.code, o.months) for o in heavy.options] == [
        ("penurunan_jabatan", 12),
        ("pembebasan_jabatan", 12),
        ("pemberhentian_dengan_hormat", None),
    ]
    with pytest.raises(NotFound):
        sanction_get(code=NO_SANCTION)
