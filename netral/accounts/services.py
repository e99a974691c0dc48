"""Writes for accounts: staff users, TOTP devices and personal API tokens."""

from __future__ import annotations

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import ROLES_NEEDING_REGION, ApiToken, Role, User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError, NotFound
from netral.common.text import clean_name
from netral.regions.models import Region

TOKEN_PREFIX = "ntl_"  # noqa: S105 - a public prefix, not a secret
ROLE_NEEDS_REGION = "Peran {role} harus memiliki wilayah kerja."
USERNAME_TAKEN = "Nama pengguna {username!r} sudah dipakai."
TOKEN_NOT_FOUND = "Token tidak ditemukan."  # noqa: S105 - a message
UNKNOWN_ROLE = "Peran tidak dikenal: {role!r}."
UNKNOWN_FIELDS = "Kolom akun tidak dapat diubah di sini: {fields}."
USER_NOT_FOUND = "Akun tidak ditemukan."
NOT_YOURSELF = "Anda tidak dapat mencabut peran administrator atau menonaktifkan akun sendiri."


def token_digest(raw: str) -> str:
    """SHA-256 of a token. Tokens carry 256 random bits, so a fast hash is enough: there is
    nothing to brute-force, unlike a password."""
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


@audited
def user_create(
    *,
    actor: User | None,
    username: str,
    password: str,
    role: str,
    jurisdiction: Region | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    office_name: str = "",
) -> User:
    """Create a staff account. ``actor`` None means a trusted command (set-up, demo)."""
    if actor is not None:
        require(actor, "user.manage")
    user_role_validate(role=role, jurisdiction=jurisdiction)
    if User.objects.filter(username=username).exists():
        raise ApplicationError(USERNAME_TAKEN, params={"username": username}, field="username")
    user = User(
        username=username,
        role=role,
        jurisdiction=jurisdiction,
        first_name=clean_name(first_name),
        last_name=clean_name(last_name),
        email=email,
        office_name=clean_name(office_name),
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise ApplicationError(" ".join(exc.messages), field="password") from exc
    user.set_password(password)
    user.save()
    audit_record(
        actor=actor,
        action="user.create",
        obj=user,
        after={"username": username, "role": role, "jurisdiction": user.jurisdiction_id},
    )
    return user


def user_role_validate(*, role: str, jurisdiction: Region | None) -> None:
    """The rules every account obeys, however it is created or changed."""
    if role not in Role.values:
        raise ApplicationError(UNKNOWN_ROLE, params={"role": role}, field="role")
    if role in ROLES_NEEDING_REGION and jurisdiction is None:
        raise ApplicationError(ROLE_NEEDS_REGION, params={"role": Role(role).label}, field="role")


# What an account change may touch; staff and superuser flags follow the role.
USER_FIELDS = (
    "role",
    "jurisdiction",
    "is_active",
    "first_name",
    "last_name",
    "email",
    "office_name",
)


@audited
def user_update(*, actor: User, user_id: int, **changes: object) -> User:
    """Change an account's role, jurisdiction, activity or contact details (administrators).

    Only the fields in ``USER_FIELDS`` may be given. The back-office flags follow the role, so
    a non-administrator can never be made staff or superuser by hand. The audit entry names
    the changed fields with their old and new values.
    """
    require(actor, "user.manage")
    unknown = set(changes) - set(USER_FIELDS)
    if unknown:
        raise ApplicationError(UNKNOWN_FIELDS, params={"fields": ", ".join(sorted(unknown))})
    user = User.objects.select_for_update(of=("self",)).filter(pk=user_id).first()
    if user is None:
        raise NotFound(USER_NOT_FOUND)
    for name in ("first_name", "last_name", "office_name"):
        if name in changes:
            changes[name] = clean_name(str(changes[name] or ""))
    role = str(changes.get("role", user.role))
    jurisdiction = changes.get("jurisdiction", user.jurisdiction)
    assert jurisdiction is None or isinstance(jurisdiction, Region)
    user_role_validate(role=role, jurisdiction=jurisdiction)
    if user.pk == actor.pk and (role != Role.ADMIN or changes.get("is_active") is False):
        raise ApplicationError(NOT_YOURSELF, field="role")
    changes["is_staff"] = changes["is_superuser"] = role == Role.ADMIN
    before: dict[str, object] = {}
    after: dict[str, object] = {}
    for name, value in changes.items():
        old = getattr(user, name)
        if old != value:
            label = "jurisdiction" if name == "jurisdiction" else name
            before[label] = old.pk if isinstance(old, Region) else old
            after[label] = value.pk if isinstance(value, Region) else value
            setattr(user, name, value)
    if not after:
        return user
    user.save(update_fields=list(after))
    audit_record(actor=actor, action="user.change", obj=user, before=before, after=after)
    return user


@audited
def user_password_set(*, actor: User, user_id: int, password: str | None) -> User:
    """Set (or, with ``None``, disable) an account's password after the password rules.
    The audit entry records that it changed, never the password or its hash."""
    require(actor, "user.manage")
    user = User.objects.select_for_update(of=("self",)).filter(pk=user_id).first()
    if user is None:
        raise NotFound(USER_NOT_FOUND)
    if password is None:
        user.set_unusable_password()
    else:
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages), field="password") from exc
        user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(
        actor=actor,
        action="user.password_set",
        obj=user,
        after={"usable": password is not None},
    )
    return user


