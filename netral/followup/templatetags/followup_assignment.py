"""``{% recommendation_assignment rec %}``: who handles the recommendation, and the
assignment actions the signed-in desk member may take (``followup.assignment``)."""

from __future__ import annotations

from typing import Any

from django import template

from netral.accounts.models import User
from netral.followup.assignment import desk_colleagues, recommendation_assignment_actions
from netral.followup.models import Recommendation

register = template.Library()


@register.inclusion_tag("followup/_assignment.html", takes_context=True)
def recommendation_assignment(context: dict[str, Any], rec: Recommendation) -> dict[str, Any]:
    request = context.get("request")
    user = getattr(request, "user", None)
    actions: list[str] = []
    colleagues: list[User] = []
    if isinstance(user, User):
        actions = recommendation_assignment_actions(actor=user, rec=rec)
        if "assign" in actions:
            colleagues = list(desk_colleagues(actor=user))
    return {
        "rec": rec,
        "assignee": rec.assignee,
        "actions": actions,
        "colleagues": colleagues,
        "csrf_token": context.get("csrf_token"),
    }
