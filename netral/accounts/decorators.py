"""View guards: signed in with both factors, and holding the capability."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from netral.accounts.models import User
from netral.accounts.permissions import has_capability
from netral.common.errors import PermissionDenied

View = Callable[..., HttpResponse]

NOT_STAFF = "Halaman ini hanya untuk petugas yang masuk."


def staff_required(capability: str) -> Callable[[View], View]:
    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not (user.is_authenticated and user.is_verified()):  # type: ignore[attr-defined]
                return redirect_to_login(request.get_full_path())
            if not has_capability(user, capability):
                return render(request, "403.html", status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def request_staff(request: HttpRequest) -> User:
    """The signed-in staff member of a request that ``staff_required`` (or the API's token
    auth) let through. Anything else is refused (403) rather than trusted: the check stays
    when Python runs without asserts."""
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        raise PermissionDenied(NOT_STAFF)
    return user
