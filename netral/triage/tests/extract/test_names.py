"""Candidate pairs, agencies, positions and social-media addresses."""

from __future__ import annotations

import pytest

from netral.triage.tests.extract.helpers import found, one, span


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("paslon nomor urut 2", 2),
        ("paslon 01", 1),
        ("nomor 3", 3),
        ("pasangan calon nomor urut 1", 1),
        ("no. urut 2", 2),
        ("cabup no 4", 4),
    ],
)
def test_candidate_pairs(written: str, number: int) -> None:
    text = f"ASN itu ikut kampanye {written} kemarin"
    hit = one(text, "candidate_pair")
    assert (hit.start, hit.end) == span(text, written)
    assert hit.value == {"number": number}


def test_a_bare_ballot_number_after_a_campaign_verb() -> None:
    text = "pak camat kumpulin kades2 ... disuruh menangkan 01"
    hit = one(text, "candidate_pair")
    assert (hit.text, hit.value["number"]) == ("01", 1)
    positions = found(text, "position")
    assert [(p.text, p.value["name"], p.value["plural"]) for p in positions] == [
        ("camat", "camat", False),
        ("kades2", "kepala desa", True),
    ]


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("Dinas Pendidikan dan Kebudayaan Kabupaten Bogor", "dinas"),
        ("Kecamatan Cibinong", "kecamatan"),
        ("Kelurahan Margahayu", "kelurahan"),
        ("Puskesmas Bantar Gebang", "puskesmas"),
        ("Sekretariat Daerah Kota Bekasi", "sekretariat_daerah"),
        ("Pemkab Bogor", "pemerintah_daerah"),
        ("Pemkot Bekasi", "pemerintah_daerah"),
        ("Badan Kepegawaian Negara", "badan"),
        ("SMP Negeri 3 Bekasi", "sekolah"),
        ("Satpol PP", "satpol_pp"),
        ("kecamatan cibinong", "kecamatan"),
    ],
)
def test_agencies(written: str, kind: str) -> None:
    text = f"Dia bekerja di {written}, sejak lama."
    hit = one(text, "agency")
    assert (hit.start, hit.end) == span(text, written)
    assert hit.value == {"name": written, "type": kind}


def test_seed_sentence_with_three_agencies() -> None:
    # /work/shared/seeds/001
    text = (
        "Acara ini melibatkan Kementerian Dalam Negeri, Kementerian PAN RB dan Badan "
        "Kepegawaian Negara dengan fokus"
    )
    assert [a.text for a in found(text, "agency")] == [
        "Kementerian Dalam Negeri",
        "Kementerian PAN RB",
        "Badan Kepegawaian Negara",
    ]


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("kepala dinas", "kepala dinas"),
        ("Kadis", "kepala dinas"),
        ("camat", "camat"),
        ("lurah", "lurah"),
        ("kades", "kepala desa"),
        ("Sekda", "sekretaris daerah"),
        ("guru", "guru"),
        ("kepala sekolah", "kepala sekolah"),
        ("guru-guru", "guru"),
    ],
)
def test_positions(written: str, name: str) -> None:
    text = f"Seorang {written} terlihat di lokasi."
    hit = one(text, "position")
    assert (hit.start, hit.end) == span(text, written)
    assert hit.value["name"] == name


def test_a_position_and_its_agency_overlap() -> None:
    text = "Kepala Dinas Pendidikan Kota Bekasi hadir"
    assert one(text, "position").text == "Kepala Dinas"
    assert one(text, "agency").text == "Dinas Pendidikan Kota Bekasi"


def test_kecamatan_is_not_camat() -> None:
    assert found("kantor kecamatan", "position") == []


@pytest.mark.parametrize(
    ("url", "platform"),
    [
        ("https://www.facebook.com/share/p/1AbC/", "facebook"),
        ("https://web.facebook.com/groups/123/posts/456", "facebook"),
        ("https://www.instagram.com/p/C9xyz/", "instagram"),
        ("https://vt.tiktok.com/ZS2abc/", "tiktok"),
        ("https://www.tiktok.com/@asn/video/123", "tiktok"),
        ("https://x.com/akun/status/123", "x"),
        ("https://twitter.com/akun/status/123", "x"),
        ("https://youtu.be/dQw4w9WgXcQ", "youtube"),
        ("https://chat.whatsapp.com/AbCdEf", "whatsapp"),
        ("https://wa.me/6281234567890", "whatsapp"),
    ],
)
def test_social_media_addresses(url: str, platform: str) -> None:
    text = f"Buktinya (lihat {url})."
    hit = one(text, "url")
    assert hit.text == url and (hit.start, hit.end) == span(text, url)
    assert hit.value["platform"] == platform and hit.value["social_media"] is True


def test_seed_image_address_is_a_url_of_no_platform_and_no_date() -> None:
    # /work/shared/seeds/001
    text = "https://mediarjn.com/wp-content/uploads/2024/09/IMG-20240917-WA0167.jpg\nPendahuluan"
    hit = one(text, "url")
    assert hit.value["platform"] is None and hit.value["social_media"] is False
    assert [e for e in found(text, "date")] == [] and found(text, "nip") == []


def test_a_bare_platform_address() -> None:
    hit = one("cek instagram.com/p/C9xyz ya", "url")
    assert hit.value["url"] == "https://instagram.com/p/C9xyz"
