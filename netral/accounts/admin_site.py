"""The back office behind the same two factors as the staff workspace.

Django's own admin signs in with a password alone. Here the admin has no login form of its
own: it sends visitors to the staff sign-in (password + authenticator code, throttled by
axes) and lets in only sessions that passed the second factor (``is_verified``) and belong to
an active administrator.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.admin import OTPAdminSite


class NetralAdminSite(OTPAdminSite):
    """``OTPAdminSite`` (staff *and* OTP-verified) whose login is the staff sign-in page."""

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def login(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        user = request.user
        if user.is_authenticated and getattr(user, "is_verified", lambda: False)():
            if self.has_permission(request):
                return HttpResponseRedirect(reverse("admin:index", current_app=self.name))
            # Signed in with both factors but not an administrator: no second chance here.
            raise PermissionDenied
        target = request.GET.get("next") or reverse("admin:index", current_app=self.name)
        return HttpResponseRedirect(f"{reverse('accounts:login')}?{urlencode({'next': target})}")
