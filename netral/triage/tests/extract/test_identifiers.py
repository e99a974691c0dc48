"""NIP and NIK in free text: found with their spans, valid ones decoded, invalid ones flagged
with the same reasons intake gives."""

from __future__ import annotations

import pytest

from netral.common.identifiers import (
    NIK_INVALID_BIRTH,
    NIK_INVALID_LENGTH,
    NIK_INVALID_REGION,
    NIP_INVALID_APPOINTMENT,
    NIP_INVALID_BIRTH,
    NIP_INVALID_LENGTH,
    NIP_INVALID_SEQUENCE,
    NIP_INVALID_SEX,
)
from netral.triage.tests.extract.helpers import found, one, span


@pytest.mark.parametrize(
    "written", ["198503172010011004", "19850317 201001 1 004", "19850317.201001.1.004"]
)
def test_a_valid_nip_is_decoded_however_it_is_grouped(written: str) -> None:
    text = f"Terlapor Budi (NIP {written}) datang ke lokasi."
    nip = one(text, "nip")
    assert (nip.start, nip.end) == span(text, written)
    assert nip.valid and nip.reason is None
    assert nip.value == {
        "nip": "198503172010011004",
        "birth_date": "1985-03-17",
        "appointment": "2010-01",
        "sex": "L",
        "sequence": 4,
    }


def test_a_woman_s_nip() -> None:
    assert one("nip: 199001012015032002", "nip").value["sex"] == "P"


@pytest.mark.parametrize(
    ("nip", "reason"),
    [
        ("198502302010011004", NIP_INVALID_BIRTH),  # 30 February
        ("198503172010131004", NIP_INVALID_APPOINTMENT),  # month 13
        ("198503171995011004", NIP_INVALID_APPOINTMENT),  # appointed at 9
        ("198503172010013004", NIP_INVALID_SEX),
        ("198503172010011000", NIP_INVALID_SEQUENCE),
    ],
)
def test_an_invalid_nip_is_flagged_with_its_reason(nip: str, reason: str) -> None:
    text = f"ASN tersebut ber-NIP {nip}."
    hit = one(text, "nip")
    assert not hit.valid
    assert hit.reason == reason
    assert (hit.start, hit.end) == span(text, nip)
    assert hit.value == {"digits": nip}


def test_a_number_after_the_word_nip_with_the_wrong_length() -> None:
    text = "NIP 1985031720100110 (kurang dua angka)"
    hit = one(text, "nip")
    assert (hit.valid, hit.reason, hit.text) == (False, NIP_INVALID_LENGTH, "1985031720100110")


def test_a_valid_nik_is_decoded() -> None:
    text = "NIK pelapor 3275 0157 0390 0001, alamat Bekasi"
    nik = one(text, "nik")
    assert nik.text == "3275 0157 0390 0001"
    assert nik.valid
    assert nik.value["birth_date"] == "1990-03-17"
    assert nik.value["sex"] == "P"  # day 57 = 17 + 40
    assert nik.value["regency_code"] == "32.75"


@pytest.mark.parametrize(
    ("nik", "reason"),
    [
        ("3275013203900001", NIK_INVALID_BIRTH),  # day 32
        ("9975015703900001", NIK_INVALID_REGION),  # no province 99
        ("3299015703900001", NIK_INVALID_REGION),  # no regency 32.99
    ],
)
def test_an_invalid_nik_is_flagged(nik: str, reason: str) -> None:
    hit = one(f"nik {nik}", "nik")
    assert (hit.valid, hit.reason) == (False, reason)


def test_a_short_number_after_nik() -> None:
    hit = one("NIK: 327501570390001", "nik")
    assert (hit.valid, hit.reason) == (False, NIK_INVALID_LENGTH)


def test_amounts_phone_numbers_and_codes_glued_to_words_are_no_identifiers() -> None:
    text = "Rp 600.000.000.000.000.000, telepon 081234567890, kode A198503172010011004"
    assert found(text, "nip") == [] and found(text, "nik") == []
