"""Amounts of money as integer rupiah."""

from __future__ import annotations

import pytest

from netral.triage.tests.extract.helpers import found, one, span


@pytest.mark.parametrize(
    ("written", "amount"),
    [
        ("Rp6 juta", 6_000_000),
        ("Rp 600.000", 600_000),
        ("Rp. 1.500.000,00", 1_500_000),
        ("Rp 1,5 juta", 1_500_000),
        ("500rb", 500_000),
        ("50k", 50_000),
        ("2 jt", 2_000_000),
        ("enam ratus ribu rupiah", 600_000),
        ("dua juta lima ratus ribu rupiah", 2_500_000),
        ("seratus dua puluh lima ribu rupiah", 125_000),
        ("IDR 250.000", 250_000),
    ],
)
def test_amounts(written: str, amount: int) -> None:
    text = f"Warga diberi amplop isi {written} oleh pak lurah"
    hit = one(text, "money")
    assert (hit.start, hit.end) == span(text, written)
    assert hit.value == {"amount": amount, "currency": "IDR"}


def test_seed_sentence_with_the_fines() -> None:
    # /work/shared/seeds/000
    text = (
        "pidana penjara paling singkat satu bulan atau paling lama enam bulan dan/atau denda "
        "paling sedikit enam ratus ribu, atau paling banyak enam juta rupiah."
    )
    amounts = found(text, "money")
    assert [(m.text, m.value["amount"]) for m in amounts] == [
        ("enam ratus ribu", 600_000),
        ("enam juta rupiah", 6_000_000),
    ]


def test_numbers_that_are_not_money() -> None:
    text = "Ada 1.038 kasus, enam juta penduduk, lima sampai enam kali rapat, 30,4% di medsos."
    assert found(text, "money") == []
