"""``{% my_work_count as n %}``: the menu's count when the page already has it (the home page
lists the work and passes its total), else None: the menu then fetches it with htmx after the
page has loaded (``accounts:my_work_count``), so other staff pages pay nothing for it."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

REQUEST_ATTR = "_netral_my_work_total"


@register.simple_tag(takes_context=True)
def my_work_count(context: dict[str, Any]) -> int | None:
    request = context.get("request")
    cached = getattr(request, REQUEST_ATTR, None)
    return cached if isinstance(cached, int) else None
