"""Webhook calls in the shape Meta documents for the WhatsApp Business Cloud API."""

from __future__ import annotations

import hashlib
import hmac
import io
import itertools
import json
from typing import Any

from django.test import Client
from PIL import Image

APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
PHONE_NUMBER_ID = "106540352242922"
SENDER = "6281234567890"
_ids = itertools.count(1)


def notification(
    *,
    sender: str = SENDER,
    text: str | None = None,
    media: tuple[str, str] | None = None,
    message_id: str | None = None,
) -> dict[str, Any]:
    message: dict[str, Any] = {
        "from": sender,
        "id": message_id or f"wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA{next(_ids):06d}",
        "timestamp": "1733011200",
    }
    if media is not None:
        kind, media_id = media
        message["type"] = kind
        message[kind] = {"mime_type": "image/jpeg", "sha256": "x", "id": media_id}
    else:
        message["type"] = "text"
        message["text"] = {"body": text or ""}
    return {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "15550783881",
                                "phone_number_id": PHONE_NUMBER_ID,
                            },
                            "contacts": [{"profile": {"name": "Pelapor"}, "wa_id": sender}],
                            "messages": [message],
                        },
                        "field": "messages",
                    }
                ],
            }
        ],
    }


def signature(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def post(client: Client, payload: dict[str, Any], *, secret: str = APP_SECRET) -> Any:
    body = json.dumps(payload).encode()
    return client.post(
        "/channels/whatsapp/webhook",
        body,
        content_type="application/json",
        headers={"X-Hub-Signature-256": signature(body, secret)},
    )


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, "JPEG")
    return out.getvalue()
