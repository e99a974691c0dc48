"""The WhatsApp webhook: Meta's subscription check (GET) and its notifications (POST)."""

from __future__ import annotations

import hmac

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from netral.channels import webhook
from netral.channels.services import whatsapp_message_receive
from netral.common import jsonparse

NOT_CONFIGURED = "Kanal WhatsApp belum diaktifkan."
WRONG_TOKEN = "Token verifikasi salah."  # noqa: S105 (a message, not a secret)
BAD_SIGNATURE = "Tanda tangan X-Hub-Signature-256 tidak cocok."
TOO_LARGE = "Isi permintaan terlalu besar."


def _detail(message: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status)


def _verify(request: HttpRequest) -> HttpResponse:
    """Meta's subscription handshake: echo ``hub.challenge`` for the right verify token."""
    token = request.GET.get("hub.verify_token", "")
    challenge = request.GET.get("hub.challenge", "")
    expected = settings.WHATSAPP_VERIFY_TOKEN
    if request.GET.get("hub.mode") != "subscribe" or not hmac.compare_digest(
        token.encode("utf-8"), expected.encode("utf-8")
    ):
        return _detail(WRONG_TOKEN, 403)
    # Meta sends a number; echoing anything else would make this a reflection point.
    if not challenge.isdigit() or len(challenge) > 64:
        return _detail(WRONG_TOKEN, 400)
    return HttpResponse(challenge, content_type="text/plain")


@csrf_exempt  # Meta cannot carry a CSRF token; every call is authenticated by its HMAC
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request: HttpRequest) -> HttpResponse:
    if not (settings.WHATSAPP_APP_SECRET and settings.WHATSAPP_VERIFY_TOKEN):
        return _detail(NOT_CONFIGURED, 404)
    if request.method == "GET":
        return _verify(request)
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > webhook.MAX_BODY_BYTES:
        return _detail(TOO_LARGE, 413)
    try:
        body = request.body
    except RequestDataTooBig:
        return _detail(TOO_LARGE, 413)
    if len(body) > webhook.MAX_BODY_BYTES:
        return _detail(TOO_LARGE, 413)
    if not webhook.signature_valid(body, request.headers.get("X-Hub-Signature-256", "")):
        return _detail(BAD_SIGNATURE, 401)
    try:
        payload = jsonparse.loads(body, max_bytes=webhook.MAX_BODY_BYTES)
    except jsonparse.JsonRejected as rejected:
        return _detail(rejected.message, 400)
    for delivered in webhook.messages(payload):
        whatsapp_message_receive(delivered=delivered)
    return JsonResponse({"status": "ok"})
