"""Number formats of the IKP method page: fixed decimals, so the page and a hand calculation
compare digit for digit. ``num2``/``num4`` are for people (the active language's separators:
``55,78`` in Indonesian, ``55.78`` in English); ``dot2``/``dot4`` for data attributes and
machines (always a dot)."""

from __future__ import annotations

from django import template

from netral.common.numbers import number_text

register = template.Library()


@register.filter
def num2(value: float | None) -> str:
    return "" if value is None else number_text(value, 2)


@register.filter
def num4(value: float | None) -> str:
    return "" if value is None else number_text(value, 4)


@register.filter
def dot2(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@register.filter
def dot4(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"
