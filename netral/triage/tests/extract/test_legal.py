"""Legal references: articles with paragraph, letter and act; acts on their own."""

from __future__ import annotations

import pytest

from netral.triage.tests.extract.helpers import found, one, span


@pytest.mark.parametrize(
    ("written", "value"),
    [
        (
            "Pasal 71 ayat (1) UU 10/2016",
            {
                "article": "71",
                "paragraph": "1",
                "letter": None,
                "act": {"type": "UU", "number": "10", "year": 2016},
            },
        ),
        ("pasal 70 ayat 1", {"article": "70", "paragraph": "1", "letter": None, "act": None}),
        ("Ps. 188", {"article": "188", "paragraph": None, "letter": None, "act": None}),
        (
            "Pasal 9 ayat (2) huruf b UU Nomor 20 Tahun 2023",
            {
                "article": "9",
                "paragraph": "2",
                "letter": "b",
                "act": {"type": "UU", "number": "20", "year": 2023},
            },
        ),
        ("UU Nomor 20 Tahun 2023", {"act": {"type": "UU", "number": "20", "year": 2023}}),
        ("PP 94/2021", {"act": {"type": "PP", "number": "94", "year": 2021}}),
        (
            "Undang-Undang No. 7 Tahun 2017",
            {"act": {"type": "UU", "number": "7", "year": 2017}},
        ),
    ],
)
def test_references(written: str, value: dict[str, object]) -> None:
    text = f"Perbuatan itu melanggar {written}, kata Bawaslu."
    hit = one(text, "legal_ref")
    assert (hit.start, hit.end) == span(text, written)
    assert hit.valid and hit.value == value


def test_seed_sentence_with_two_articles() -> None:
    # /work/shared/seeds/000
    text = (
        "Jika melanggar, akan dijerat dengan pasal 70 ayat (1) dan Pasal 71 ayat (1) "
        "Undang-Undang Pemilihan."
    )
    refs = found(text, "legal_ref")
    assert [r.text for r in refs] == [
        "pasal 70 ayat (1)",
        "Pasal 71 ayat (1) Undang-Undang Pemilihan",
    ]
    assert refs[1].value["act"] == {"type": "UU", "name": "Pemilihan"}


def test_seed_sentence_with_two_acts() -> None:
    # /work/shared/seeds/004
    text = "Jelas sudah diatur dalam UU 1 tahun 2015 pengganti UU 1 tahun 2014 bahwa ASN"
    refs = found(text, "legal_ref")
    assert [(r.text, r.value["act"]["year"]) for r in refs] == [
        ("UU 1 tahun 2015", 2015),
        ("UU 1 tahun 2014", 2014),
    ]


def test_an_act_from_the_future_is_flagged() -> None:
    hit = one("UU 10/2099", "legal_ref")
    assert not hit.valid and hit.reason == "Tahun peraturan ini tidak mungkin: 2099."


def test_the_act_number_is_no_candidate_pair_or_date() -> None:
    text = "UU Nomor 20 Tahun 2023 dan UU 10/2016"
    assert found(text, "candidate_pair") == [] and found(text, "date") == []
