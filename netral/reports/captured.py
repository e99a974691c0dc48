"""Snapshots of a link given as evidence, sealed like every evidence file.

The channels app (above) fetches the page in a headless browser and hands the three files
here: the page as PDF, as PNG and its HTML. Each is stored as an ``Evidence`` row of the
report: the original encrypted with its SHA-256, and a cleaned copy staff open without extra
permission (the PDF and the PNG through the scrubber, which drops the PDF's producer and
dates and re-encodes the PNG's pixels; the HTML's cleaned copy is the cleaned PDF, since the
page's own markup may carry scripts and trackers). The capture time, the address and the
hashes go into the audit trail on the report: its chain of custody.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import transaction

from netral.audit.services import audit_deferred, audit_record
from netral.common import blobs
from netral.reports.evidence import (
    CleanResult,
    EvidenceKind,
    EvidenceRejected,
    PreparedFile,
    clean_copy,
    sha256_hex,
)
from netral.reports.models import Evidence, Report
from netral.reports.services import evidence_store

MAX_SOURCE_URL = 2_000
NOT_A_SNAPSHOT = "Tangkapan halaman tidak berupa PDF dan PNG yang sah."


@dataclass(frozen=True)
class PageSnapshot:
    """What the browser gave for one address (``url`` as given, ``final_url`` after
    redirects)."""

    url: str
    final_url: str
    pdf: bytes
    png: bytes
    html: bytes


def _prepared(snapshot: PageSnapshot) -> list[PreparedFile]:
    """The three files, checked and cleaned before anything is stored."""
    if not snapshot.pdf.startswith(b"%PDF-") or not snapshot.png.startswith(b"\x89PNG"):
        raise EvidenceRejected(NOT_A_SNAPSHOT)
    pdf_clean = clean_copy(snapshot.pdf, EvidenceKind.PDF, filename="halaman.pdf")
    png_clean = clean_copy(snapshot.png, EvidenceKind.PNG, filename="halaman.png")
    html_clean = (
        CleanResult(pdf_clean.data, pdf_clean.content_type, pdf_clean.extension)
        if pdf_clean is not None
        else None
    )
    files = [
        ("halaman.pdf", snapshot.pdf, EvidenceKind.PDF, pdf_clean),
        ("halaman.png", snapshot.png, EvidenceKind.PNG, png_clean),
        ("halaman.html", snapshot.html, EvidenceKind.HTML, html_clean),
    ]
    return [
        PreparedFile(name=name, data=data, kind=kind, sha256=sha256_hex(data), clean=clean)
        for name, data, kind, clean in files
    ]


def evidence_capture_store(
    *, report_id: int, snapshot: PageSnapshot, captured_at: datetime.datetime
) -> list[Evidence]:
    """Store a page snapshot as three evidence files of report ``report_id`` (PDF, PNG,
    HTML, in that order) with an ``evidence.capture`` audit entry. Runs in the caller's
    transaction (or its own); blobs written before a failure are deleted again.

    Raises EvidenceRejected when the PDF or PNG is not one (nothing stored)."""
    prepared = _prepared(snapshot)
    with blobs.deleted_on_failure() as written, transaction.atomic(), audit_deferred():
        report = Report.objects.get(pk=report_id)
        rows = evidence_store(
            report=report, prepared=prepared, message=None, written=written, now=captured_at
        )
        url = snapshot.url[:MAX_SOURCE_URL]
        for row in rows:
            row.source_url = url
        Evidence.objects.bulk_update(rows, ["source_url"])
        audit_record(
            actor=None,
            action="evidence.capture",
            obj=report,
            after={
                "url": url,
                "final_url": snapshot.final_url[:MAX_SOURCE_URL],
                "captured_at": captured_at,
                "files": [
                    {"evidence": row.pk, "kind": row.kind, "sha256": row.sha256, "size": row.size}
                    for row in rows
                ],
            },
        )
    return rows
