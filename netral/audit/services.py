"""Writing to the audit trail. Every state change and every reveal calls ``audit_record``."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone

from netral.audit.hashing import canonical, hash_of
from netral.audit.models import AuditEntry, ChainHead


def _jsonable(value: Any) -> Any:
    # Round-trip through canonical JSON so what is hashed is exactly what is stored.
    if value is None:
        return None
    return json.loads(canonical(_plain(value)))


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def audit_record(
    *,
    actor: Any,
    action: str,
    obj: models.Model | None = None,
    object_type: str | None = None,
    object_id: str | int | None = None,
    before: Any = None,
    after: Any = None,
    reason: str = "",
) -> AuditEntry:
    """Append one entry to the chain, inside the caller's transaction.

    ``actor`` is a user, or None for the system (commands, tasks, the public). The head row
    is locked from the append to the end of the transaction, so entries are appended one at
    a time. Inside ``audit_deferred`` (every ``audited`` service) the entry is only collected
    and appended when the block ends: the returned entry gets its ``seq`` and hash then.
    """
    actor_id = getattr(actor, "pk", None) if actor is not None else None
    actor_label = "sistem" if actor is None else (getattr(actor, "username", "") or str(actor))
    kind = object_type or (obj._meta.label_lower if obj is not None else "")
    ident = str(object_id if object_id is not None else (obj.pk if obj is not None else ""))
    entry = AuditEntry(
        at=timezone.now(),
        actor_id=actor_id,
        actor_label=actor_label,
        action=action,
        object_type=kind,
        object_id=ident,
        before=_jsonable(before),
        after=_jsonable(after),
        reason=reason,
    )
    pending = _pending()
    if pending:
        pending[-1].append(entry)
    else:
        _append([entry])
    return entry


def _append(entries: list[AuditEntry]) -> None:
    """Chain ``entries`` onto the head, in order. The head is the one row every writer in
    the country shares: it is locked here, as the transaction's last write, and stays locked
    only until the commit that follows."""
    if not entries:
        return
    # No savepoint of its own: a failure here must undo the enclosing action anyway. The
    # entries go in as one INSERT (a report's intake appends three).
    with transaction.atomic(savepoint=False):
        head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
        for entry in entries:
            entry.seq, entry.prev_hash = head.seq + 1, head.hash
            entry.hash = hash_of(entry)
            head.seq, head.hash = entry.seq, entry.hash
        AuditEntry.objects.bulk_create(entries)
        head.save(update_fields=["seq", "hash"])


_local = threading.local()  # database connections are per thread, and so is this


def _pending() -> list[list[AuditEntry]]:
    stack: list[list[AuditEntry]] | None = getattr(_local, "stack", None)
    if stack is None:
        stack = _local.stack = []
    return stack


@contextmanager
def audit_deferred() -> Iterator[None]:
    """Collect the block's audit entries and append them when it ends, so the chain head is
    taken last and held only from there to the commit. Nested blocks hand their entries to
    the enclosing one; a block left by an exception drops its own (its savepoint rolls back
    too). Use it inside the transaction (``audited`` does both)."""
    stack = _pending()
    stack.append([])
    try:
        yield
    except BaseException:
        stack.pop()
        raise
    entries = stack.pop()
    if stack:
        stack[-1].extend(entries)
    else:
        _append(entries)


F = TypeVar("F", bound=Callable[..., Any])


def audited(fn: F) -> F:
    """``transaction.atomic`` for a service, with its audit entries appended as its last write
    (``audit_deferred``): the service locks its own rows first and the shared chain head only
    at the end."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with transaction.atomic(), audit_deferred():
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
