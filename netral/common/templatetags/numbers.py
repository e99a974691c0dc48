"""``{{ value|angka }}`` and ``{{ value|angka:2 }}``: a number in the active language's format
(see ``netral.common.numbers``). Text such as ``"<5"`` passes through unchanged."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template

from netral.common.numbers import number_text

register = template.Library()


@register.filter
def angka(value: Any, decimals: int | str | None = None) -> str:
    if value is None:
        return "—"
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return number_text(value, None if decimals in (None, "") else int(decimals))
    return str(value)
