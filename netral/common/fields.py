"""Model fields for protected data."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.core.exceptions import FieldError
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper

from netral.common.crypto import decrypt_text, encrypt_text

LOOKUP_FORBIDDEN = (
    "{field} is encrypted: it cannot be filtered, compared or transformed (lookup '{lookup}'); "
    "only __isnull is allowed."
)
PURPOSE_REQUIRED = "EncryptedTextField needs purpose=, a short non-empty label that never changes."


class EncryptedTextField(models.TextField):
    """Text stored as :func:`~netral.common.crypto.encrypt_text` output; plaintext in Python.

    ``purpose`` is bound into the ciphertext as associated data
    (``b"netral.field:" + purpose``), so a value copied into a field with another purpose
    fails to decrypt. It is deliberately not derived from the model or field name: renaming
    either must not make the stored data unreadable. Never change a purpose once data exists.

    Limits, by design:

    * the binding is per field, not per row: a ciphertext copied to another row of the same
      field still decrypts. Where that matters, encrypt with a per-row id via
      :mod:`netral.common.crypto` directly;
    * ``None`` and ``""`` are stored as they are (whether a value is empty is not secret);
    * no lookups except ``__isnull``: any other lookup or transform raises FieldError, since
      the stored value is randomised ciphertext (``filter(f=None)`` must be written
      ``filter(f__isnull=True)``). Ordering by the field is possible but meaningless;
    * ``dumpdata`` and other serialisation see plaintext, like any Python access;
    * ``to_python`` never decrypts, so user input shaped like a ciphertext is kept as text and
      cannot be used as a decryption oracle.
    """

    description = "Encrypted text"

    def __init__(self, *args: Any, purpose: str = "", **kwargs: Any) -> None:
        if not isinstance(purpose, str) or not purpose.strip():
            raise TypeError(PURPOSE_REQUIRED)
        self.purpose = purpose
        super().__init__(*args, **kwargs)

    @property
    def associated_data(self) -> bytes:
        return b"netral.field:" + self.purpose.encode("utf-8")

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["purpose"] = self.purpose
        return name, path, args, kwargs

    def check(self, **kwargs: Any) -> list[checks.CheckMessage]:
        errors = super().check(**kwargs)
        # Random nonces make equal plaintexts differ, so an index or a unique constraint
        # would be useless, and a unique check would need a forbidden lookup.
        if self.unique or getattr(self, "db_index", False) or self.primary_key:
            errors.append(
                checks.Error(
                    "EncryptedTextField cannot be unique, indexed or a primary key.",
                    obj=self,
                    id="common.E001",
                )
            )
        return errors

    def get_prep_value(self, value: Any) -> Any:
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt_text(value, associated_data=self.associated_data)

    def from_db_value(
        self, value: str | None, expression: Any, connection: BaseDatabaseWrapper
    ) -> str | None:
        """Decrypt on load; raises DecryptionError if the stored value was tampered with."""
        if value is None or value == "":
            return value
        return decrypt_text(value, associated_data=self.associated_data)

    def get_lookup(self, lookup_name: str) -> Any:
        if lookup_name != "isnull":
            raise FieldError(LOOKUP_FORBIDDEN.format(field=self._label(), lookup=lookup_name))
        return super().get_lookup(lookup_name)

    def get_transform(self, lookup_name: str) -> Any:
        raise FieldError(LOOKUP_FORBIDDEN.format(field=self._label(), lookup=lookup_name))

    def _label(self) -> str:
        model = getattr(self, "model", None)
        return f"{model._meta.label}.{self.name}" if model is not None else self.purpose
