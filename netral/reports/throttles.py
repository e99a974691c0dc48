"""Rate limits for the public report endpoints (per client and for everyone together).

Limits are generous per client because mobile carriers put many people behind one address;
the global limits protect the servers (every code look-up costs one scrypt). Settings may
override them: ``NETRAL_RATE_LIMITS = {"report-submit": (20, 3600), ...}``.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from netral.common.ratelimit import Limit, hit_client_and_global
from netral.common.ratelimit import refusal_message as refusal_message  # for the report views

DEFAULTS: dict[str, tuple[int, int]] = {
    "report-submit": (20, 3600),
    "report-submit-all": (600, 60),
    "receipt-lookup": (20, 600),
    "receipt-lookup-all": (1200, 60),
}


def _limit(name: str) -> Limit:
    overrides = getattr(settings, "NETRAL_RATE_LIMITS", {})
    max_hits, window = overrides.get(name, DEFAULTS[name])
    return Limit(name, max_hits, window)


def throttle_submit(request: HttpRequest) -> None:
    hit_client_and_global(request, _limit("report-submit"), _limit("report-submit-all"))


def throttle_lookup(request: HttpRequest) -> None:
    hit_client_and_global(request, _limit("receipt-lookup"), _limit("receipt-lookup-all"))
