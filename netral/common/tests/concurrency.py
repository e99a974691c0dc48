"""Helpers for tests that run work in threads, each with its own database connection:
``threads`` on any database; for row-lock tests (PostgreSQL only: SQLite locks the whole
database, so there is nothing to show there; CI runs the suite on PostgreSQL too) the marks
such a module needs and a lock timeout, so that a blocked statement fails instead of
hanging the suite."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection

PG_ONLY = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL (SQLite: one lock)"
    ),
    pytest.mark.django_db(transaction=True),
]

WAIT = 20  # seconds: only reached when something is wrong


def lock_timeout(seconds: int) -> None:
    """A blocked statement on this thread's connection fails after ``seconds``."""
    with connection.cursor() as cursor:
        cursor.execute(f"SET lock_timeout = '{seconds}s'")


@contextmanager
def threads() -> Iterator[Callable[..., threading.Thread]]:
    """``start(work, name=...)`` runs ``work`` in a thread with its own connection (closed
    after; on PostgreSQL with a 5 s lock timeout); on leaving, every thread is joined and
    none may have raised."""
    errors: list[BaseException] = []
    started: list[threading.Thread] = []

    def start(work: Callable[[], Any], *, name: str | None = None) -> threading.Thread:
        def run() -> None:
            try:
                if connection.vendor == "postgresql":
                    lock_timeout(5)
                work()
            except BaseException as exc:
                errors.append(exc)
            finally:
                connection.close()

        thread = threading.Thread(target=run, name=name)
        started.append(thread)
        thread.start()
        return thread

    try:
        yield start
    finally:
        for thread in started:
            thread.join(WAIT)
    assert errors == []
