"""The reporter's PDF receipts.

Two of them, both without identity (a receipt may be found on a shared phone):

- :func:`receipt_pdf`, the code receipt: the secret receipt code, when and what was received,
  and what happens next. It is rendered on request for a code the reporter posts back and
  is *not* a registered document: registering it would mean storing its bytes (or a hash of
  bytes that embed the code, open to guessing the 16 digits), and the code is never stored.
- :func:`receipt_document`, the official receipt: a registered document
  (``netral.documents.services``) with a number and a QR code to the public verification page,
  stating the same facts *without the code*, so it can be shown to anyone. It is issued once
  per report; asking again returns the same document.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from fpdf import FPDF

from netral.audit.services import audited
from netral.common.pdf import datetime_id, pdf_text
from netral.documents.kinds import Subject
from netral.documents.models import IssuedDocument
from netral.documents.services import document_issue, documents_about
from netral.reports.document_kinds import RECEIPT
from netral.reports.models import Report
from netral.reports.receipts import receipt_code_display
from netral.reports.selectors import report_deadlines

RECEIPT_TITLE = "Tanda Terima Laporan"


def receipt_pdf(*, report: Report, code: str) -> bytes:
    tz = ZoneInfo(report.region.tzinfo_name)
    zone = report.region.timezone
    pdf = FPDF(format="A4")
    pdf.set_title("Tanda Terima Laporan Netral")
    pdf.set_creator("Netral")
    pdf.add_page()
    pdf.set_margins(20, 20, 20)
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 12, "Tanda Terima", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(
        0,
        7,
        pdf_text("Netral - pelaporan pelanggaran netralitas ASN"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(6)
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 7, "Kode tanda terima:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Courier", "B", 22)
    pdf.cell(0, 12, receipt_code_display(code), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    rows = [
        ("Jenis", str(report.get_kind_display())),
        ("Diterima", f"{report.submitted_at.astimezone(tz):%d-%m-%Y %H:%M} {zone}"),
        ("Wilayah", report.region.name),
        ("Pemilihan", report.election.name),
        ("Bukti", f"{report.evidence.count()} berkas"),
    ]
    for label, value in rows:
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(35, 7, pdf_text(label))
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 7, pdf_text(value), new_x="LMARGIN", new_y="NEXT")
    deadlines = report_deadlines(report=report)
    if deadlines:
        pdf.ln(3)
        pdf.set_font("Helvetica", "B", 12)
        pdf.cell(0, 8, "Tenggat penanganan", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        for deadline in deadlines:
            due = deadline.due.astimezone(tz)
            when = f"{due:%d-%m-%Y %H:%M} {zone}"
            line = f"{deadline.name}: paling lambat {when} ({deadline.legal_basis})"
            pdf.multi_cell(0, 6, pdf_text(line), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 10)
    notes = [
        "Simpan kode ini di tempat aman. Hanya dengan kode ini Anda dapat melihat perkembangan "
        "laporan, membalas pesan petugas, dan menambah bukti di halaman Lacak laporan.",
        "Kode ini tidak dapat dipulihkan bila hilang: kami tidak menyimpannya.",
        "Identitas pelapor dirahasiakan dan tidak dicantumkan pada tanda terima ini.",
    ]
    if report.kind == Report.Kind.INFORMASI:
        notes.insert(
            0,
            "Informasi tanpa identitas tidak memiliki tenggat menurut undang-undang; pengawas "
            "dapat menjadikannya temuan.",
        )
    for note in notes:
        pdf.multi_cell(0, 5, pdf_text(note), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    return bytes(pdf.output())


def receipt_subject(report: Report) -> Subject:
    # The public id, not the row id: nothing about the document reveals how many came before.
    return Subject.of("report", report.public_id)


@audited
def receipt_document(*, report: Report) -> IssuedDocument:
    """The report's official receipt (issued on first request, then the same one): number,
    QR code, what was received and when; never the receipt code or the reporter."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    issued = documents_about([receipt_subject(locked)]).filter(kind=RECEIPT).first()
    if issued is not None:
        return issued
    region = locked.region
    local = locked.submitted_at.astimezone(ZoneInfo(region.tzinfo_name))
    lines = [
        ("Jenis", str(locked.get_kind_display())),
        ("Diterima", datetime_id(local, zone=region.timezone)),
        ("Wilayah kejadian", region.name),
        ("Pemilihan", locked.election.name),
        ("Bukti", f"{locked.evidence.count()} berkas"),
    ]
    paragraphs = [
        "Dengan ini Bawaslu menyatakan telah menerima laporan dengan keterangan tersebut di atas.",
    ]
    for deadline in report_deadlines(report=locked):
        due = datetime_id(deadline.due.astimezone(local.tzinfo), zone=region.timezone)
        paragraphs.append(f"{deadline.name}: paling lambat {due} ({deadline.legal_basis}).")
    paragraphs.append(
        "Tanda terima resmi ini tidak memuat kode tanda terima maupun identitas pelapor, sehingga "
        "dapat ditunjukkan kepada pihak lain. Perkembangan laporan hanya dapat dilihat dengan "
        "kode tanda terima."
    )
    case = locked.case
    return document_issue(
        kind=RECEIPT,
        title=RECEIPT_TITLE,
        office_region=case.office_region if case is not None else region,
        lines=lines,
        paragraphs=paragraphs,
        issued_by=None,
        subject=receipt_subject(locked),
    )
