"""Number formats of the IKP method page: fixed decimals with a dot, the same in every
language, so the page, the exports and a hand calculation compare digit for digit."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def num2(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


@register.filter
def num4(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"
