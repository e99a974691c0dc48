"""One-time submission tokens of the public report form (post/redirect/get without doubles).

The form page carries a signed token in a hidden field; nothing is stored for it and no
cookie is set, so the form works for a visitor without a session. The receipt code of a web
report is derived from the token (an HMAC under SECRET_KEY), so:

- a second submit of the same form (double click, back and resend, a refresh that repeats
  the POST) computes the same code, whose digest is already in the unique ``receipt_digest``
  column: no second report is stored, and the reporter is shown the first one's receipt;
- after the submit, the session holds only the token's nonce until the receipt page has
  shown the code once (it is popped there), never the code itself; the session exists from
  that moment on only.

Whoever holds the token can derive the code only with SECRET_KEY, like a code's digest.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core import signing

from netral.reports.receipts import RECEIPT_DIGITS

SALT = "netral.reports.submission"
# Long enough to write a careful report; a stale form is refused and comes back filled in.
TOKEN_MAX_AGE = 24 * 60 * 60
# How long the receipt page may still show the code after the submit.
RECEIPT_SECONDS = 10 * 60
SESSION_KEY = "netral.receipt"


def submission_token_new() -> str:
    return signing.dumps(secrets.token_urlsafe(24), salt=SALT, compress=False)


def submission_nonce(token: str) -> str | None:
    """The nonce of a genuine, unexpired token; None for anything else (bounded input)."""
    if not token or len(token) > 200:
        return None
    try:
        nonce = signing.loads(token, salt=SALT, max_age=TOKEN_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        return None
    return nonce if isinstance(nonce, str) and 16 <= len(nonce) <= 64 else None


def submission_receipt_code(nonce: str) -> str:
    """The receipt code of the report submitted with ``nonce``: 16 uniform digits."""
    mac = hmac.new(
        settings.SECRET_KEY.encode("utf-8"),
        b"netral/submission-code/v1:" + nonce.encode("ascii"),
        hashlib.sha256,
    ).digest()
    return str(int.from_bytes(mac, "big") % 10**RECEIPT_DIGITS).zfill(RECEIPT_DIGITS)


@dataclass(frozen=True)
class PendingReceipt:
    nonce: str
    repeat: bool  # the same form was sent again; the receipt is the first report's


def receipt_pending_set(session: SessionBase, *, nonce: str, repeat: bool = False) -> None:
    """Remember, for the receipt page only, which submission it is to show."""
    session[SESSION_KEY] = {
        "nonce": nonce,
        "repeat": repeat,
        "until": time.time() + RECEIPT_SECONDS,
    }


def receipt_pending_pop(session: SessionBase) -> PendingReceipt | None:
    """The submission whose code the receipt page shows now, once (then forgotten)."""
    state = session.pop(SESSION_KEY, None)
    if not isinstance(state, dict) or state.get("until", 0) < time.time():
        return None
    nonce = state.get("nonce")
    if not isinstance(nonce, str):
        return None
    return PendingReceipt(nonce=nonce, repeat=bool(state.get("repeat")))
