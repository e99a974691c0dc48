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
    """A browser session that passed both factors (htmx calls from the staff workspace)."""

    def authenticate(self, request: HttpRequest, key: str | None) -> Any:
        user = request.user
        if user.is_authenticated and getattr(user, "is_verified", lambda: False)():
            return user
        return None


staff_auth = [BearerToken(), VerifiedSession()]
