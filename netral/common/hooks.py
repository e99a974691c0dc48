"""Typed hooks: how a lower app tells the apps above it that something happened, or asks
them a question, without importing them.

The app that owns the event declares the hook in its ``hooks.py`` (``reports.hooks``,
``cases.hooks``); an app above registers a handler in its ``AppConfig.ready``. The lower
app then depends on nobody above it, and the reaction lives with the app that owns it.

- ``fire(payload)`` calls every handler in registration order (``INSTALLED_APPS`` order,
  bottom to top, so the order is deterministic) with the payload, in the caller's
  transaction. A handler's error propagates to the caller: the caller's transaction rolls
  back and nothing is half-stored.
- ``ask(payload)`` calls every handler and returns their answers in the same order.

A handler registered twice (``ready`` may run twice in tests) is kept once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Generic, TypeVar

P = TypeVar("P")
R = TypeVar("R")

HOOK_REQUIRED = "Hook {name!r} has no handler; the app that answers it is not installed."


class Hook(Generic[P, R]):
    """One named event (or question) with payload type ``P`` and answer type ``R``."""

    def __init__(self, name: str, *, required: bool = False) -> None:
        self.name = name
        # A required hook refuses to fire with no handler: e.g. intake must open a case,
        # so a missing cases app is a configuration error, not a silently lost report.
        self.required = required
        self._handlers: list[Callable[[P], R]] = []

    def __repr__(self) -> str:
        return f"<Hook {self.name} ({len(self._handlers)} handlers)>"

    def register(self, handler: Callable[[P], R]) -> Callable[[P], R]:
        """Add ``handler`` (once); usable as a decorator."""
        if handler not in self._handlers:
            self._handlers.append(handler)
        return handler

    def unregister(self, handler: Callable[[P], R]) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    @property
    def handlers(self) -> tuple[Callable[[P], R], ...]:
        return tuple(self._handlers)

    def _check(self) -> None:
        if self.required and not self._handlers:
            raise LookupError(HOOK_REQUIRED.format(name=self.name))

    def fire(self, payload: P) -> None:
        """Tell every handler, in order; the first error propagates."""
        self._check()
        for handler in tuple(self._handlers):
            handler(payload)

    def ask(self, payload: P) -> list[R]:
        """Every handler's answer, in registration order."""
        self._check()
        return [handler(payload) for handler in tuple(self._handlers)]

    @contextmanager
    def replaced(self, *handlers: Callable[[P], R]) -> Iterator[None]:
        """For tests: run the block with exactly ``handlers``, then restore."""
        saved = self._handlers
        self._handlers = list(handlers)
        try:
            yield
        finally:
            self._handlers = saved
