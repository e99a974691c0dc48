"""The WhatsApp Business Cloud API (Meta's Graph API), as far as intake needs it: download a
media file a reporter sent, and send a text message back.

Plain ``urllib`` against ``WHATSAPP_GRAPH_URL`` with the access token as a bearer token;
every call has a timeout, every body a size limit, and redirects stay on http(s).
"""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from netral.common import jsonparse

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 15
# The media object's description, not the file.
MAX_META_BYTES = 64 * 1024
MEDIA_ID_MAX = 40


class GraphError(Exception):
    """The Graph API did not give what was asked (unreachable, refused, malformed, too big)."""


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self, req: Any, fp: Any, code: Any, msg: Any, headers: Any, newurl: str
    ) -> Any:
        if urlsplit(newurl).scheme not in ("http", "https"):
            raise GraphError("redirect to a non-http address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # No file:, ftp: or data: handlers: only what a Graph answer may point at.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        _HttpOnlyRedirects(),
    ):
        opener.add_handler(handler)
    return opener


def _request(url: str, *, body: dict[str, Any] | None = None) -> urllib.request.Request:
    if urlsplit(url).scheme not in ("http", "https"):
        raise GraphError("not an http address")
    headers = {"Authorization": f"Bearer {settings.WHATSAPP_ACCESS_TOKEN}"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    method = "POST" if data else "GET"
    # The scheme was checked above; the opener has no file: or ftp: handler anyway.
    return urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310


def _read(request: urllib.request.Request, *, max_bytes: int) -> bytes:
    try:
        with _opener().open(request, timeout=TIMEOUT_SECONDS) as response:
            data: bytes = response.read(max_bytes + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise GraphError(str(error)) from None
    if len(data) > max_bytes:
        raise GraphError("answer too large")
    return data


def media_download(media_id: str, *, max_bytes: int) -> tuple[bytes, str]:
    """The bytes and content type of a media file a reporter sent (``GET /<media-id>`` for
    its short-lived URL, then that URL with the bearer token)."""
    if not media_id.isdigit() or len(media_id) > MEDIA_ID_MAX:
        raise GraphError("not a media id")
    raw = _read(_request(f"{settings.WHATSAPP_GRAPH_URL}/{media_id}"), max_bytes=MAX_META_BYTES)
    try:
        meta = jsonparse.loads(raw, max_bytes=MAX_META_BYTES)
    except jsonparse.JsonRejected:
        raise GraphError("media description is not JSON") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("url"), str):
        raise GraphError("media description without url")
    size = meta.get("file_size")
    if isinstance(size, int) and size > max_bytes:
        raise GraphError("media too large")
    data = _read(_request(meta["url"]), max_bytes=max_bytes)
    mime = meta.get("mime_type")
    return data, mime if isinstance(mime, str) else ""


def message_send(*, phone_number_id: str, to: str, body: str) -> None:
    """Send a text message (``POST /<phone-number-id>/messages``)."""
    if not phone_number_id.isdigit() or len(phone_number_id) > MEDIA_ID_MAX:
        raise GraphError("not a phone number id")
    payload = {
        "messaging_product": "whatsapp",
        "recipient_type": "individual",
        "to": to,
        "type": "text",
        "text": {"preview_url": False, "body": body[:4096]},
    }
    _read(
        _request(f"{settings.WHATSAPP_GRAPH_URL}/{phone_number_id}/messages", body=payload),
        max_bytes=MAX_META_BYTES,
    )


def replies_send(*, phone_number_id: str, to: str, bodies: list[str]) -> None:
    """Send each reply in order; a failure is logged (the report, if any, is stored already)."""
    for body in bodies:
        try:
            message_send(phone_number_id=phone_number_id, to=to, body=body)
        except GraphError as error:
            logger.warning("WhatsApp reply not sent: %s", error)
            return
