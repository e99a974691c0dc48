"""Appending rows in one plain ``INSERT`` on hot write paths (issue #13 item 3).

``insert_rows`` writes rows of a model without building model instances or running its
signals: one ``INSERT ... VALUES (...), (...) RETURNING pk``, each value prepared by its own
field as the ORM would (encrypted fields, JSON, time zones). For append-only rows that no
signal watches and no ``save()`` override guards beyond refusing updates: audit entries and
rollup deltas. ``prefix`` goes before the ``INSERT`` (PostgreSQL: a data-modifying ``WITH``
that runs in the same statement).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connections, models, router


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    prefix: str = "",
    prefix_params: Sequence[Any] = (),
) -> list[Any]:
    """Insert ``rows`` (the values of ``fields``, in order) into ``model``'s table in one
    statement; the new primary keys, in the order of ``rows``."""
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    opts = model._meta
    columns: list[Any] = [opts.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    one = "(" + ", ".join(["%s"] * len(columns)) + ")"
    # Names from the model, every value bound: nothing from outside in the text.
    sql = (
        f"{prefix} INSERT INTO {quote(opts.db_table)} "  # noqa: S608
        f"({', '.join(quote(c.column) for c in columns)}) "
        f"VALUES {', '.join([one] * len(rows))} RETURNING {quote(opts.pk.column)}"
    ).lstrip()
    params = list(prefix_params)
    for row in rows:
        if len(row) != len(columns):
            raise ValueError(f"{len(row)} values for {len(columns)} fields")
        params.extend(
            c.get_db_prep_save(value, connection) for c, value in zip(columns, row, strict=True)
        )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]
