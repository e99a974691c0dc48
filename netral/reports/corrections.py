"""Staff corrections of what a report says: its violation type and the reported person's NIP.

The reporter may leave both empty (the form does not require them); staff set them while
handling the report, e.g. by accepting a triage suggestion (``netral.triage.suggestions``,
which stands above and calls these). Each write locks the report, checks ``case.handle`` on
it, validates the value, saves only that field and writes an audit entry with the old and
the new value. Setting what is already there changes nothing and writes nothing.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError, Conflict
from netral.common.identifiers import nip_parse
from netral.reports.hooks import report_text_changed
from netral.reports.models import Report
from netral.reports.selectors import report_get_for
from netral.rules.selectors import violation_type_list

VIOLATION_TYPE_UNKNOWN = gettext_noop("Jenis pelanggaran {code} tidak ada dalam aturan.")
NIP_ALREADY_SET = gettext_noop("NIP terlapor sudah terisi; NIP lain tidak menimpanya.")


def _locked(*, actor: User, report_public_id: str) -> Report:
    """The scoped report (NotFound outside the jurisdiction), re-read under SELECT FOR
    UPDATE on its own row only (call inside a transaction)."""
    report = report_get_for(actor=actor, public_id=report_public_id)
    return Report.objects.select_for_update(of=("self",)).get(pk=report.pk)


@audited
def report_violation_type_set(*, actor: User, report_public_id: str, code: str) -> Report:
    """Set the report's violation type to the rulebook's ``code``."""
    report = _locked(actor=actor, report_public_id=report_public_id)
    require(actor, "case.handle", report)
    if code not in {vt.code for vt in violation_type_list()}:
        raise ApplicationError(
            VIOLATION_TYPE_UNKNOWN, field="violation_type", params={"code": code[:60]}
        )
    before = report.violation_type
    if before == code:
        return report
    report.violation_type = code
    report.save(update_fields=["violation_type"])
    audit_record(
        actor=actor,
        action="report.violation_type_set",
        obj=report,
        before={"violation_type": before},
        after={"violation_type": code},
    )
    return report


@audited
def report_nip_fill(*, actor: User, report_public_id: str, nip: str) -> Report:
    """Fill the reported person's NIP when the report has none (a NIP already there is never
    overwritten: ``Conflict``). ``nip`` must be a valid NIP."""
    report = _locked(actor=actor, report_public_id=report_public_id)
    require(actor, "case.handle", report)
    try:
        digits = nip_parse(nip).nip
    except ValueError as exc:
        raise ApplicationError(str(exc), field="reported_nip") from exc
    if report.reported_nip == digits:
        return report
    if report.reported_nip:
        raise Conflict(NIP_ALREADY_SET, field="reported_nip")
    report.reported_nip = digits
    report.save(update_fields=["reported_nip"])
    audit_record(
        actor=actor,
        action="report.nip_fill",
        obj=report,
        before={"reported_nip": ""},
        after={"reported_nip": digits},
    )
    report_text_changed.fire(report)
    return report
