"""Re-encrypting protected fields and blobs under the current key (the first of
NETRAL_FIELD_KEYS).

Rotation: put the new key first and keep the old one after it, run ``rotate_field_key``,
then remove the old key. Field rows are rewritten with raw SQL so that nothing else about
them changes, in batches, each batch in its own transaction. Blobs are found through the
registry of blob columns (:func:`netral.common.blobs.blob_columns`), so every kind of blob
(evidence, official documents, decrees, attachments) is covered.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, models, transaction

from netral.common import blobs
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


def blobs_rotate(*, batch_size: int = 200) -> list[FieldRotation]:
    """Reseal every blob a registered column points at that is under an old key or an old
    purpose name: write a new blob beside it, point the row at it, then delete the old one
    after commit (a crash in between leaves an orphan for ``storage_check``, never a row
    without its blob). Returns how many blobs were rewritten per column."""
    results = []
    for column in blobs.blob_columns():
        rewritten = 0
        last = 0
        while True:
            rows = list(column.refs().filter(pk__gt=last)[:batch_size])
            for row in rows:
                pk, ref = row[0], row[1]
                data, current = blobs.unseal(column.purpose, ref, blobs.read_sealed(ref))
                if current:
                    continue
                fresh = blobs.put_beside(column.purpose, data, ref=ref)
                with transaction.atomic():
                    moved = column.model._base_manager.filter(pk=pk, **{column.field: ref}).update(
                        **{column.field: fresh}
                    )
                    if moved:
                        transaction.on_commit(functools.partial(blobs.delete, [ref]))
                if moved:
                    rewritten += 1
                else:  # the row changed meanwhile: keep what it points at now
                    blobs.delete([fresh])
            if len(rows) < batch_size:
                break
            last = rows[-1][0]
        results.append(FieldRotation(column.label, rewritten))
    return results
