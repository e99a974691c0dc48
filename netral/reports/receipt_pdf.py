"""The reporter's PDF receipt: the code, when and what was received, and what happens next.

It carries no identity (a receipt may be found on a shared phone). Built with fpdf2's core
fonts, so no font files are needed; text is kept to Latin-1.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from fpdf import FPDF

from netral.reports.models import Report
from netral.reports.receipts import receipt_code_display
from netral.reports.selectors import report_deadlines

# Typographic punctuation outside Latin-1, by code point: em/en dash, curly quotes, ellipsis.
_REPLACEMENTS = {
    "\u2014": "-",
    "\u2013": "-",
    "\u201c": '"',
    "\u201d": '"',
    "\u2019": "'",
    "\u2018": "'",
    "\u2026": "...",
}


def _latin1(text: str) -> str:
    for wide, narrow in _REPLACEMENTS.items():
        text = text.replace(wide, narrow)
    return text.encode("latin-1", "replace").decode("latin-1")


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
        _latin1("Netral - pelaporan pelanggaran netralitas ASN"),
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
        pdf.cell(35, 7, _latin1(label))
        pdf.set_font("Helvetica", "", 11)
        pdf.multi_cell(0, 7, _latin1(value), new_x="LMARGIN", new_y="NEXT")
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
            pdf.multi_cell(0, 6, _latin1(line), new_x="LMARGIN", new_y="NEXT")
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
        pdf.multi_cell(0, 5, _latin1(note), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1)
    return bytes(pdf.output())
