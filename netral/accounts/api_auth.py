"""API authentication: personal bearer tokens, or a verified (password + TOTP) session."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from netral.accounts.models import User
from netral.accounts.services import api_token_authenticate


class BearerToken(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        user = api_token_authenticate(raw=token)
        if user is not None:
            request.user = user
        return user


class VerifiedSession(SessionAuth):
    """A browser session that passed both factors (htmx calls from the staff workspace).

    A request that brings a bearer token, or has no verified session, is not a browser
    session: it is refused as unauthenticated (401) without the session's CSRF check, which
    would otherwise answer a revoked token on POST with 403 "CSRF check Failed".
    """

    def __call__(self, request: HttpRequest) -> Any:
        if "HTTP_AUTHORIZATION" in request.META or not _verified(request):
            return None
        return super().__call__(request)

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        return request.user if _verified(request) else None


def _verified(request: HttpRequest) -> bool:
    user = getattr(request, "user", None)
    return bool(
        user is not None and user.is_authenticated and getattr(user, "is_verified", lambda: False)()
    )


staff_auth = [BearerToken(), VerifiedSession()]
