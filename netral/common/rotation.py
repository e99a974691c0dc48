"""Re-encrypting protected fields under the current key (the first of NETRAL_FIELD_KEYS).

Rotation: put the new key first and keep the old one after it, run ``rotate_field_key``,
then remove the old key. Rows are rewritten with raw SQL so that nothing else about them
changes, in batches, each batch in its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.db import connection, models, transaction

from netral.common.crypto import decrypt_text, encrypt_text, needs_rotation
from netral.common.fields import EncryptedTextField


@dataclass(frozen=True)
class FieldRotation:
    label: str  # "reports.Reporter.name"
    rewritten: int


def encrypted_fields() -> list[tuple[type[models.Model], EncryptedTextField]]:
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, EncryptedTextField)
    ]


def fields_rotate(*, batch_size: int = 500) -> list[FieldRotation]:
    results = []
    quote = connection.ops.quote_name
    for model, field in encrypted_fields():
        table, column = quote(model._meta.db_table), quote(field.column)
        pk = quote(model._meta.pk.column)
        aad = field.associated_data
        rewritten = 0
        last = None
        while True:
            with transaction.atomic(), connection.cursor() as cursor:
                where = f"WHERE {pk} > %s " if last is not None else ""
                cursor.execute(
                    f"SELECT {pk}, {column} FROM {table} {where}ORDER BY {pk} LIMIT %s",  # noqa: S608
                    ([last] if last is not None else []) + [batch_size],
                )
                rows = cursor.fetchall()
                for row_pk, value in rows:
                    if value and needs_rotation(value):
                        fresh = encrypt_text(
                            decrypt_text(value, associated_data=aad), associated_data=aad
                        )
                        cursor.execute(
                            f"UPDATE {table} SET {column} = %s WHERE {pk} = %s",  # noqa: S608
                            [fresh, row_pk],
                        )
                        rewritten += 1
            if len(rows) < batch_size:
                break
            last = rows[-1][0]
        results.append(FieldRotation(f"{model._meta.label}.{field.name}", rewritten))
    return results
