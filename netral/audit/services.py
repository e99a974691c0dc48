"""Writing to the audit trail. Every state change and every reveal calls ``audit_record``."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from django.db import models, transaction
from django.utils import timezone

from netral.audit.hashing import canonical, hash_of
from netral.audit.models import AuditEntry, ChainHead
from netral.common.rows import ThreadStack, collected, insert_rows


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


ENTRY_FIELDS = (
    "seq",
    "at",
    "actor",
    "actor_label",
    "action",
    "object_type",
    "object_id",
    "before",
    "after",
    "reason",
    "prev_hash",
    "hash",
)


def _append(entries: list[AuditEntry]) -> None:
    """Chain ``entries`` onto the head, in order. The head is the one row every writer in
    the country shares: it is locked here, as the transaction's last write, and stays locked
    only until the commit that follows."""
    if not entries:
        return
    # No savepoint of its own: a failure here must undo the enclosing action anyway. The
    # entries go in as one plain INSERT (a report's intake appends two); on PostgreSQL the
    # head's new sequence and hash are written by the same statement.
    with transaction.atomic(savepoint=False):
        connection = transaction.get_connection()
        seq, last = _head_locked(connection)
        for entry in entries:
            entry.seq, entry.prev_hash = seq + 1, last
            entry.hash = hash_of(entry)
            seq, last = entry.seq, entry.hash
        rows = [[getattr(entry, attr) for attr in _ENTRY_ATTRS] for entry in entries]
        # Table names from the models, values bound: nothing from outside in the text.
        update = f"UPDATE {_head_table(connection)} SET seq = %s, hash = %s WHERE id = 1"  # noqa: S608
        # With the rows an enclosing ``rows_deferred`` holds (the intake's reporter, contact
        # and rollup deltas): on PostgreSQL all in this one statement.
        pks = insert_rows(
            AuditEntry, ENTRY_FIELDS, rows, also=[(update, [seq, last])], with_pending=True
        )
        for entry, pk in zip(entries, pks, strict=True):
            entry.pk = pk
            entry._state.adding = False
            entry._state.db = connection.alias


_ENTRY_ATTRS = tuple("actor_id" if name == "actor" else name for name in ENTRY_FIELDS)


def _head_table(connection: Any) -> str:
    return str(connection.ops.quote_name(ChainHead._meta.db_table))


def _head_locked(connection: Any) -> tuple[int, str]:
    """The chain head's sequence number and hash, its row locked to the commit (created on
    the first append)."""
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        table = _head_table(connection)
        cursor.execute(f"SELECT seq, hash FROM {table} WHERE id = 1{lock}")  # noqa: S608
        row = cursor.fetchone()
    if row is None:
        head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
        return head.seq, head.hash
    return int(row[0]), str(row[1])


_stack = ThreadStack()


def _pending() -> list[list[AuditEntry]]:
    return _stack.levels


@contextmanager
def audit_deferred() -> Iterator[None]:
    """Collect the block's audit entries and append them when it ends, so the chain head is
    taken last and held only from there to the commit. Nested blocks hand their entries to
    the enclosing one; a block left by an exception drops its own (its savepoint rolls back
    too). Use it inside the transaction (``audited`` does both)."""
    with collected(_pending(), _append):
        yield


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
