"""The per-process cache of reference rows (issue #13): regions, elections, cycles and their
stages change a few times a year (loaders, the admin), while every report's intake and every
dashboard looks them up.

Each process keeps what it loaded for ``NETRAL_REFERENCE_CACHE_SECONDS`` (settings; 60 by
default, 0 in the test suite, which turns the cache off). A save or delete of a reference
model in this process clears the whole cache at once (the owning apps connect
``reference_cache_clear`` to their models' signals); a change made by another process is seen
within that time. Values are stored as loaded: callers that hand a model instance on return a
copy, so nothing set on it leaks into the next request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings

DEFAULT_SECONDS = 60
T = TypeVar("T")
_cache: dict[tuple[str, str], tuple[float, Any]] = {}


def reference_cache_clear(**_: Any) -> None:
    _cache.clear()


def reference_cached(key: tuple[str, str], load: Callable[[], T]) -> T:
    """``load()``, or what it returned within the last ``NETRAL_REFERENCE_CACHE_SECONDS``."""
    seconds = float(getattr(settings, "NETRAL_REFERENCE_CACHE_SECONDS", DEFAULT_SECONDS))
    if seconds <= 0:
        return load()
    now = time.monotonic()
    hit = _cache.get(key)
    if hit is not None and hit[0] > now:
        return hit[1]
    value = load()
    _cache[key] = (now + seconds, value)
    return value
