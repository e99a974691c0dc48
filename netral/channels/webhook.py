"""The WhatsApp Business Cloud API webhook: its signature, and the messages in its JSON.

Meta signs every call with ``X-Hub-Signature-256: sha256=<hex>``, the HMAC-SHA256 of the raw
body under the app secret; a call without the right one is refused before its body is read
as JSON. The JSON is then parsed with Netral's limits and walked defensively: anything not
shaped as documented is skipped, never an error.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from netral.channels.conversation import Incoming

# Meta's notifications are a few kilobytes; a batch of many messages stays far below this.
MAX_BODY_BYTES = 256 * 1024
MAX_MESSAGES = 200
MAX_TEXT = 20_000


@dataclass(frozen=True)
class Delivered:
    """One message of a webhook call, with where it came from."""

    message_id: str
    sender: str  # the reporter's WhatsApp id: the number, digits only
    phone_number_id: str  # the business number it was sent to
    message: Incoming


def signature_valid(body: bytes, header: str) -> bool:
    secret = settings.WHATSAPP_APP_SECRET
    if not secret or not header.startswith("sha256="):
        return False
    expected = hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, header.removeprefix("sha256=").strip().lower())


def _list(value: Any) -> list[Any]:
    return value[:MAX_MESSAGES] if isinstance(value, list) else []


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any, limit: int = 200) -> str:
    return value[:limit] if isinstance(value, str) else ""


def _incoming(raw: dict[str, Any]) -> Incoming:
    kind = _str(raw.get("type"), 20)
    if kind == "text":
        return Incoming(kind="text", text=_str(_dict(raw.get("text")).get("body"), MAX_TEXT))
    if kind == "button":  # a quick-reply button answers with its text
        return Incoming(kind="text", text=_str(_dict(raw.get("button")).get("text"), 200))
    if kind in ("image", "video", "document"):
        media = _dict(raw.get(kind))
        return Incoming(
            kind=kind, media_id=_str(media.get("id"), 40), mime_type=_str(media.get("mime_type"))
        )
    return Incoming(kind=kind or "unknown")


def messages(payload: Any) -> Iterator[Delivered]:
    """The messages of a webhook notification, in the documented shape
    (``entry[].changes[].value.messages[]``); status updates and the rest are skipped."""
    if _dict(payload).get("object") != "whatsapp_business_account":
        return
    count = 0
    for entry in _list(_dict(payload).get("entry")):
        for change in _list(_dict(entry).get("changes")):
            value = _dict(_dict(change).get("value"))
            phone_number_id = _str(_dict(value.get("metadata")).get("phone_number_id"), 40)
            for raw in _list(value.get("messages")):
                raw = _dict(raw)
                message_id, sender = _str(raw.get("id")), _str(raw.get("from"), 20)
                if not message_id or not sender.isdigit() or not phone_number_id.isdigit():
                    continue
                count += 1
                if count > MAX_MESSAGES:
                    return
                yield Delivered(
                    message_id=message_id,
                    sender=sender,
                    phone_number_id=phone_number_id,
                    message=_incoming(raw),
                )
