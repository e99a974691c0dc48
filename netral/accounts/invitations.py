"""Invitation links: set a password and enrol an authenticator, once, before they expire.

No table holds them. A link carries the account's id and a fingerprint of what the link
itself changes (the password hash, the confirmed authenticators, the last sign-in), signed
with a timestamp (``django.core.signing``). Once used, the fingerprint no longer matches, so
a link works once; after ``NETRAL_INVITATION_HOURS`` the signature has expired.

The same link serves the admin-assisted recovery: an administrator removes a lost
authenticator (``totp_device_reset``) and the person gets a fresh link by e-mail.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks import task

from netral.accounts.enrolment import totp_enrolment_confirm
from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.accounts.services import USER_NOT_FOUND, totp_device_reset
from netral.audit.models import AuditEntry
from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError, NotFound
from netral.common.links import site_url

SALT = "netral.accounts.invitation"
LINK_INVALID = "Tautan ini tidak sah atau sudah dipakai. Minta tautan baru kepada administrator."
LINK_EXPIRED = "Tautan ini sudah kedaluwarsa. Minta tautan baru kepada administrator."
NO_EMAIL = "Akun {username!r} tidak memiliki alamat e-mail untuk dikirimi tautan."
PASSWORDS_DIFFER = "Kedua kata sandi tidak sama."
CODE_WRONG = "Kode tidak cocok. Pastikan jam ponsel Anda tepat, lalu masukkan kode yang tampil."

SUBJECT = "Netral: aktifkan akun Anda"
BODY = (
    "Halo {name},\n\n"
    "{reason}\n"
    "Buka tautan ini untuk {what} dan memasang aplikasi autentikator:\n{url}\n\n"
    "Tautan hanya dapat dipakai sekali dan berlaku sampai {hours} jam sejak e-mail ini dikirim.\n"
    "Nama pengguna Anda: {username}\n"
    "Jika Anda tidak mengharapkan e-mail ini, abaikan saja dan beri tahu administrator.\n\n"
    "Netral — pengawasan netralitas ASN"
)
REASON_NEW = "Akun petugas Netral telah dibuat untuk Anda."
REASON_RECOVERY = "Administrator telah menghapus aplikasi autentikator lama Anda atas permintaan."
WHAT_NEW = "membuat kata sandi"
WHAT_RECOVERY = "masuk kembali"


def _hours() -> int:
    return int(getattr(settings, "NETRAL_INVITATION_HOURS", 72) or 72)


def _fingerprint(user: User) -> str:
    confirmed = sorted(
        TOTPDevice.objects.filter(user=user, confirmed=True).values_list("pk", flat=True)
    )
    last = user.last_login.isoformat() if user.last_login else ""
    # A newer recovery link retires the older ones, even unused.
    recovery = (
        AuditEntry.objects.filter(
            action="user.recovery_link", object_type=User._meta.label_lower, object_id=str(user.pk)
        )
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    text = f"{user.pk}|{user.password}|{confirmed}|{last}|{user.is_active}|{recovery}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class _Signer(signing.TimestampSigner):
    """A timestamp signer whose clock a test may set (``at``), so expiry needs no sleep."""

    def __init__(self, *, at: float | None = None) -> None:
        super().__init__(salt=SALT)
        self._at = at

    def timestamp(self) -> str:
        return signing.b62_encode(int(self._at if self._at is not None else time.time()))


def invitation_token_make(*, user: User, at: float | None = None) -> str:
    return _Signer(at=at).sign_object({"u": user.pk, "f": _fingerprint(user)})


def invitation_url(*, user: User, at: float | None = None) -> str:
    return site_url(
        "accounts:invitation", kwargs={"token": invitation_token_make(user=user, at=at)}
    )


def invitation_user(*, token: str) -> User:
    """The account a still-valid, unused link is for. ``ApplicationError`` otherwise, saying
    whether it expired or is invalid/used."""
    max_age = _hours() * 3600
    try:
        payload = _Signer().unsign_object(token[:500], max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ApplicationError(LINK_EXPIRED) from exc
    except (signing.BadSignature, ValueError) as exc:
        raise ApplicationError(LINK_INVALID) from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        raise ApplicationError(LINK_INVALID)
    user = User.objects.filter(pk=payload["u"], is_active=True).first()
    if user is None or payload.get("f") != _fingerprint(user):
        raise ApplicationError(LINK_INVALID)
    return user


def invitation_message(*, user: User, recovery: bool = False) -> EmailMessage:
    return EmailMessage(
        subject=SUBJECT,
        body=BODY.format(
            name=user.get_full_name() or user.username,
            reason=REASON_RECOVERY if recovery else REASON_NEW,
            what=WHAT_RECOVERY if recovery else WHAT_NEW,
            url=invitation_url(user=user),
            hours=_hours(),
            username=user.username,
        ),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
    )


@task()
def invitation_send(*, user_ids: list[int], recovery: bool = False) -> int:
    """Mail each account its link over one SMTP connection (a background task: an import of
    thousands of accounts does not wait for the mail server). Returns the mails sent."""
    users = User.objects.filter(pk__in=user_ids, is_active=True).exclude(email="").order_by("pk")
    with get_connection() as connection, translation.override("id"):
        messages = [invitation_message(user=user, recovery=recovery) for user in users]
        if not messages:
            return 0
        return connection.send_messages(messages) or 0


def invitation_send_on_commit(*, user_ids: list[int], recovery: bool = False) -> None:
    """After the transaction commits, queue the invitation mails."""
    transaction.on_commit(
        lambda: invitation_send.enqueue(user_ids=user_ids, recovery=recovery), robust=True
    )


@audited
def invitation_accept(
    *, token: str, password: str | None, password_again: str | None, otp_token: str
) -> tuple[User, TOTPDevice]:
    """Set the password (when the account has none yet) and confirm the pending
    authenticator, all or nothing. The link stops working with it."""
    user = invitation_user(token=token)
    User.objects.select_for_update().filter(pk=user.pk).first()
    needs_password = not user.has_usable_password()
    if needs_password:
        if not password or password != password_again:
            raise ApplicationError(PASSWORDS_DIFFER, field="password_again")
        try:
            validate_password(password, user)
        except ValidationError as exc:
            raise ApplicationError(" ".join(exc.messages), field="password") from exc
    device = totp_enrolment_confirm(user=user, token=otp_token)
    if device is None:
        raise ApplicationError(CODE_WRONG, field="otp_token")
    if needs_password:
        assert password is not None
        user.set_password(password)
        user.save(update_fields=["password"])
    audit_record(actor=user, action="user.invitation_accept", obj=user)
    return user, device


@dataclass(frozen=True)
class Recovery:
    user: User
    url_sent_to: str


@audited
def totp_recovery_start(*, actor: User, user_id: int) -> Recovery:
    """A staff member lost their authenticator: remove it (audited by ``totp_device_reset``)
    and mail them a fresh one-time enrolment link (audited here)."""
    require(actor, "user.manage")
    user = User.objects.select_for_update(of=("self",)).filter(pk=user_id).first()
    if user is None:
        raise NotFound(USER_NOT_FOUND)
    if not user.email:
        raise ApplicationError(NO_EMAIL, params={"username": user.username})
    totp_device_reset(actor=actor, user_id=user.pk)
    audit_record(actor=actor, action="user.recovery_link", obj=user, after={"to": user.email})
    invitation_send_on_commit(user_ids=[user.pk], recovery=True)
    return Recovery(user=user, url_sent_to=user.email)
