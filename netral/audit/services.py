"""Writing to the audit trail. Every state change and every reveal calls ``audit_record``."""

from __future__ import annotations

import json
from typing import Any

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
    is locked for the rest of the transaction, so entries are appended one at a time.
    """
    with transaction.atomic():
        head, _ = ChainHead.objects.select_for_update().get_or_create(pk=1)
        actor_id = getattr(actor, "pk", None) if actor is not None else None
        actor_label = "sistem" if actor is None else (getattr(actor, "username", "") or str(actor))
        kind = object_type or (obj._meta.label_lower if obj is not None else "")
        ident = str(object_id if object_id is not None else (obj.pk if obj is not None else ""))
        entry = AuditEntry(
            seq=head.seq + 1,
            at=timezone.now(),
            actor_id=actor_id,
            actor_label=actor_label,
            action=action,
            object_type=kind,
            object_id=ident,
            before=_jsonable(before),
            after=_jsonable(after),
            reason=reason,
            prev_hash=head.hash,
        )
        entry.hash = hash_of(entry)
        entry.save(force_insert=True)
        head.seq, head.hash = entry.seq, entry.hash
        head.save(update_fields=["seq", "hash"])
    return entry
