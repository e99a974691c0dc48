"""Account endpoints for signed-in staff and their scripts: who am I, my API tokens."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.accounts.models import ApiToken
from netral.accounts.permissions import CAPABILITIES, has_capability
from netral.accounts.services import api_token_create, api_token_revoke
from netral.common.apischemas import STAFF, WITH_BODY, Id, refusals

router = Router(tags=["accounts"], auth=staff_auth)


class MeOut(Schema):
    username: str
    name: str
    role: str
    jurisdiction: str | None
    office_level: str
    capabilities: list[str]


class TokenIn(Schema):
    name: str


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    revoked_at: datetime.datetime | None


class IssuedTokenOut(TokenOut):
    token: str


@router.get("/me", response={200: MeOut, **refusals(*STAFF)}, summary="Akun yang sedang dipakai")
def me(request: HttpRequest) -> MeOut:
    user = request_staff(request)
    return MeOut(
        username=user.username,
        name=str(user),
        role=user.role,
        jurisdiction=user.jurisdiction_id,
        office_level=user.office_level,
        capabilities=sorted(c for c in CAPABILITIES if has_capability(user, c)),
    )


@router.get("/tokens", response={200: list[TokenOut], **refusals(*STAFF)}, summary="Token API saya")
def list_tokens(request: HttpRequest) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=request_staff(request)))


@router.post(
    "/tokens",
    response={201: IssuedTokenOut, **refusals(*STAFF, *WITH_BODY)},
    summary="Buat token API (tampil sekali)",
)
def create_token(request: HttpRequest, payload: TokenIn) -> Status[IssuedTokenOut]:
    user = request_staff(request)
    issued = api_token_create(actor=user, owner=user, name=payload.name)
    token = issued.token
    return Status(
        201,
        IssuedTokenOut(
            id=token.pk,
            name=token.name,
            prefix=token.prefix,
            created_at=token.created_at,
            last_used_at=token.last_used_at,
            expires_at=token.expires_at,
            revoked_at=token.revoked_at,
            token=issued.raw,
        ),
    )


@router.delete(
    "/tokens/{token_id}",
    response={200: TokenOut, **refusals(*STAFF, 404, 422)},
    summary="Cabut token API",
)
def revoke_token(request: HttpRequest, token_id: Id) -> ApiToken:
    return api_token_revoke(actor=request_staff(request), token_id=token_id)
