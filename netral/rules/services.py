"""Writes for the rules app: recording which rulebook version is in force."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from netral.audit.services import audit_record, audited
from netral.rules.models import RulebookVersion
from netral.rules.selectors import rulebook_get


@dataclass(frozen=True)
class RegisterResult:
    version: RulebookVersion
    created: bool


@audited
def rulebook_register_active() -> RegisterResult:
    """Record the rulebook in force (version and hash of its files), once.

    Idempotent: when this version with these exact files is already recorded nothing is
    written. A version folder whose files changed gets a new row, since the law applied
    changed. Called by ``load_rules``; the actor is the system.
    """
    rulebook = rulebook_get()
    existing = RulebookVersion.objects.filter(
        version=rulebook.version, sha256=rulebook.sha256
    ).first()
    if existing is not None:
        return RegisterResult(version=existing, created=False)
    counts = rulebook.counts()
    try:
        # A savepoint, so a concurrent registration losing the race leaves this transaction usable.
        with transaction.atomic():
            row = RulebookVersion.objects.create(
                version=rulebook.version,
                sha256=rulebook.sha256,
                loaded_at=timezone.now(),
                counts=counts,
            )
    except IntegrityError:
        row = RulebookVersion.objects.get(version=rulebook.version, sha256=rulebook.sha256)
        return RegisterResult(version=row, created=False)
    audit_record(
        actor=None,
        action="rules.version_register",
        obj=row,
        after={"version": row.version, "sha256": row.sha256, "counts": counts},
    )
    return RegisterResult(version=row, created=True)
