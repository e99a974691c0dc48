"""Findings (temuan): violations supervisors register themselves, from a patrol, the media,
or anonymous information from the public turned into a finding.

A finding carries the same fields and evidence rules as a public report, but no reporter:
there is no identity to protect and no receipt code to hand out.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from netral.accounts.models import User
from netral.accounts.permissions import covers, require
from netral.audit.services import audit_deferred, audit_record, audited
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, PermissionDenied
from netral.reports.evidence import evidence_prepare
from netral.reports.forms import ReportForm
from netral.reports.hooks import (
    ReportMadeFinding,
    ReportOpening,
    ReportSubmitted,
    report_made_finding,
    report_opening,
    report_submitted,
)
from netral.reports.models import Report
from netral.reports.received import report_received_enqueue
from netral.reports.selectors import report_get_for
from netral.reports.services import evidence_store, report_fields

OUTSIDE_JURISDICTION = "Wilayah kejadian berada di luar wilayah kerja Anda."
NOT_INFORMATION = "Hanya informasi awal (tanpa identitas) yang dapat dijadikan temuan."
SOURCE_UNKNOWN = "Sumber temuan tidak dikenal: {source}"
REPORTER_FIELDS = (
    "anonymous",
    "reporter_name",
    "reporter_nik",
    "reporter_address",
    "reporter_phone",
    "reporter_email",
    "notify_email",
    "website",
)


class FindingForm(ReportForm):
    """The report form without the reporter block, plus where the finding came from."""

    source = forms.ChoiceField(
        label=_("Sumber temuan"),
        choices=[
            (value, label)
            for value, label in Report.FindingSource.choices
            if value != Report.FindingSource.FROM_INFORMATION  # set by information_to_finding
        ],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in REPORTER_FIELDS:
            del self.fields[name]

    def _clean_reporter(self) -> None:
        # A finding has no reporter; the shared cleaning reads these as empty.
        for name in REPORTER_FIELDS:
            self.cleaned_data[name] = False if name == "anonymous" else ""


def _unguessable_digest() -> str:
    """``receipt_digest`` is unique and required, but a finding has no receipt code. Real
    digests are scrypt outputs of a 16-digit code; a random 256-bit value is a preimage
    nobody can find, so no code can ever look this report up through the tracking page."""
    return secrets.token_hex(32)


def finding_register(
    *, actor: User, form: FindingForm, files: Sequence[UploadedFile], source: str
) -> Report:
    """Store a supervisor's finding with its evidence and open its case (origin temuan).

    ``form`` must be valid. Nothing is stored when any file is refused; files written before
    a database failure are deleted again.
    """
    require(actor, "finding.create")
    if not covers(actor, form.region_obj):
        raise PermissionDenied(OUTSIDE_JURISDICTION)
    if source not in Report.FindingSource.values:
        raise ApplicationError(SOURCE_UNKNOWN, params={"source": source})
    prepared = evidence_prepare(files=files)
    now = clock.now()
    with blobs.deleted_on_failure() as written, transaction.atomic(), audit_deferred():
        report = Report(
            kind=Report.Kind.TEMUAN,
            receipt_digest=_unguessable_digest(),
            channel="staff",
            finding_source=source,
            created_by=actor,
            **report_fields(form=form, now=now),
        )
        # Its case first: the row is inserted once, with its case and handling office.
        report_opening.fire(ReportOpening(report=report, actor=actor))
        report.save(force_insert=True)
        stored = evidence_store(
            report=report, prepared=prepared, message=None, written=written, now=now
        )
        report_submitted.fire(ReportSubmitted(report=report, actor=actor))
        report_received_enqueue(report=report, notify=False)  # search, alerts, person, ...
        audit_record(
            actor=actor,
            action="finding.register",
            obj=report,
            after={
                "source": source,
                "region": report.region_id,
                "election": report.election_id,
                "evidence": [e.sha256 for e in stored],
            },
        )
    return report


@audited
def information_to_finding(
    *, actor: User, report_public_id: str, source: str = "from_information"
) -> Report:
    """Turn anonymous information (informasi) into a finding. Its case becomes a temuan case
    with the handling deadline of a laporan through the cases app's workflow (which refuses
    once the office has decided) and its own audit entry."""
    report = report_get_for(actor=actor, public_id=report_public_id)  # NotFound outside
    require(actor, "finding.create", report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.kind != Report.Kind.INFORMASI:
        raise ApplicationError(NOT_INFORMATION)
    report.kind = Report.Kind.TEMUAN
    report.finding_source = source
    report.created_by = actor
    report.save(update_fields=["kind", "finding_source", "created_by"])
    audit_record(
        actor=actor,
        action="finding.from_information",
        obj=report,
        before={"kind": Report.Kind.INFORMASI},
        after={"kind": report.kind, "source": source},
    )
    # The case follows through its own workflow (cases, above), or everything is undone.
    report_made_finding.fire(ReportMadeFinding(report=report, actor=actor))
    return report
