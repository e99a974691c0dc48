"""A small builder for Bawaslu's official documents as PDF (fpdf2, core fonts only).

Every document has the same shape: a letterhead ("BADAN PENGAWAS PEMILIHAN UMUM" and the
office), a title with its number, key/value lines, paragraphs, a signature block, and on
every page a footer with a QR code to the public verification page. The builder knows
nothing about cases or the database: callers pass plain text.

The core fonts (Helvetica) need no font files but only cover Latin-1, so all text goes
through :func:`pdf_text`: typographic punctuation becomes ASCII, accented letters outside
Latin-1 lose their accent, and anything else becomes "?" instead of crashing the render.
"""

from __future__ import annotations

import datetime
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import segno
from fpdf import FPDF

LETTERHEAD = "BADAN PENGAWAS PEMILIHAN UMUM"
CREATOR = "Netral"
AUTHOR = "Badan Pengawas Pemilihan Umum"
VERIFY_NOTE = "Dokumen ini dapat diverifikasi di {url}"

MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)

# Typographic punctuation outside Latin-1, by code point: dashes, curly quotes, ellipsis,
# bullet, non-breaking and zero-width spaces.
_REPLACEMENTS = {
    "\u2014": "-",
    "\u2013": "-",
    "\u2012": "-",
    "\u2010": "-",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2019": "'",
    "\u2018": "'",
    "\u2026": "...",
    "\u2022": "-",
    "\u00a0": " ",
    "\u202f": " ",
    "\u200b": "",
}


def pdf_text(text: str) -> str:
    """``text`` reduced to what the core fonts can draw (Latin-1), never raising."""
    for wide, narrow in _REPLACEMENTS.items():
        text = text.replace(wide, narrow)
    out = []
    for char in text:
        if ord(char) < 256:
            out.append(char)
            continue
        # "ş" -> "s", "ế" -> "e": keep the base letter when there is one.
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        out.append(base if base and all(ord(c) < 256 for c in base) else "?")
    return "".join(out)


def date_id(value: datetime.date) -> str:
    """A date the Indonesian way: "23 November 2026"."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def datetime_id(value: datetime.datetime, *, zone: str) -> str:
    """ "23 November 2026 pukul 14.05 WIB" (``value`` already in the office's time zone)."""
    return f"{date_id(value)} pukul {value:%H.%M} {zone}"


@dataclass(frozen=True)
class OfficialDocument:
    """What goes on the page. ``office_name`` is e.g. "BAWASLU KOTA BEKASI"; ``place`` the
    city or regency before the date of the signature block."""

    number: str
    title: str
    office_name: str
    issued_at: datetime.datetime
    verify_url: str
    place: str = ""
    lines: Sequence[tuple[str, str]] = field(default_factory=tuple)
    paragraphs: Sequence[str] = field(default_factory=tuple)
    signatory: str = ""


def qr_png(url: str) -> bytes:
    """The QR code of ``url`` as PNG bytes (medium error correction, a quiet zone of 2)."""
    buffer = io.BytesIO()
    segno.make(url, error="m", micro=False).save(buffer, kind="png", scale=4, border=2)
    return buffer.getvalue()


class _Page(FPDF):
    """FPDF with the verification footer on every page."""

    def __init__(self, document: OfficialDocument) -> None:
        super().__init__(format="A4")
        self.document = document
        self.qr = io.BytesIO(qr_png(document.verify_url))

    def footer(self) -> None:
        top = self.h - 38
        self.set_draw_color(120, 120, 120)
        self.line(self.l_margin, top - 2, self.w - self.r_margin, top - 2)
        self.qr.seek(0)
        self.image(self.qr, x=self.l_margin, y=top, w=28, h=28)
        self.set_xy(self.l_margin + 32, top + 2)
        self.set_font("Helvetica", "", 8)
        note = VERIFY_NOTE.format(url=self.document.verify_url)
        width = self.w - self.r_margin - self.l_margin - 32
        self.multi_cell(width, 4, pdf_text(note), new_x="LEFT", new_y="NEXT")
        self.multi_cell(
            width, 4, pdf_text(f"Nomor dokumen: {self.document.number}"), new_x="LEFT", new_y="NEXT"
        )
        self.multi_cell(
            width,
            4,
            pdf_text("Keaslian dan keutuhan berkas diperiksa dengan sidik jari SHA-256."),
            new_x="LEFT",
            new_y="NEXT",
        )
        self.set_xy(self.l_margin + 32, top + 22)
        self.cell(width, 4, f"Halaman {self.page_no()}/{{nb}}")


def official_pdf(document: OfficialDocument) -> bytes:
    """Render ``document``; the metadata is fixed (title, author, creator, number as the
    subject, creation date = issue date), so the bytes depend only on the content."""
    pdf = _Page(document)
    pdf.set_title(pdf_text(document.title))
    pdf.set_author(AUTHOR)
    pdf.set_creator(CREATOR)
    pdf.set_producer(CREATOR)
    pdf.set_subject(document.number)
    pdf.set_keywords(document.number)
    pdf.set_creation_date(document.issued_at)
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(auto=True, margin=44)
    pdf.alias_nb_pages()
    pdf.add_page()
    _letterhead(pdf, document)
    _title(pdf, document)
    _lines(pdf, document.lines)
    _paragraphs(pdf, document.paragraphs)
    _signature(pdf, document)
    return bytes(pdf.output())


def _letterhead(pdf: FPDF, document: OfficialDocument) -> None:
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 7, LETTERHEAD, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 6, pdf_text(document.office_name.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    y = pdf.get_y()
    pdf.set_line_width(0.8)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, y + 1.2, pdf.w - pdf.r_margin, y + 1.2)
    pdf.ln(8)


def _title(pdf: FPDF, document: OfficialDocument) -> None:
    pdf.set_font("Helvetica", "B", 13)
    pdf.multi_cell(0, 7, pdf_text(document.title.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 6, f"Nomor: {document.number}", align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)


def _lines(pdf: FPDF, lines: Sequence[tuple[str, str]]) -> None:
    label_width = 50
    for label, value in lines:
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(label_width, 6, pdf_text(label))
        pdf.set_font("Helvetica", "", 11)
        pdf.cell(4, 6, ":")
        pdf.multi_cell(0, 6, pdf_text(value or "-"), new_x="LMARGIN", new_y="NEXT")
    if lines:
        pdf.ln(4)


def _paragraphs(pdf: FPDF, paragraphs: Sequence[str]) -> None:
    pdf.set_font("Helvetica", "", 11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, pdf_text(paragraph), align="J", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)


def _signature(pdf: FPDF, document: OfficialDocument) -> None:
    pdf.ln(6)
    left = pdf.w / 2 + 5
    width = pdf.w - pdf.r_margin - left
    place = f"{document.place}, " if document.place else ""
    pdf.set_font("Helvetica", "", 11)
    pdf.set_x(left)
    pdf.multi_cell(
        width, 6, pdf_text(place + date_id(document.issued_at)), new_x="LEFT", new_y="NEXT"
    )
    pdf.multi_cell(width, 6, pdf_text(document.office_name), new_x="LEFT", new_y="NEXT")
    pdf.ln(14)
    pdf.set_x(left)
    pdf.set_font("Helvetica", "B", 11)
    name = document.signatory or "Diterbitkan secara elektronik"
    pdf.multi_cell(width, 6, pdf_text(name), new_x="LMARGIN", new_y="NEXT")
