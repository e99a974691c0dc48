"""Fixed-window rate limits kept in the shared cache (the database cache by default, so every
web process counts together).

A client is known only by a keyed hash of its address that changes every day and lives in
the cache for the length of the window: no IP address is stored with anything.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import ipaddress
import math
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext


@dataclass(frozen=True)
class Limit:
    name: str
    max_hits: int
    window_seconds: int


class RateLimited(Exception):
    def __init__(self, limit: Limit, retry_after: int) -> None:
        super().__init__(limit.name)
        self.limit = limit
        self.retry_after = retry_after


def client_address(request: HttpRequest) -> str:
    """The requesting client's IP address, as the outermost trusted proxy saw it.

    ``NETRAL_TRUSTED_PROXIES`` says how many proxies in front of us append to
    X-Forwarded-For; each appends the address it received from, so the client is the entry
    that many places from the right. Everything left of it was written by the client and is
    ignored, and with no trusted proxy the header is ignored entirely. Used by the login
    lockout (``AXES_CLIENT_IP_CALLABLE``) and by every rate limit.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = int(getattr(settings, "NETRAL_TRUSTED_PROXIES", 0) or 0)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies <= 0 or not forwarded:
        return remote
    # Bounded: a client may send a long header, we look at the last few entries only.
    hops = [h.strip() for h in forwarded[-(proxies * 64) :].split(",")][-proxies:]
    hops = [h for h in hops if h]
    if not hops:
        return remote
    # Fewer entries than proxies: the request passed fewer proxies, the first is the client.
    candidate = hops[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def client_key(request: HttpRequest) -> str:
    """An opaque, daily-rotating identifier of the requesting client."""
    day = time.strftime("%Y-%m-%d", time.gmtime())
    message = f"{day}|{client_address(request)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]


def configured(name: str, defaults: dict[str, tuple[int, int]]) -> Limit:
    """The limit ``name`` from ``defaults``, unless ``NETRAL_RATE_LIMITS`` overrides it."""
    overrides = getattr(settings, "NETRAL_RATE_LIMITS", {})
    max_hits, window = overrides.get(name, defaults[name])
    return Limit(name, max_hits, window)


# One atomic statement per hit on the database cache's own table: the row is created at 1 or
# incremented, and the new count returned. The cache API's add + incr took ten statements per
# hit (incr is a read and a write, so concurrent hits could also be lost) and every set counted
# the whole table. The counter is kept as plain digits under its own key prefix, which only
# this module reads; the cache's cull removes expired rows as it does its own.
_UPSERT = (
    "INSERT INTO {table} (cache_key, value, expires) VALUES (%s, '1', %s) "
    "ON CONFLICT (cache_key) DO UPDATE SET "
    "value = CASE WHEN {table}.expires < %s THEN '1' "
    "ELSE CAST(CAST({table}.value AS INTEGER) + 1 AS TEXT) END, "
    "expires = CASE WHEN {table}.expires < %s THEN excluded.expires ELSE {table}.expires END "
    "RETURNING value"
)


def _database_cache_incr(key: str, timeout: int) -> int | None:
    """The new count of ``key`` in one statement, or None when the cache is not the database
    cache on PostgreSQL or SQLite (then the cache API does it)."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, DatabaseCache):
        return None
    connection = connections[router.db_for_write(backend.cache_model_class)]
    if connection.vendor not in ("postgresql", "sqlite"):
        return None
    now = timezone.now().replace(microsecond=0)
    expires = now + datetime.timedelta(seconds=timeout)
    adapt = connection.ops.adapt_datetimefield_value
    sql = _UPSERT.format(table=connection.ops.quote_name(backend._table))  # type: ignore[attr-defined]
    with connection.cursor() as cursor:
        cursor.execute(
            sql, [backend.make_and_validate_key(key), adapt(expires), adapt(now), adapt(now)]
        )
        return int(cursor.fetchone()[0])


def _window_key(limit: Limit, subject: str, prefix: str = "rlc") -> str:
    window = int(time.time()) // limit.window_seconds
    return f"{prefix}:{limit.name}:{subject}:{window}"


def _check(limit: Limit, count: int) -> None:
    if count > limit.max_hits:
        retry_after = limit.window_seconds - int(time.time()) % limit.window_seconds
        raise RateLimited(limit, retry_after)


def hit(limit: Limit, subject: str) -> None:
    """Count one hit for ``subject`` (a client key, or "global"); raise when over the limit."""
    timeout = limit.window_seconds + 5
    count = _database_cache_incr(_window_key(limit, subject), timeout)
    if count is None:
        key = _window_key(limit, subject, prefix="rl")
        cache.add(key, 0, timeout=timeout)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=timeout)
            count = 1
    _check(limit, count)


# PostgreSQL: a client's hit and everyone's in one statement (one round trip, one commit: on
# every report's intake). Everyone's is counted only when the client is within its own limit,
# as two hits in turn do, so a client over its limit never uses up everyone's. The rows are
# locked client first, then global, like the two statements before.
_UPSERT_PAIR = (
    "WITH client AS ({client}), overall AS ("
    "INSERT INTO {table} (cache_key, value, expires) "
    "SELECT %s, '1', %s WHERE (SELECT CAST(value AS INTEGER) FROM client) <= %s "
    "ON CONFLICT (cache_key) DO UPDATE SET "
    "value = CASE WHEN {table}.expires < %s THEN '1' "
    "ELSE CAST(CAST({table}.value AS INTEGER) + 1 AS TEXT) END, "
    "expires = CASE WHEN {table}.expires < %s THEN excluded.expires ELSE {table}.expires END "
    "RETURNING value) "
    "SELECT (SELECT value FROM client), (SELECT value FROM overall)"
)


def _database_cache_incr_pair(per_client: Limit, client: str, overall: Limit) -> bool:
    """Both hits in one statement on PostgreSQL's database cache (raising as ``hit`` does);
    False elsewhere (then the caller counts them in turn)."""
    backend = caches[DEFAULT_CACHE_ALIAS]
    if not isinstance(backend, DatabaseCache):
        return False
    connection = connections[router.db_for_write(backend.cache_model_class)]
    if connection.vendor != "postgresql":
        return False
    now = timezone.now().replace(microsecond=0)
    table = connection.ops.quote_name(backend._table)  # type: ignore[attr-defined]
    sql = _UPSERT_PAIR.format(client=_UPSERT.format(table=table), table=table)
    key = backend.make_and_validate_key
    params: list[Any] = [
        key(_window_key(per_client, client)),
        now + datetime.timedelta(seconds=per_client.window_seconds + 5),
        now,
        now,
        key(_window_key(overall, "global")),
        now + datetime.timedelta(seconds=overall.window_seconds + 5),
        per_client.max_hits,
        now,
        now,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        client_count, overall_count = cursor.fetchone()
    _check(per_client, int(client_count))
    if overall_count is not None:
        _check(overall, int(overall_count))
    return True


def hit_client_and_global(request: HttpRequest, per_client: Limit, overall: Limit) -> None:
    client = client_key(request)
    if not _database_cache_incr_pair(per_client, client, overall):
        hit(per_client, client)
        hit(overall, "global")


TOO_MANY = "Terlalu banyak permintaan dari jaringan Anda. Silakan coba lagi dalam {minutes} menit."
TOO_BUSY = "Layanan sedang sangat sibuk. Silakan coba lagi dalam {minutes} menit."


def refusal_message(error: RateLimited) -> str:
    """What a refused client reads: its own limit, or everyone's (a name ending "-all")."""
    minutes = max(1, math.ceil(error.retry_after / 60))
    template = gettext(TOO_BUSY) if error.limit.name.endswith("-all") else gettext(TOO_MANY)
    return template.format(minutes=minutes)
