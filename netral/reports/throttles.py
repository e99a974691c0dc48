"""Rate limits for the public report endpoints (per client and for everyone together).

Limits are generous per client because mobile carriers put many people behind one address;
the global limits protect the servers (every code look-up costs one scrypt). Settings may
override them: ``NETRAL_RATE_LIMITS = {"report-submit": (20, 3600), ...}``.
"""

from __future__ import annotations

import math

from django.conf import settings
from django.http import HttpRequest

from netral.common.ratelimit import Limit, RateLimited, hit_client_and_global

DEFAULTS: dict[str, tuple[int, int]] = {
    "report-submit": (20, 3600),
    "report-submit-all": (600, 60),
    "receipt-lookup": (20, 600),
    "receipt-lookup-all": (1200, 60),
}
TOO_MANY = "Terlalu banyak permintaan dari jaringan Anda. Silakan coba lagi dalam {minutes} menit."
TOO_BUSY = "Layanan sedang sangat sibuk. Silakan coba lagi dalam {minutes} menit."


def _limit(name: str) -> Limit:
    overrides = getattr(settings, "NETRAL_RATE_LIMITS", {})
    max_hits, window = overrides.get(name, DEFAULTS[name])
    return Limit(name, max_hits, window)


def refusal_message(error: RateLimited) -> str:
    minutes = max(1, math.ceil(error.retry_after / 60))
    template = TOO_BUSY if error.limit.name.endswith("-all") else TOO_MANY
    return template.format(minutes=minutes)


def throttle_submit(request: HttpRequest) -> None:
    hit_client_and_global(request, _limit("report-submit"), _limit("report-submit-all"))


def throttle_lookup(request: HttpRequest) -> None:
    hit_client_and_global(request, _limit("receipt-lookup"), _limit("receipt-lookup-all"))
