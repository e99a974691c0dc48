"""Rate limits for the public report endpoints (per client and for everyone together).

Limits are generous per client because mobile carriers put many people behind one address;
the global limits protect the servers (every code look-up costs one scrypt). Settings may
override them: ``NETRAL_RATE_LIMITS = {"report-submit": (20, 3600), ...}``.
"""

from __future__ import annotations

from django.http import HttpRequest

from netral.common.ratelimit import Limit, configured, hit, hit_client_and_global
from netral.common.ratelimit import refusal_message as refusal_message  # for the report views

DEFAULTS: dict[str, tuple[int, int]] = {
    "report-submit": (20, 3600),
    "report-submit-all": (600, 60),
    "receipt-lookup": (20, 600),
    "receipt-lookup-all": (1200, 60),
    # Reporter messages on the tracking page: per tracked report (a reporter behind a shared
    # address is not slowed by others), per client, and for everyone together.
    "report-message": (10, 3600),
    "report-message-client": (60, 3600),
    "report-message-all": (600, 60),
}


def _limit(name: str) -> Limit:
    return configured(name, DEFAULTS)


def throttle_submit(request: HttpRequest) -> None:
    hit_client_and_global(request, _limit("report-submit"), _limit("report-submit-all"))


def throttle_lookup(request: HttpRequest) -> None:
    hit_client_and_global(request, _limit("receipt-lookup"), _limit("receipt-lookup-all"))


def throttle_message(request: HttpRequest, *, report_id: int) -> None:
    """A reporter's message from the tracking page (``RateLimited`` when over a limit)."""
    hit(_limit("report-message"), f"report-{report_id}")
    hit_client_and_global(request, _limit("report-message-client"), _limit("report-message-all"))
