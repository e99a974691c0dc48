"""The application's one clock for domain time: when a report arrives, when a case is
decided, how long is left to a deadline, what the dashboard calls "this week".

In production it is the real clock. A demo (``DEBUG`` or ``NETRAL_DEMO``) lives on the day
``NETRAL_DEMO_TODAY`` names, at the real time of day: the real instant shifted by whole days,
so the demo clock still advances and the demo data (placed relative to it) stays "in
progress" for as long as the demo runs.

Not domain time, and so always real: the audit trail's timestamps (a tamper-evident record of
when the machine did something, kept in sequence order), sign-in, tokens and their expiry,
reveal approvals (24 real hours), rate limits and caches.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone


def demo_today() -> datetime.date | None:
    """The demo's date, or None when the real clock applies (always in production)."""
    if not (settings.DEBUG or getattr(settings, "NETRAL_DEMO", False)):
        return None
    day = getattr(settings, "NETRAL_DEMO_TODAY", None)
    return day if isinstance(day, datetime.date) else None


def offset() -> datetime.timedelta:
    """How far domain time is from the real clock (zero in production)."""
    day = demo_today()
    if day is None:
        return datetime.timedelta(0)
    return datetime.timedelta(days=(day - timezone.localdate()).days)


def now() -> datetime.datetime:
    """The current domain instant (aware)."""
    return timezone.now() + offset()


def today() -> datetime.date:
    """The current domain date in the default time zone (Asia/Jakarta)."""
    return timezone.localdate(now())