@audited
def totp_device_reset(*, actor: User, user_id: int) -> None:
    """Remove an account's authenticator: its owner enrols a new one at the next sign-in."""
    require(actor, "user.manage")
    user = User.objects.select_for_update(of=("self",)).filter(pk=user_id).first()
    if user is None:
        raise NotFound(USER_NOT_FOUND)
    deleted, _ = TOTPDevice.objects.filter(user=user).delete()
    if deleted:
        audit_record(actor=actor, action="user.totp_reset", obj=user)


@audited
def totp_device_create(*, user: User, key: str | None = None) -> TOTPDevice:
    """Give ``user`` a confirmed TOTP device (replacing any other). ``key`` is hex; random
    when omitted. The caller shows the secret to its owner once."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice(user=user, name="Authenticator", confirmed=True)
    if key is not None:
        device.key = key
    device.save()
    audit_record(actor=None, action="user.totp_enrol", obj=user)
    return device


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    raw: str  # shown once, never stored


@audited
def api_token_create(*, actor: User, owner: User, name: str) -> IssuedToken:
    if actor.pk != owner.pk:
        require(actor, "user.manage")
    else:
        require(actor, "apitoken.manage_own")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    days = int(getattr(settings, "NETRAL_TOKEN_DAYS", 90) or 0)
    token = ApiToken.objects.create(
        user=owner,
        name=name[:100] or "token",
        prefix=raw[:12],
        digest=token_digest(raw),
        # 0 days: no expiry (an operator's choice, not the default).
        expires_at=timezone.now() + datetime.timedelta(days=days) if days > 0 else None,
    )
    audit_record(actor=actor, action="apitoken.create", obj=token, after={"owner": owner.pk})
    return IssuedToken(token=token, raw=raw)


@audited
def api_token_revoke(*, actor: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id).first()
    if token is None or (token.user_id != actor.pk and actor.role != Role.ADMIN):
        raise NotFound(TOKEN_NOT_FOUND)
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_record(actor=actor, action="apitoken.revoke", obj=token)
    return token


def api_token_authenticate(*, raw: str) -> User | None:
    """The active owner of a usable token, or None. Records the last use (at most once a
    minute, to keep reads cheap)."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    token = (
        ApiToken.objects.select_related("user", "user__jurisdiction")
        .filter(digest=token_digest(raw))
        .first()
    )
    if token is None or not token.is_usable or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
