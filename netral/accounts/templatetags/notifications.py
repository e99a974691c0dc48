"""``{% unread_notifications as count %}``: the signed-in person's unread notification count,
for the menu (one COUNT query, only on pages that show it)."""

from __future__ import annotations

from typing import Any

from django import template

from netral.accounts.models import User
from netral.accounts.notifications import notification_unread_count

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context: dict[str, Any]) -> int:
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not user.is_active:
        return 0
    return notification_unread_count(user=user)
