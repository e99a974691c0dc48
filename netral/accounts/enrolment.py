"""First-time TOTP enrolment: a staff member with a right password but no authenticator yet.

The login view starts an enrolment (an unconfirmed device with a fresh secret) and the
enrolment page confirms it once the member types a code from the new authenticator. Only an
account with no confirmed device may enrol this way: replacing an existing device needs an
administrator (``totp_device_create``), so a stolen password alone cannot swap it.
"""

from __future__ import annotations

from base64 import b32encode

import segno
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import User
from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError

ALREADY_ENROLLED = "Akun ini sudah memiliki aplikasi autentikator."
DEVICE_NAME = "Authenticator"


@transaction.atomic
def totp_enrolment_start(*, user: User) -> TOTPDevice:
    """A new unconfirmed device with a random secret, replacing earlier unconfirmed ones.

    Raises ``ApplicationError`` when the user already has a confirmed device.
    """
    # Lock the user row so two parallel logins cannot both pass the check below.
    User.objects.select_for_update().filter(pk=user.pk).first()
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ApplicationError(ALREADY_ENROLLED)
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


@audited
def totp_enrolment_confirm(*, user: User, token: str) -> TOTPDevice | None:
    """Confirm the pending device when ``token`` is its current code; None when it is not.

    Raises ``ApplicationError`` when the user meanwhile got a confirmed device (an
    administrator enrolled one), so the pending device can never replace it.
    """
    User.objects.select_for_update().filter(pk=user.pk).first()
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise ApplicationError(ALREADY_ENROLLED)
    device = totp_enrolment_pending(user=user)
    if device is None or not device.verify_token(token):
        return None
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    audit_record(actor=user, action="user.totp_enrol", obj=user)
    return device


def totp_enrolment_pending(*, user: User) -> TOTPDevice | None:
    """The device waiting for its first code, if any."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def totp_secret_text(device: TOTPDevice) -> str:
    """The base32 secret in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_qr_svg(device: TOTPDevice, *, title: str) -> SafeString:
    """The ``otpauth://`` URL of ``device`` as an inline SVG QR code (no image request, no
    script: it passes the strict CSP)."""
    qr = segno.make(device.config_url, error="m")
    svg = qr.svg_inline(
        scale=1, border=4, omitsize=True, title=title, svgclass="qr", lineclass="qr-line"
    )
    # segno escapes the title and draws the rest from the QR matrix: nothing user-supplied.
    return mark_safe(svg)  # noqa: S308
