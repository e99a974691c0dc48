"""Appending rows in plain ``INSERT`` statements on hot write paths (issue #13 item 3).

``insert_rows`` writes rows of a model without building model instances or running its
signals: one ``INSERT ... VALUES (...), (...) RETURNING pk``, each value prepared by its own
field as the ORM would (encrypted fields, JSON, time zones). For rows that no signal watches
and no ``save()`` override guards beyond refusing updates, and whose fields all have values
(no Python-side defaults are applied): audit entries, rollup deltas, the reporter's identity.
``also`` are further data-modifying statements run by the same statement (PostgreSQL: a
``WITH``; elsewhere they run before it, in turn).

``rows_deferred`` collects, for the length of a block, the rows given to ``insert_rows_later``
and writes them at its end, or earlier with the next ``insert_rows(..., with_pending=True)``
(the audit trail's last statement): on PostgreSQL all in that one statement. Only for a block
inside ONE transaction that nothing rolls back in part (no savepoint that a caller catches:
the intake): an exception drops the queued rows with the transaction that would have held them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import connections, models, router


@dataclass(frozen=True)
class _Rows:
    model: type[models.Model]
    fields: Sequence[str]
    rows: Sequence[Sequence[Any]]
    then: Callable[[list[Any]], None] | None  # given the new primary keys, once written


def _insert_sql(connection: Any, item: _Rows) -> tuple[str, list[Any]]:
    """``INSERT INTO ... VALUES ... RETURNING pk`` of ``item`` and its parameters."""
    opts = item.model._meta
    columns: list[Any] = [opts.get_field(name) for name in item.fields]
    quote = connection.ops.quote_name
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    # Names from the model, every value bound: nothing from outside in the text.
    sql = (
        f"INSERT INTO {quote(opts.db_table)} "  # noqa: S608
        f"({', '.join(quote(c.column) for c in columns)}) "
        f"VALUES {', '.join([one] * len(item.rows))} RETURNING {quote(opts.pk.column)}"
    )
    params: list[Any] = []
    for row in item.rows:
        if len(row) != len(columns):
            raise ValueError(f"{len(row)} values for {len(columns)} fields")
        params.extend(
            c.get_db_prep_save(value, connection) for c, value in zip(columns, row, strict=True)
        )
    return sql, params


def _execute(connection: Any, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return list(cursor.fetchall())


def _write(
    connection: Any,
    items: Sequence[_Rows],
    also: Sequence[tuple[str, Sequence[Any]]] = (),
) -> list[list[Any]]:
    """Write ``items`` (and run ``also``) and return each item's new keys, in row order. On
    PostgreSQL one statement: the first item's INSERT, the rest and ``also`` in its ``WITH``."""
    if connection.vendor != "postgresql" or len(items) + len(also) == 1:
        for sql, params in also:
            _execute(connection, sql, params)
        return [[r[0] for r in _execute(connection, *_insert_sql(connection, i))] for i in items]
    ctes, params = [], []
    for n, (sql, values) in enumerate(also):
        ctes.append(f"a{n} AS ({sql})")
        params.extend(values)
    selects = []
    for n, item in enumerate(items):
        sql, values = _insert_sql(connection, item)
        ctes.append(f"r{n} AS ({sql})")
        params.extend(values)
        selects.append(f"SELECT {n}, * FROM r{n}")  # noqa: S608 - our own names
    # Each INSERT's RETURNING keeps the order of its VALUES; UNION ALL appends them in turn.
    rows = _execute(connection, f"WITH {', '.join(ctes)} {' UNION ALL '.join(selects)}", params)
    out: list[list[Any]] = [[] for _ in items]
    for n, pk in rows:
        out[n].append(pk)
    return out


T = TypeVar("T")


class ThreadStack(threading.local):
    """A stack of collecting levels per thread (database connections are per thread, and so
    is what waits to be written on one): ``collected`` blocks push and pop its levels."""

    def __init__(self) -> None:
        self.levels: list[list[Any]] = []


_stack = ThreadStack()


def _pending() -> list[list[_Rows]]:
    return _stack.levels


def _take_pending() -> list[_Rows]:
    taken = [item for level in _pending() for item in level]
    for level in _pending():
        level.clear()
    return taken


def _done(items: Sequence[_Rows], keys: Sequence[list[Any]]) -> None:
    for item, pks in zip(items, keys, strict=True):
        if item.then is not None:
            item.then(pks)


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    also: Sequence[tuple[str, Sequence[Any]]] = (),
    with_pending: bool = False,
) -> list[Any]:
    """Insert ``rows`` (the values of ``fields``, in order) into ``model``'s table; the new
    primary keys, in the order of ``rows``. ``with_pending``: the rows that ``rows_deferred``
    holds go in too (in the same statement on PostgreSQL)."""
    if not rows and not also:
        return []
    connection = connections[router.db_for_write(model)]
    pending = _take_pending() if with_pending else []
    items = [_Rows(model, fields, rows, None), *pending] if rows else pending
    keys = _write(connection, items, also)
    _done(items, keys)
    return keys[0] if rows else []


def insert_rows_later(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[Sequence[Any]],
    then: Callable[[list[Any]], None] | None = None,
) -> None:
    """``insert_rows`` now, or inside ``rows_deferred`` when its block ends (or with the
    next ``insert_rows(..., with_pending=True)``); ``then`` gets the new primary keys."""
    if not rows:
        return
    stack = _pending()
    if stack:
        stack[-1].append(_Rows(model, fields, rows, then))
        return
    keys = insert_rows(model, fields, rows)
    if then is not None:
        then(keys)


@contextmanager
def collected(stack: list[list[T]], flush: Callable[[list[T]], None]) -> Iterator[None]:
    """A block that collects items in a new level of ``stack`` (a thread's): at its end they
    go to the enclosing block, or to ``flush`` when it is the outermost and has any; a block
    left by an exception drops its own. ``rows_deferred`` and ``audit.audit_deferred``."""
    stack.append([])
    try:
        yield
    except BaseException:
        stack.pop()
        raise
    items = stack.pop()
    if stack:
        stack[-1].extend(items)
    elif items:
        flush(items)


def _flush(items: list[_Rows]) -> None:
    connection = connections[router.db_for_write(items[0].model)]
    _done(items, _write(connection, items))


@contextmanager
def rows_deferred() -> Iterator[None]:
    """Queue the block's ``insert_rows_later`` rows and write them when it ends (see the
    module's docstring for when this is safe). Nested blocks hand theirs to the enclosing one."""
    with collected(_pending(), _flush):
        yield
