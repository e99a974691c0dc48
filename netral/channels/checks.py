"""Start-up checks of the channels' settings: a half-configured channel fails loudly."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks

REPLIES_IMPOSSIBLE = (
    "WHATSAPP_APP_SECRET is set but WHATSAPP_ACCESS_TOKEN is not: reports would arrive, but no "
    "reply (no receipt code) could be sent and no photo fetched."
)
HALF_WEBHOOK = "Set both WHATSAPP_APP_SECRET and WHATSAPP_VERIFY_TOKEN, or neither."
GRAPH_NOT_HTTPS = "WHATSAPP_GRAPH_URL is not https: the access token would travel in clear."
CAPTURE_PRIVATE = (
    "NETRAL_CAPTURE_ALLOW_PRIVATE is on outside DEBUG: the capture of links given as evidence "
    "could reach loopback and internal addresses (SSRF). It is for the test server only."
)


@checks.register()
def channels_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    problems: list[checks.CheckMessage] = []
    secret, verify = settings.WHATSAPP_APP_SECRET, settings.WHATSAPP_VERIFY_TOKEN
    if bool(secret) != bool(verify):
        problems.append(checks.Warning(HALF_WEBHOOK, id="netral.channels.W001"))
    if secret and not settings.WHATSAPP_ACCESS_TOKEN:
        problems.append(checks.Warning(REPLIES_IMPOSSIBLE, id="netral.channels.W002"))
    if secret and not settings.DEBUG and not settings.WHATSAPP_GRAPH_URL.startswith("https://"):
        problems.append(checks.Warning(GRAPH_NOT_HTTPS, id="netral.channels.W003"))
    private = getattr(settings, "NETRAL_CAPTURE_ALLOW_PRIVATE", False)
    if private and not settings.DEBUG:
        problems.append(checks.Error(CAPTURE_PRIVATE, id="netral.channels.E001"))
    return problems
