"""Rate limits for the public pledge form and API (per client and for everyone together).
Settings may override them: ``NETRAL_RATE_LIMITS = {"pledge-submit": (20, 3600), ...}``."""

from __future__ import annotations

from django.http import HttpRequest

from netral.common.ratelimit import Limit, configured, hit_client_and_global
from netral.common.ratelimit import refusal_message as refusal_message  # for the pledge views

DEFAULTS: dict[str, tuple[int, int]] = {
    # An office signs up many ASN from one address: generous per client.
    "pledge-submit": (60, 3600),
    "pledge-submit-all": (600, 60),
}


def _limit(name: str) -> Limit:
    return configured(name, DEFAULTS)


def throttle_pledge(request: HttpRequest) -> None:
    hit_client_and_global(request, _limit("pledge-submit"), _limit("pledge-submit-all"))
