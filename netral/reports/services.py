"""Writes for public reports: intake, reporter messages and more evidence."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from netral.audit.services import audit_deferred, audit_record
from netral.common import blobs, clock
from netral.common.errors import Conflict
from netral.common.rows import insert_rows_later, rows_deferred
from netral.reports.evidence import (
    EvidenceRejected,
    PreparedFile,
    evidence_prepare,
)
from netral.reports.forms import ReportForm
from netral.reports.hooks import (
    ReporterMessaged,
    ReportOpening,
    ReportSubmitted,
    report_opening,
    report_submitted,
    report_text_changed,
    reporter_message_posted,
)
from netral.reports.intake import REPORTER_FIELDS
from netral.reports.models import Contact, Evidence, Message, Report, Reporter
from netral.reports.receipts import receipt_code_new, receipt_digest
from netral.reports.received import report_received_enqueue
from netral.reports.storage import evidence_write
from netral.reports.subjects import agency_type_infer, position_class_infer
from netral.rules.selectors import reporting_window_open

MESSAGE_EMPTY = "Pesan tidak boleh kosong."
MESSAGE_TOO_LONG = "Pesan terlalu panjang (paling banyak 5.000 karakter)."
MAX_MESSAGE = 5_000
ALREADY_SUBMITTED = "Laporan ini sudah terkirim."


class AlreadySubmitted(Conflict):
    """The same form (submission token) was sent again: its report exists already."""


@dataclass(frozen=True)
class SubmitResult:
    report: Report
    receipt_code: str  # shown to the reporter once; never stored
    late: bool
    evidence_count: int = 0  # files stored with the report


def evidence_store(
    *,
    report: Report,
    prepared: Sequence[PreparedFile],
    message: Message | None,
    written: list[str],
    now: datetime.datetime,
) -> list[Evidence]:
    rows = []
    for item in prepared:
        original = evidence_write(folder=str(report.public_id), data=item.data, label="orig")
        written.append(original)
        clean = ""
        if item.clean is not None:
            clean = evidence_write(
                folder=str(report.public_id), data=item.clean.data, label="clean"
            )
            written.append(clean)
        rows.append(
            Evidence.objects.create(
                report=report,
                message=message,
                original_name=item.name,
                kind=item.kind,
                content_type=item.kind.content_type,
                size=len(item.data),
                sha256=item.sha256,
                original_path=original,
                clean_path=clean,
                clean_content_type=item.clean.content_type if item.clean else "",
                received_at=now,
            )
        )
    return rows


def report_fields(*, form: ReportForm, now: datetime.datetime) -> dict[str, Any]:
    """The Report columns taken from a valid form (shared by reports and findings)."""
    data = form.cleaned_data
    assert form.region_obj is not None and form.election_obj is not None
    return {
        "submitted_at": now,
        "region": form.region_obj,
        "election": form.election_obj,
        "location": data["location"],
        "reported_name": data["reported_name"],
        "reported_nip": data["reported_nip"],
        "agency": data["agency"],
        "position": data["position"],
        "position_class": data["position_class"] or position_class_infer(data["position"]),
        "agency_type": agency_type_infer(data["agency"], data["position"]),
        "violation_type": data["violation_type"],
        "chronology": data["chronology"],
        "event_date": data["event_date"],
        "known_date": data["known_date"],
        "candidate_pair": data["candidate_pair"],
        "witnesses": data["witnesses"],
        "links": data["links"],
        "late": not reporting_window_open(
            kind=form.election_obj.cycle.kind,
            known=data["known_date"],
            on=timezone.localdate(now),
        ),
    }


def report_submit(
    *,
    form: ReportForm,
    files: Sequence[UploadedFile],
    channel: str,
    receipt_code: str | None = None,
) -> SubmitResult:
    """Store a validated report with its evidence and return the one-time receipt code.

    ``form`` must be valid. Nothing is stored when any file is refused; files written before a
    database failure are deleted again, so an acknowledged code always has its report.
    ``receipt_code`` (the web form's, derived from its one-time submission token) is used
    instead of a random one: when a report with that code exists, the same form was sent
    twice and ``AlreadySubmitted`` is raised, nothing stored.
    """
    assert form.region_obj is not None and form.election_obj is not None
    prepared = evidence_prepare(files=files)
    now = clock.now()
    for _attempt in range(3):  # a 16-digit collision is astronomically rare; retry
        code = receipt_code or receipt_code_new()
        digest = receipt_digest(code)  # the deliberate cost, before the transaction opens
        try:
            report, stored = _report_store(
                form=form, prepared=prepared, channel=channel, digest=digest, now=now
            )
        except _ReceiptTaken:
            if receipt_code is not None:
                raise AlreadySubmitted(ALREADY_SUBMITTED) from None
            continue
        return SubmitResult(
            report=report, receipt_code=code, late=report.late, evidence_count=len(stored)
        )
    raise RuntimeError("could not allocate a receipt code")  # pragma: no cover - 3 collisions


class _ReceiptTaken(Exception):
    """The receipt digest exists already: the intake's transaction was rolled back whole."""


def _report_store(
    *,
    form: ReportForm,
    prepared: Sequence[PreparedFile],
    channel: str,
    digest: str,
    now: datetime.datetime,
) -> tuple[Report, list[Evidence]]:
    """The intake's one transaction. A taken receipt digest leaves it as ``_ReceiptTaken``
    (no savepoint around the insert: the whole transaction is retried or refused)."""
    data = form.cleaned_data
    anonymous = bool(data["anonymous"])
    # Audit entries (report, case) are appended last: the chain head is shared by all. The
    # reporter, the contact and the rollup deltas are written with them (``rows_deferred``:
    # one statement on PostgreSQL), in this transaction, which has no savepoint.
    with (
        blobs.deleted_on_failure() as written,
        transaction.atomic(),
        rows_deferred(),
        audit_deferred(),
    ):
        report = Report(
            kind=Report.Kind.INFORMASI if anonymous else Report.Kind.LAPORAN,
            receipt_digest=digest,
            channel=channel,
            **report_fields(form=form, now=now),
        )
        # Case handling (above reports) opens the case first: the report's row is inserted
        # once, with its case and handling office.
        report_opening.fire(ReportOpening(report=report, actor=None))
        try:
            report.save(force_insert=True)
        except IntegrityError:
            raise _ReceiptTaken from None
        if not anonymous:
            # Every field encrypted by its own field (``insert_rows`` prepares them).
            identity = [data[f"reporter_{name}"] for name in REPORTER_FIELDS]
            insert_rows_later(Reporter, ("report", *REPORTER_FIELDS), [[report.pk, *identity]])
        notify = data["notify_email"] or ("" if anonymous else data["reporter_email"])
        if notify:
            insert_rows_later(Contact, ("report", "email"), [[report.pk, notify]])
        stored = evidence_store(
            report=report, prepared=prepared, message=None, written=written, now=now
        )
        # The case's opening is recorded (and links queued for capture), in this transaction;
        # what derives from it (search, alerts, person, signature, partner event) and the
        # reporter's notice follow in one task, queued here so that it commits with the report.
        report_submitted.fire(ReportSubmitted(report=report, actor=None))
        report_received_enqueue(report=report, notify=True)
        # No identity, no code, no address in the trail: only what happened.
        audit_record(
            actor=None,
            action="report.submit",
            obj=report,
            after={
                "kind": report.kind,
                "region": report.region_id,
                "election": report.election_id,
                "late": report.late,
                "evidence": [e.sha256 for e in stored],
            },
        )
    return report, stored


def reporter_message_post(
    *, report: Report, body: str, files: Sequence[UploadedFile] = ()
) -> Message:
    """The reporter writes to the handlers (through the receipt code), optionally with more
    evidence. Counts against the same per-report evidence limits."""
    body = body.strip()
    if not body and not files:
        raise EvidenceRejected(MESSAGE_EMPTY)
    if len(body) > MAX_MESSAGE:
        raise EvidenceRejected(MESSAGE_TOO_LONG)
    # Snapshots of the report's links (``captured``) are the office's, not the reporter's:
    # they do not count against the reporter's file limits.
    uploaded = report.evidence.filter(source_url="")
    prepared = evidence_prepare(files=files, existing=list(uploaded.values_list("size", "kind")))
    now = clock.now()
    with blobs.deleted_on_failure() as written, transaction.atomic(), audit_deferred():
        message = Message.objects.create(
            report=report, sender=Message.Sender.REPORTER, body=body, created_at=now
        )
        stored = evidence_store(
            report=report, prepared=prepared, message=message, written=written, now=now
        )
        audit_record(
            actor=None,
            action="report.reporter_message",
            obj=report,
            after={"message": message.pk, "evidence": [e.sha256 for e in stored]},
        )
        reporter_message_posted.fire(ReporterMessaged(report=report))
        report_text_changed.fire(report)
    return message
