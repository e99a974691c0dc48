"""Staff decisions on triage suggestions (issue #12, item 5): accept or reject.

A suggestion never changes anything by itself. Accepting one is a staff action: the
decision is recorded (``Suggestion``: what was suggested, with its confidence and rank, and
who decided when) and the field is filled through the reports app's own service
(``netral.reports.corrections``: the violation type; the reported NIP when it is empty),
which writes its own audit entry; the case takes an accepted type
(``netral.cases.corrections``) and a filled NIP moves the report onto that person's record
(``persons.report_person_relink_by_nip``). Rejecting records the decision and changes nothing else.

Only what the panel offers now can be decided (``suggestion_offer`` recomputes it under the
report's lock): a form cannot slip in a value triage never suggested, and the confidence
recorded is the model's, not the browser's.
"""

from __future__ import annotations

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.cases.corrections import case_violation_type_follow
from netral.common.errors import ApplicationError, Conflict
from netral.reports.corrections import report_nip_fill, report_violation_type_set
from netral.reports.models import Report
from netral.reports.selectors import report_get_for
from netral.triage.duplicates_store import signature_store
from netral.triage.models import Suggestion
from netral.triage.persons import report_person_relink_by_nip
from netral.triage.suggestions_selectors import NONE, Offer, suggestion_offer

NOT_SUGGESTED = gettext_noop("Saran ini tidak (lagi) ditawarkan untuk laporan ini.")
ALREADY_DECIDED = gettext_noop("Saran ini sudah diputuskan.")
NONE_FILLS_NOTHING = gettext_noop(
    '"Bukan pelanggaran" tidak mengisi jenis pelanggaran; tolak saran lain atau putuskan'
    " lewat penanganan kasus."
)


def _decide(
    *, actor: User, report_public_id: str, kind: str, value: str, outcome: str
) -> tuple[Report, Offer, Suggestion]:
    report = report_get_for(actor=actor, public_id=report_public_id)
    # The report's own row is the lock: two clicks, or two staff members, decide in turn.
    report = Report.objects.select_for_update(of=("self",)).get(pk=report.pk)
    require(actor, "case.handle", report)
    offer = suggestion_offer(report=report, kind=kind, value=value[:60])
    if offer is None:
        raise ApplicationError(NOT_SUGGESTED)
    if Suggestion.objects.filter(report=report, kind=kind, value=offer.value).exists():
        raise Conflict(ALREADY_DECIDED)
    accepted = outcome == Suggestion.Outcome.ACCEPTED
    if accepted and kind == Suggestion.Kind.VIOLATION_TYPE and offer.value == NONE:
        raise ApplicationError(NONE_FILLS_NOTHING)
    try:
        with transaction.atomic():
            decision = Suggestion.objects.create(
                report=report,
                kind=kind,
                value=offer.value,
                confidence=offer.confidence,
                rank=offer.rank,
                because=offer.because,
                model=offer.model,
                outcome=outcome,
                decided_by=actor,
                decided_at=timezone.now(),
            )
    except IntegrityError:
        raise Conflict(ALREADY_DECIDED) from None
    audit_record(
        actor=actor,
        action=f"suggestion.{'accept' if outcome == Suggestion.Outcome.ACCEPTED else 'reject'}",
        obj=decision,
        after={
            "report": str(report.public_id),
            "kind": kind,
            "value": offer.value,
            "confidence": offer.confidence,
            "rank": offer.rank,
            "model": offer.model,
        },
    )
    return report, offer, decision


@audited
def suggestion_accept(*, actor: User, report_public_id: str, kind: str, value: str) -> Suggestion:
    """Accept a suggestion: record it and fill the field it names (``case.handle``)."""
    report, offer, decision = _decide(
        actor=actor,
        report_public_id=report_public_id,
        kind=kind,
        value=value,
        outcome=Suggestion.Outcome.ACCEPTED,
    )
    if kind == Suggestion.Kind.VIOLATION_TYPE:
        before = report.violation_type
        report = report_violation_type_set(
            actor=actor, report_public_id=report_public_id, code=offer.value
        )
        case_violation_type_follow(actor=actor, report=report, before=before)
    else:
        report = report_nip_fill(actor=actor, report_public_id=report_public_id, nip=offer.value)
        report_person_relink_by_nip(actor=actor, report=report)
        # The duplicate look-up matches by NIP: the signature follows once this commits.
        transaction.on_commit(partial(signature_store, report_id=report.pk), robust=True)
    return decision


@audited
def suggestion_reject(*, actor: User, report_public_id: str, kind: str, value: str) -> Suggestion:
    """Reject a suggestion: record it; nothing else changes (``case.handle``)."""
    _, _, decision = _decide(
        actor=actor,
        report_public_id=report_public_id,
        kind=kind,
        value=value,
        outcome=Suggestion.Outcome.REJECTED,
    )
    return decision
