"""Receipt codes: 16 random digits, shown to the reporter once, stored only as a slow hash.

The hash is scrypt (memory-hard) with a server-side pepper derived from SECRET_KEY, so it is
deterministic and can be looked up through a unique index, yet a stolen database alone does
not let anyone test codes: without the pepper there is nothing to compare against, and with
it every guess still costs one scrypt. SECRET_KEY rotation keeps old codes working through
SECRET_KEY_FALLBACKS.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from django.conf import settings

RECEIPT_DIGITS = 16
# ~16 MiB and a few tens of milliseconds per hash on a server core.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1


def receipt_code_new() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))


def receipt_code_normalise(raw: str) -> str | None:
    """The 16 digits of a typed code (spaces and dashes allowed), or None if malformed."""
    digits = re.sub(r"[\s\-]", "", raw or "")
    return digits if re.fullmatch(rf"\d{{{RECEIPT_DIGITS}}}", digits) else None


def receipt_code_display(code: str) -> str:
    """1234-5678-9012-3456: easier to copy by hand."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _pepper(secret: str) -> bytes:
    return hmac.new(secret.encode("utf-8"), b"netral/receipt-code/v1", hashlib.sha256).digest()


def _digest(code: str, secret: str) -> str:
    return hashlib.scrypt(
        code.encode("ascii"),
        salt=_pepper(secret),
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=64 * 1024 * 1024,
        dklen=32,
    ).hex()


def receipt_digest(code: str) -> str:
    """The stored form of a new code (current SECRET_KEY)."""
    return _digest(code, settings.SECRET_KEY)


def receipt_digests(code: str) -> list[str]:
    """Every form a stored code may have: current key first, then the fallbacks."""
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [_digest(code, key) for key in keys]
