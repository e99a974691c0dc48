"""Hostile input is bounded: the longest accepted text of shapes that would make a
backtracking pattern explode finishes (no timing assert: it only has to complete), spans
stay exact, and a longer text is refused with a reason."""

from __future__ import annotations

import pytest

from netral.common.errors import ApplicationError
from netral.triage.extract import MAX_TEXT, extract
from netral.triage.tests.extract.helpers import REF

ADVERSARIAL = [
    "1 " * (MAX_TEXT // 2),  # groups of digits that never make 16 or 18
    "1." * (MAX_TEXT // 2),  # thousands separators without end
    "9" * MAX_TEXT,  # one enormous number (int() of it would be refused by Python)
    ("Pasal 1 ayat (" * (MAX_TEXT // 14))[:MAX_TEXT],  # articles that never close
    ("Dinas Pendidikan dan " * (MAX_TEXT // 21))[:MAX_TEXT],
    ("enam ratus " * (MAX_TEXT // 11))[:MAX_TEXT],
    ("https://x.com/" + "a" * MAX_TEXT)[:MAX_TEXT],
    ("17/" * (MAX_TEXT // 3))[:MAX_TEXT],
    ("paslon nomor urut " * (MAX_TEXT // 18))[:MAX_TEXT],
    ("Rp" * (MAX_TEXT // 2))[:MAX_TEXT],
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_adversarial_text_of_the_maximum_length_finishes(text: str) -> None:
    assert len(text) <= MAX_TEXT
    for e in extract(text, reference_date=REF):
        assert text[e.start : e.end] == e.text


def test_a_longer_text_is_refused_with_the_limit() -> None:
    with pytest.raises(ApplicationError) as refused:
        extract("a" * (MAX_TEXT + 1), reference_date=REF)
    assert refused.value.message == f"Teks terlalu panjang: paling banyak {MAX_TEXT} karakter."
    assert refused.value.field == "text"
