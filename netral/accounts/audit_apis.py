"""Audit endpoints: verifying the chain (administrators) and reading an object's history.

They live in accounts, not in audit: the trail is below accounts (accounts records into it),
and reading it over the API needs the accounts' authentication and permissions."""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

from netral.accounts.api_auth import staff_auth
from netral.accounts.models import User
from netral.accounts.permissions import NOT_ALLOWED, require
from netral.audit.models import AuditEntry
from netral.audit.selectors import audit_verify
from netral.common.apischemas import STAFF, Id, refusals
from netral.common.errors import PermissionDenied

router = Router(tags=["audit"], auth=staff_auth)


class VerifyOut(Schema):
    intact: bool
    entries: int
    first_broken_seq: int | None
    message: str


class EntryOut(Schema):
    seq: int
    at: datetime.datetime
    actor_label: str
    action: str
    object_type: str
    object_id: str
    before: Any
    after: Any
    reason: str
    hash: str


@router.get(
    "/verify",
    response={200: VerifyOut, **refusals(*STAFF, 403)},
    summary="Periksa keutuhan jejak audit",
)
def verify(request: HttpRequest) -> VerifyOut:
    assert isinstance(request.user, User)
    require(request.user, "audit.verify")
    problem = audit_verify()
    return VerifyOut(
        intact=problem is None,
        entries=AuditEntry.objects.count(),
        first_broken_seq=problem.seq if problem else None,
        message=problem.message if problem else "Jejak audit utuh.",
    )


@router.get(
    "/entries",
    response={200: list[EntryOut], **refusals(*STAFF, 403, 422)},
    summary="Entri audit terbaru",
)
def entries(
    request: HttpRequest,
    limit: Annotated[int, Field(ge=1, le=500)] = 100,
    before_seq: Id | None = None,
) -> list[AuditEntry]:
    """Newest first, at most 500 a page. Only national leadership and administrators."""
    assert isinstance(request.user, User)
    require(request.user, "audit.view")
    if not request.user.is_national:  # the trail spans every region
        raise PermissionDenied(NOT_ALLOWED)
    rows = AuditEntry.objects.order_by("-seq")
    if before_seq is not None:
        rows = rows.filter(seq__lt=before_seq)
    return list(rows[:limit])
