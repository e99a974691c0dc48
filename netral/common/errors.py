"""Domain errors shared by every app.

Services raise these; the API maps them to JSON with a reason and the views to pages.
``NotFound`` is used both for missing objects and for objects outside the actor's
jurisdiction, so that outsiders cannot probe what exists.
"""

from __future__ import annotations


class ApplicationError(Exception):
    """A request that breaks a business rule (HTTP 400/409)."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(ApplicationError):
    status_code = 404


class PermissionDenied(ApplicationError):
    status_code = 403


class Conflict(ApplicationError):
    status_code = 409
