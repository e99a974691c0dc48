"""Helpers that play the attacker: change audit rows behind the application's back."""

from __future__ import annotations

from typing import Any

from django.db import connection


def _without_guard(sql: str, params: list[Any]) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Deferred foreign-key checks would block ALTER TABLE inside the transaction.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only")
            cursor.execute(sql, params)
            cursor.execute("ALTER TABLE audit_auditentry ENABLE TRIGGER audit_entry_append_only")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            cursor.execute("DROP TRIGGER audit_entry_append_only")
            cursor.execute(sql, params)


def tamper_update(seq: int, **columns: Any) -> None:
    sets = ", ".join(f"{name} = %s" for name in columns)
    _without_guard(f"UPDATE audit_auditentry SET {sets} WHERE seq = %s", [*columns.values(), seq])  # noqa: S608


def tamper_delete(seq: int) -> None:
    _without_guard("DELETE FROM audit_auditentry WHERE seq = %s", [seq])
