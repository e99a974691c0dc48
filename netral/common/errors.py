"""Domain errors shared by every app.

Services raise these; the API maps them to JSON with a reason and the views to pages.
``NotFound`` is used both for missing objects and for objects outside the actor's
jurisdiction, so that outsiders cannot probe what exists.

Messages are Indonesian constants (the source language). ``message`` translates them into the
language of the request that shows them (pages and API alike), so a service need not know who
reads its error; values go in ``params`` (``ApplicationError(NOT_NOW, params={"status": s})``)
so the template, not the filled-in text, is what gets translated.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.translation import gettext


class TranslatedError(Exception):
    """An error whose ``message`` is in the reader's language: the Indonesian template
    translated where it is read, ``params`` filled in after. ``str()`` is the Indonesian
    text (logs)."""

    def __init__(
        self,
        message: str,
        *,
        field: str | None = None,
        params: Mapping[str, object] | None = None,
    ) -> None:
        self.template = str(message)
        self.params = dict(params or {})
        super().__init__(self.template.format(**self.params) if self.params else self.template)
        self.field = field

    @property
    def message(self) -> str:
        """The message in the active language (the request's), values filled in."""
        text = gettext(self.template) if self.template else self.template
        return text.format(**self.params) if self.params else text


class ApplicationError(TranslatedError):
    """A request that breaks a business rule (HTTP 400/409)."""

    status_code = 400


class NotFound(ApplicationError):
    status_code = 404


class PermissionDenied(ApplicationError):
    status_code = 403


class Conflict(ApplicationError):
    status_code = 409
