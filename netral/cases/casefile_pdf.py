"""The index PDF of a case file (berkas): what the case is, what happened to it, what was
decided, which documents were issued, and the SHA-256 of every file beside it in the ZIP.

The builder knows nothing about the database: ``casefile`` passes an :class:`Index` of plain,
already redacted text. The content streams are left uncompressed, so the words in the file
are the words on the page (anyone can check that a redacted name is not there).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from fpdf import FPDF

from netral.common.pdf import AUTHOR, CREATOR, LETTERHEAD, pdf_text

TITLE = "Berkas Penanganan Pelanggaran"
NO_IDENTITY = (
    "Identitas pelapor tidak disertakan: identitas hanya disertakan bila dibuka dengan "
    "persetujuan pimpinan kedua (empat mata) dan penerima berhak menerimanya."
)
REDACTED_NOTE = (
    "Bagian yang ditandai [disamarkan] telah disamarkan oleh petugas; naskah aslinya tetap "
    "tersimpan tertutup di Netral."
)
MANIFEST_NOTE = (
    "Sidik jari SHA-256 setiap berkas dalam arsip ini (juga tercantum dalam SHA256SUMS). "
    "Periksa dengan: sha256sum -c SHA256SUMS"
)


@dataclass(frozen=True)
class Section:
    title: str
    lines: Sequence[tuple[str, str]] = ()
    paragraphs: Sequence[str] = ()


@dataclass(frozen=True)
class ManifestRow:
    name: str
    size: int
    sha256: str


@dataclass(frozen=True)
class Index:
    office_name: str
    case_label: str
    recipient: str
    built_at: datetime.datetime
    built_label: str
    sections: Sequence[Section] = ()
    table_title: str = ""
    table: Sequence[tuple[str, str, str]] = ()  # timeline: when, who, what
    documents: Sequence[tuple[str, str, str, str]] = ()  # number, title, date, sha256
    manifest: Sequence[ManifestRow] = field(default_factory=tuple)
    redacted: bool = False


class _IndexPage(FPDF):
    def __init__(self, index: Index) -> None:
        super().__init__(format="A4")
        self.index = index

    def footer(self) -> None:
        self.set_y(-14)
        self.set_font("Helvetica", "", 8)
        text = f"{self.index.case_label} - {self.index.recipient} - Halaman {self.page_no()}/{{nb}}"
        self.cell(0, 5, pdf_text(text), align="C")


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(0, 7, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)


def _lines(pdf: FPDF, lines: Sequence[tuple[str, str]]) -> None:
    for label, value in lines:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(48, 5.5, pdf_text(label))
        pdf.set_font("Helvetica", "", 10)
        pdf.multi_cell(0, 5.5, pdf_text(value or "-"), new_x="LMARGIN", new_y="NEXT")


def _paragraphs(pdf: FPDF, paragraphs: Sequence[str]) -> None:
    pdf.set_font("Helvetica", "", 10)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 5.5, pdf_text(paragraph), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)


def _small(pdf: FPDF, text: str) -> None:
    pdf.set_font("Helvetica", "", 8)
    pdf.multi_cell(0, 4.2, pdf_text(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)


def index_pdf(index: Index) -> bytes:
    pdf = _IndexPage(index)
    pdf.set_compression(False)
    pdf.set_title(pdf_text(f"{TITLE} {index.case_label}"))
    pdf.set_author(AUTHOR)
    pdf.set_creator(CREATOR)
    pdf.set_producer(CREATOR)
    pdf.set_creation_date(index.built_at)
    pdf.set_margins(20, 18, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.alias_nb_pages()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 7, LETTERHEAD, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 6, pdf_text(index.office_name.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, pdf_text(TITLE.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    _lines(
        pdf,
        [
            ("Kasus", index.case_label),
            ("Diteruskan kepada", index.recipient),
            ("Disusun", index.built_label),
        ],
    )
    if index.redacted:
        pdf.ln(1)
        _small(pdf, REDACTED_NOTE)
    for section in index.sections:
        _heading(pdf, section.title)
        _lines(pdf, section.lines)
        _paragraphs(pdf, section.paragraphs)
    if index.table:
        _heading(pdf, index.table_title)
        for when, who, what in index.table:
            _small(pdf, f"{when}  |  {who}  |  {what}")
    _heading(pdf, "Dokumen resmi yang diterbitkan")
    if not index.documents:
        _paragraphs(pdf, ["Belum ada dokumen resmi yang diterbitkan."])
    for number, title, day, sha in index.documents:
        _lines(pdf, [(number, f"{title}, {day}")])
        _small(pdf, f"SHA-256 {sha}")
    _heading(pdf, "Daftar berkas dan sidik jari SHA-256")
    _small(pdf, MANIFEST_NOTE)
    pdf.ln(1)
    for row in index.manifest:
        pdf.set_font("Helvetica", "B", 9)
        pdf.multi_cell(
            0, 4.6, pdf_text(f"{row.name} ({row.size} bita)"), new_x="LMARGIN", new_y="NEXT"
        )
        pdf.set_font("Courier", "", 8.5)
        pdf.multi_cell(0, 4.6, row.sha256, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
