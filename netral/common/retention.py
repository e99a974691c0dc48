"""The registry of retention kinds: data an app derives from reports and cases, and erases
itself when the rulebook's ``retention.toml`` says its time is up.

Retention (``netral.operations``) stands above the apps whose data it erases, but beside
some of them (triage, partners): it may not import those. So each app declares its own kinds
in a ``retention_kinds`` module (found the first time the registry is read, as
``common.schedule`` finds ``jobs``): ``register(RetentionKind(...))``. Each kind has a rule
of its own in ``retention.toml`` (``data = "<kind>"``, its period and legal basis); the
whole-case rules (``closed_case``, ``rejected_report``) also call every case kind.

Two scopes:

- ``erase_case``: per case whose handling ended ``keep_days`` ago, never a case under a legal
  hold (operations skips those). ``CaseScope.gone`` are the cases whose data is erased or
  expires now (none held), for data shared by several cases (a person across reports).
- ``erase_older``: rows older than a cutoff, not tied to a case's end (an event log);
  ``OlderScope.held`` are the held cases, whose rows stay.

An eraser runs inside operations' transaction (a dry run rolls it back): it deletes rows or
blanks fields, counts what it did per count name (``labels`` words each one, in Indonesian),
and returns the blob refs to delete once the erasure committed. It never returns content.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import autodiscover_modules

KIND_CLASH = "Retention kind {data!r} is already registered differently."
KIND_SCOPE = "Retention kind {data!r} needs exactly one of erase_case= or erase_older=."


@dataclass
class Erased:
    """What one eraser did: counts per name, and the blobs to delete after the commit."""

    counts: dict[str, int] = field(default_factory=dict)
    refs: list[str] = field(default_factory=list)

    def add(self, name: str, count: int) -> None:
        if count:
            self.counts[name] = self.counts.get(name, 0) + count

    def add_refs(self, refs: Iterable[str]) -> None:
        self.refs.extend(ref for ref in refs if ref)

    def merge(self, other: Erased) -> None:
        for name, count in other.counts.items():
            self.add(name, count)
        self.refs.extend(other.refs)


@dataclass(frozen=True)
class CaseScope:
    case_id: int
    # Primary keys of the cases whose data under this rule is erased or goes in this run
    # (never a held case), read once per rule and run.
    gone: frozenset[int]


@dataclass(frozen=True)
class OlderScope:
    # Rows from before this instant expired.
    before: Any  # datetime.datetime (aware)
    held: tuple[int, ...]  # cases under an active legal hold


@dataclass(frozen=True)
class RetentionKind:
    data: str  # the ``data`` of its rule in retention.toml
    labels: tuple[tuple[str, str], ...]  # (count name, Indonesian words), in output order
    erase_case: Callable[[CaseScope], Erased] | None = None
    erase_older: Callable[[OlderScope], Erased] | None = None


_KINDS: dict[str, RetentionKind] = {}
_discovered = False


def register(kind: RetentionKind) -> RetentionKind:
    """Declare a retention kind (from an app's ``retention_kinds`` module)."""
    if (kind.erase_case is None) == (kind.erase_older is None):
        raise ValueError(KIND_SCOPE.format(data=kind.data))
    known = _KINDS.setdefault(kind.data, kind)
    if known != kind:
        raise ValueError(KIND_CLASH.format(data=kind.data))
    return kind


def kinds() -> list[RetentionKind]:
    """Every registered kind, by ``data``."""
    global _discovered
    if not _discovered:
        _discovered = True
        autodiscover_modules("retention_kinds")
    return [_KINDS[data] for data in sorted(_KINDS)]


def kind_get(data: str) -> RetentionKind | None:
    return next((kind for kind in kinds() if kind.data == data), None)
