"""The SP4N-LAPOR! summary as a PDF (``fpdf2``, like the receipts): what the reporter typed,
to attach or copy at lapor.go.id. Rendered from the posted form and never stored."""

from __future__ import annotations

from fpdf import FPDF

from netral.common.pdf import date_id, pdf_text
from netral.reports.lapor import LaporRules, LaporSummary


def lapor_summary_pdf(*, summary: LaporSummary, rules: LaporRules) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_title(f"Ringkasan untuk {rules.name}")
    pdf.set_creator("Netral")
    pdf.set_margins(20, 20, 20)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 9, pdf_text(f"Ringkasan untuk {rules.name}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    intro = (
        f"Disusun dari isian formulir Netral dan tidak disimpan. Adukan di {rules.url}; pilih"
        " kategori netralitas ASN dan pengaduan rahasia. Identitas Anda tidak dicantumkan di"
        " sini: Anda sendiri yang mengisinya di sana."
    )
    pdf.multi_cell(0, 5, pdf_text(intro), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    rows = [
        ("Nama terlapor", summary.reported_name),
        ("NIP", summary.reported_nip),
        ("Instansi", summary.agency),
        ("Jabatan", summary.position),
        ("Wilayah", summary.region),
        ("Lokasi kejadian", summary.location),
        ("Tanggal kejadian", date_id(summary.event_date) if summary.event_date else ""),
        ("Tanggal diketahui", date_id(summary.known_date) if summary.known_date else ""),
        ("Jenis pelanggaran", summary.violation_type),
        ("Pasangan calon", summary.candidate_pair),
        ("Saksi", summary.witnesses),
        ("Tautan", "\n".join(summary.links)),
    ]
    for label, value in rows:
        if not value:
            continue
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(40, 6, pdf_text(label))
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 6, pdf_text(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, "Kronologi", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    pdf.multi_cell(0, 5, pdf_text(summary.chronology), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
