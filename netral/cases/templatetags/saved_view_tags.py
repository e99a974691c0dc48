"""The inbox's saved-views block (``cases/_saved_views.html``): the viewer's views and those
shared in their office, the one in use marked, and the filters in use to save."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template

from netral.accounts.models import SavedView, User
from netral.accounts.saved_views import saved_view_list
from netral.cases.saved_view_views import LIST_NAME, inbox_query

register = template.Library()


@dataclass(frozen=True)
class SavedViewsPanel:
    views: list[SavedView]
    current: str  # the filters in use, as a saved view stores them
    active_id: int | None


@register.simple_tag(takes_context=True)
def inbox_saved_views(context: dict[str, Any]) -> SavedViewsPanel | None:
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is None or not isinstance(user, User):
        return None
    current = inbox_query(request.GET.urlencode())
    views = list(saved_view_list(actor=user, list_name=LIST_NAME))
    active = next((v.pk for v in views if v.query == current and current), None)
    return SavedViewsPanel(views=views, current=current, active_id=active)
