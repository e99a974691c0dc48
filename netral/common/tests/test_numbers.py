"""Numbers in the active language: Indonesian 1.234 and 55,78; English 1,234 and 55.78."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from netral.common.numbers import number_text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("id", ["55,78", "1.234", "1.234.567,5", "55,79", "0,5000", "12", "—"]),
        ("en", ["55.78", "1,234", "1,234,567.5", "55.79", "0.5000", "12", "—"]),
    ],
)
def test_number_text(language: str, expected: list[str]) -> None:
    with translation.override(language):
        shown = [
            number_text(55.78),
            number_text(1234),
            number_text(1234567.5),
            number_text(55.785, 2),
            number_text(0.5, 4),
            number_text(12.0),
            number_text(None),
        ]
    assert shown == expected


def test_angka_filter_passes_text_through() -> None:
    template = Template("{% load numbers %}{{ a|angka }} {{ b|angka:1 }} {{ c|angka }}")
    with translation.override("id"):
        assert template.render(Context({"a": 1234, "b": 55.78, "c": "<5"})) == "1.234 55,8 &lt;5"
    with translation.override("en"):
        assert template.render(Context({"a": 1234, "b": 55.78, "c": "x"})) == "1,234 55.8 x"
