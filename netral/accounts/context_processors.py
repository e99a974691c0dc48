"""Template context: what the signed-in user may do, so menus show only reachable pages."""

from __future__ import annotations

from django.http import HttpRequest

from netral.accounts.permissions import CAPABILITIES, has_capability


def capabilities(request: HttpRequest) -> dict[str, frozenset[str]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"caps": frozenset()}
    return {"caps": frozenset(c for c in CAPABILITIES if has_capability(user, c))}
