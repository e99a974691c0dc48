"""Template context: what the signed-in user may do, so menus show only reachable pages."""

from __future__ import annotations

from django.http import HttpRequest

from netral.accounts.permissions import CAPABILITIES, has_capability


def capabilities(request: HttpRequest) -> dict[str, frozenset[str]]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"caps": frozenset()}
    # A page rendered in parts (the dashboard's fragments) asks once per part: computed once
    # per request and user.
    known = getattr(request, "_netral_caps", None)
    if known is not None and known[0] is user:
        return {"caps": known[1]}
    caps = frozenset(c for c in CAPABILITIES if has_capability(user, c))
    request._netral_caps = (user, caps)  # type: ignore[attr-defined]
    return {"caps": caps}
