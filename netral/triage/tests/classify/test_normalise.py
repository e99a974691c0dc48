"""Indonesian normalisation (issue #12 item 2): slang and abbreviations from the data file,
reduplication, Sastrawi stems."""

from __future__ import annotations

import pytest

from netral.triage.classify.normalise import slang_table, stem, tokenise


def norms(text: str) -> list[str]:
    return [t.norm for t in tokenise(text)]


def test_the_issues_slang_sentence_is_standard_indonesian() -> None:
    assert norms("Pak camat kumpulin kades2 yg ga mau, dgn medsos paslon nyoblos") == [
        "bapak", "camat", "kumpulkan", "kepala", "desa", "yang", "tidak", "mau", "dengan",
        "media", "sosial", "pasangan", "calon", "mencoblos",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("written", "standard"),
    [
        ("tdk", ["tidak"]),
        ("gk", ["tidak"]),
        ("nggak", ["tidak"]),
        ("sdh", ["sudah"]),
        ("utk", ["untuk"]),
        ("krn", ["karena"]),
        ("dll", ["dan", "lain", "lain"]),
        ("bacalon", ["bakal", "calon"]),
        ("mobdin", ["mobil", "dinas"]),
    ],
)
def test_abbreviations(written: str, standard: list[str]) -> None:
    assert norms(written) == standard


def test_reduplication_digit_is_undone_but_numbers_stay() -> None:
    assert norms("bagi2 teriak2 01 2") == ["bagi", "teriak", "01", "2"]
    # The word as written is kept for the explanation.
    assert [t.surface for t in tokenise("kades2")] == ["kades2", "kades2"]


def test_stems_come_from_sastrawi_and_numbers_are_one_feature() -> None:
    assert [t.stem for t in tokenise("memasang mengumpulkan kepengurusan dipersulit 02")] == [
        "pasang", "kumpul", "urus", "sulit", "#",
    ]  # fmt: skip


def test_pasangan_is_not_merged_with_the_verb_pasang() -> None:
    assert stem("pasangan") == "pasangan"
    assert stem("memasang") == "pasang"


def test_the_slang_table_is_data_with_no_blank_words() -> None:
    table = slang_table()
    assert len(table) >= 100
    assert all(word and word == word.lower() and " " not in word for word in table)


def test_text_is_folded_before_reading() -> None:
    fullwidth = "\uff30\uff21\uff33\uff2c\uff2f\uff2e"  # "PASLON" in full-width letters
    assert norms(fullwidth + "   No.2!!") == ["pasangan", "calon", "no", "2"]
