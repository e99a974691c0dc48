"""``{% my_work_count as n %}``: how many things wait for the signed-in person (the menu's
count). Counted once per request; the home page, which lists them, passes its own total."""

from __future__ import annotations

from typing import Any

from django import template

from netral.accounts.models import User
from netral.accounts.my_work import my_work_total
from netral.common import clock

register = template.Library()

REQUEST_ATTR = "_netral_my_work_total"


@register.simple_tag(takes_context=True)
def my_work_count(context: dict[str, Any]) -> int:
    request = context.get("request")
    if request is None:
        return 0
    cached = getattr(request, REQUEST_ATTR, None)
    if isinstance(cached, int):
        return cached
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_active or not user.is_verified():
        return 0
    total = my_work_total(actor=user, now=clock.now())
    setattr(request, REQUEST_ATTR, total)
    return total
