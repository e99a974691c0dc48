"""Invisible and direction-changing characters are removed from untrusted text."""

from __future__ import annotations

from netral.common.text import clean_name, clean_text


def test_name_loses_bidi_overrides_and_zero_width_characters() -> None:
    assert clean_name("Budi\u202e odraH\u202c") == "Budi odraH"
    assert clean_name("Bu\u200bdi\u200d Har\ufeffdo\u2066") == "Budi Hardo"
    assert clean_name("\u200f\u061cSiti\u2068") == "Siti"


def test_name_is_one_line_with_single_spaces() -> None:
    assert clean_name("  Siti\n\tAminah\r\n  ") == "Siti Aminah"
    assert clean_name("Siti\u2028Aminah\x00") == "Siti Aminah"


def test_name_keeps_letters_of_every_script_in_composed_form() -> None:
    assert clean_name("Nguye\u0302\u0303n") == "Nguy\u1ec5n"
    assert clean_name("Ahmad \u0639\u0644\u064a") == "Ahmad \u0639\u0644\u064a"


def test_free_text_keeps_line_breaks_but_not_invisible_characters() -> None:
    assert clean_text("baris satu\u202e\nbaris\u200b dua") == "baris satu\nbaris dua"


def test_a_lone_surrogate_does_not_break_the_cleaner() -> None:
    assert clean_name("a\ud800\u200bb") == "a\ud800b"


def test_cleaning_is_linear_on_long_hostile_input() -> None:
    hostile = "\u202e\u200b" * 200_000 + "x"
    assert clean_name(hostile) == "x"
    assert clean_text(hostile) == "x"
