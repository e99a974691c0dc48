"""Legal holds: a case that retention must not touch until the hold is released.

Placing and releasing a hold is for the leadership of the case's office (the capability that
decides the case, ``case.decide``); both are audited with the reason.
"""

from __future__ import annotations

from django.db import transaction

from netral.accounts.models import User
from netral.accounts.permissions import can, require
from netral.audit.services import audit_deferred, audit_record
from netral.cases.models import Case
from netral.common import clock
from netral.common.errors import ApplicationError, NotFound
from netral.operations.models import LegalHold

CASE_NOT_FOUND = "Kasus tidak ditemukan."
HOLD_REASON_NEEDED = "Alasan penahanan hukum wajib diisi (paling banyak 2.000 karakter)."
ALREADY_HELD = "Kasus ini sudah dalam penahanan hukum."
NOT_HELD = "Kasus ini tidak dalam penahanan hukum."
REASON_MAX = 2000


def _case_for_update(*, actor: User, case_id: int) -> Case:
    """The case, locked; outside the actor's jurisdiction it does not exist."""
    case = Case.objects.select_for_update(of=("self",)).filter(pk=case_id).first()
    if case is None or not can(actor, "case.view", case):
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.decide", case)
    return case


def legal_hold_place(*, actor: User, case_id: int, reason: str) -> LegalHold:
    """Stop every retention rule for the case until released."""
    text = reason.strip()
    with transaction.atomic(), audit_deferred():
        case = _case_for_update(actor=actor, case_id=case_id)
        if not text or len(text) > REASON_MAX:
            raise ApplicationError(HOLD_REASON_NEEDED, field="reason")
        if LegalHold.objects.filter(case=case, released_at__isnull=True).exists():
            raise ApplicationError(ALREADY_HELD)
        hold = LegalHold.objects.create(
            case=case, reason=text, placed_by=actor, placed_at=clock.now()
        )
        audit_record(
            actor=actor, action="case.legal_hold", obj=case, after={"hold": hold.pk}, reason=text
        )
    return hold


def legal_hold_release(*, actor: User, case_id: int, reason: str) -> LegalHold:
    """End the case's active hold; retention applies again from the next run."""
    text = reason.strip()
    with transaction.atomic(), audit_deferred():
        case = _case_for_update(actor=actor, case_id=case_id)
        if not text or len(text) > REASON_MAX:
            raise ApplicationError(HOLD_REASON_NEEDED, field="reason")
        hold = (
            LegalHold.objects.select_for_update()
            .filter(case=case, released_at__isnull=True)
            .first()
        )
        if hold is None:
            raise ApplicationError(NOT_HELD)
        hold.released_by, hold.released_at = actor, clock.now()
        hold.save(update_fields=["released_by", "released_at"])
        audit_record(
            actor=actor,
            action="case.legal_hold_release",
            obj=case,
            before={"hold": hold.pk},
            reason=text,
        )
    return hold
