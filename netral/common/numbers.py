"""Numbers as people read them in the active language: Indonesian ``1.234`` and ``55,78``,
English ``1,234`` and ``55.78``. Pages and maps use this (or the ``angka`` filter); files
meant for machines (CSV, JSON, XLSX, data attributes) keep plain numbers."""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import get_language


def number_text(value: int | float | Decimal | None, decimals: int | None = None) -> str:
    """``value`` with the active language's separators; ``decimals`` fixes the places (else
    an integer shows none and a fraction as many as it has); None is a dash."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        value = int(value)
    if isinstance(value, int) and not decimals:
        # Most numbers on a page are counts: grouped here, without the general formatter
        # (a dashboard shows about a thousand of them).
        separator = _thousands(get_language() or "")
        if separator is not None:
            return f"{value:,}".replace(",", separator)
    if decimals is not None:
        value = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    elif isinstance(value, float):
        value = Decimal(repr(value)).normalize() if value != int(value) else int(value)
    return formats.number_format(value, decimals, use_l10n=True, force_grouping=True)


@functools.cache
def _thousands(language: str) -> str | None:
    """The language's thousands separator when it groups by three (None: use the general
    formatter)."""
    if formats.get_format("NUMBER_GROUPING", language, use_l10n=True) != 3:
        return None
    return str(formats.get_format("THOUSAND_SEPARATOR", language, use_l10n=True))
