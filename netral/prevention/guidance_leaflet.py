""" "Boleh atau tidak?" as a one-page A4 leaflet for an agency's notice board (fpdf2, core
fonts only, like ``netral.common.pdf``: no font files, text through ``pdf_text``).

The page names the agency, the forbidden acts that matter most (the most frequently reported
ones first, by the rulebook's ``share_2020``, then the heaviest sanctions) with their
sanctions, what ASN may do, and two QR codes: the online guide and the report form. Entries
come from :func:`netral.prevention.guidance.guide_entries`, so the leaflet says what the
rulebook says. The layout is fixed and the agency name bounded, so it always fits one page
(automatic page breaks are off; a test renders the longest name).
"""

from __future__ import annotations

import datetime
import io

from django.utils.translation import gettext as _
from fpdf import FPDF

from netral.common.errors import ApplicationError
from netral.common.links import site_url
from netral.common.pdf import AUTHOR, CREATOR, LETTERHEAD, pdf_text, qr_png
from netral.common.text import clean_name
from netral.prevention.guidance import GuideEntry, guide_entries
from netral.rules import selectors as rules
from netral.rules.schemas import NO_SANCTION

MAX_AGENCY = 120
MIN_AGENCY = 3
# Forbidden acts printed; the rest are in the online guide.
LEAFLET_FORBIDDEN = 9

LAYOUT_OVERFLOW = "guidance leaflet: the text ends at {y} mm, below the QR codes at {top} mm"

AGENCY_REQUIRED = "Tulis nama instansi yang akan dicetak pada selebaran."
AGENCY_TOO_LONG = "Nama instansi terlalu panjang: paling banyak {limit} karakter."
AGENCY_TOO_SHORT = "Nama instansi terlalu pendek: paling sedikit {limit} huruf."
AGENCY_NO_LETTERS = "Nama instansi harus memuat huruf."

# A fixed date in the metadata: the same leaflet gives the same bytes.
_EPOCH = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)


def leaflet_agency(raw: str) -> str:
    """The agency name to print: cleaned (``clean_name``), 3 to ``MAX_AGENCY`` characters,
    with at least one letter; else ``ApplicationError`` with the reason (field ``agency``)."""
    # Bound the work before cleaning: a name far over the limit is refused as it is.
    if len(raw) > 4 * MAX_AGENCY:
        raise ApplicationError(AGENCY_TOO_LONG, field="agency", params={"limit": MAX_AGENCY})
    name = clean_name(raw)
    if not name:
        raise ApplicationError(AGENCY_REQUIRED, field="agency")
    if len(name) > MAX_AGENCY:
        raise ApplicationError(AGENCY_TOO_LONG, field="agency", params={"limit": MAX_AGENCY})
    if not any(c.isalpha() for c in name):
        raise ApplicationError(AGENCY_NO_LETTERS, field="agency")
    if len(name) < MIN_AGENCY:
        raise ApplicationError(AGENCY_TOO_SHORT, field="agency", params={"limit": MIN_AGENCY})
    return name


def leaflet_forbidden() -> list[GuideEntry]:
    """The forbidden acts an ASN must know first: acts of ASN (not the candidates' crimes,
    not the catch-all), most reported first, then by heaviest discipline sanction."""
    severity = {s.code: s.severity for s in rules.sanction_list()}
    kinds = {t.code: t.violation_kind for t in rules.violation_type_list()}
    discipline = {t.code: t.discipline_sanction for t in rules.violation_type_list()}
    order = {e.code: i for i, e in enumerate(guide_entries())}
    candidates = [
        e
        for e in guide_entries()
        if e.verdict == "forbidden"
        and kinds.get(e.code) == "asn_neutrality"
        and discipline.get(e.code) not in (NO_SANCTION, "task_force")
    ]
    candidates.sort(
        key=lambda e: (
            -(e.share_2020 or 0.0),
            -severity.get(discipline[e.code], 0),
            order[e.code],
        )
    )
    return candidates[:LEAFLET_FORBIDDEN]


def _heading(pdf: FPDF, text: str, colour: tuple[int, int, int]) -> None:
    pdf.set_fill_color(*colour)
    pdf.set_text_color(255, 255, 255)
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(0, 7, pdf_text(f"  {text}"), fill=True, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)
    pdf.ln(1.5)


def _item(pdf: FPDF, title: str, detail: str) -> None:
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.multi_cell(0, 4.4, pdf_text(f"- {title}"), new_x="LMARGIN", new_y="NEXT")
    if detail:
        pdf.set_x(pdf.l_margin + 3)
        pdf.set_font("Helvetica", "", 8.5)
        pdf.multi_cell(0, 4, pdf_text(detail), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(0.8)


def _qr(pdf: FPDF, *, x: float, y: float, url: str, caption: str) -> None:
    size = 30
    pdf.image(io.BytesIO(qr_png(url)), x=x, y=y, w=size, h=size)
    pdf.set_xy(x + size + 3, y + 4)
    width = (pdf.w - pdf.l_margin - pdf.r_margin) / 2 - size - 6
    pdf.set_font("Helvetica", "B", 9.5)
    pdf.multi_cell(width, 4.5, pdf_text(caption), new_x="LEFT", new_y="NEXT")
    pdf.set_font("Helvetica", "", 7.5)
    pdf.multi_cell(width, 3.6, pdf_text(url), new_x="LEFT", new_y="NEXT")


def leaflet_pdf(*, agency: str, english: bool = False) -> bytes:
    """The one-page leaflet for ``agency`` (already checked by :func:`leaflet_agency`)."""
    guide_url = site_url("guidance:page")
    report_url = site_url("reports:form")
    title = _("Boleh atau tidak?")
    pdf = FPDF(format="A4")
    pdf.set_title(pdf_text(f"{title} - {agency}"))
    pdf.set_author(AUTHOR)
    pdf.set_creator(CREATOR)
    pdf.set_producer(CREATOR)
    pdf.set_creation_date(_EPOCH)
    pdf.set_margins(15, 12, 15)
    pdf.set_auto_page_break(auto=False)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 9)
    pdf.cell(0, 5, LETTERHEAD, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 24)
    pdf.cell(0, 11, pdf_text(title.upper()), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 10)
    subtitle = _("Netralitas ASN dalam pemilu dan pemilihan: yang dilarang dan yang boleh")
    pdf.cell(0, 5, pdf_text(subtitle), align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
    pdf.set_font("Helvetica", "B", 12)
    pdf.multi_cell(
        0, 5.5, pdf_text(_("Untuk ASN di lingkungan %(agency)s") % {"agency": agency}),
        align="C", new_x="LMARGIN", new_y="NEXT",
    )  # fmt: skip
    pdf.ln(1)
    y = pdf.get_y()
    pdf.set_line_width(0.6)
    pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
    pdf.ln(3)

    _heading(pdf, _("DILARANG"), (178, 34, 34))
    for entry in leaflet_forbidden():
        text = entry.text(english=english)
        sanctions = "; ".join(
            part
            for part in (
                f"{_('Etik')}: {text.ethics_sanction}" if text.ethics_sanction else "",
                f"{_('Disiplin')}: {text.discipline_sanction}" if text.discipline_sanction else "",
            )
            if part
        )
        _item(pdf, text.title, f"{_('Sanksi')}: {sanctions}")
    pdf.set_font("Helvetica", "I", 8.5)
    others = _(
        "Perbuatan lain yang menunjukkan keberpihakan juga dilarang. Daftar lengkap, contoh dan "
        "dasar hukumnya ada di panduan daring."
    )
    pdf.multi_cell(0, 4, pdf_text(others), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2.5)

    _heading(pdf, _("BOLEH"), (0, 112, 60))
    pdf.set_font("Helvetica", "I", 8.5)
    unconfirmed = _(
        "Butir bertanda * adalah tafsiran Netral, belum dikonfirmasi dengan teks resmi."
    )
    pdf.multi_cell(0, 4, pdf_text(unconfirmed), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)
    verdicts = {"allowed": _("Boleh"), "depends": _("Tergantung")}
    for entry in guide_entries():
        if entry.verdict == "forbidden":
            continue
        text = entry.text(english=english)
        detail = text.note if entry.verdict == "depends" else ""
        mark = "" if entry.confirmed else " *"
        _item(pdf, f"[{verdicts[entry.verdict]}] {text.title}{mark}", detail)

    top = pdf.h - 50
    if pdf.get_y() > top - 4:  # the fixed layout no longer fits: fail loudly, never overlap
        raise RuntimeError(LAYOUT_OVERFLOW.format(y=round(pdf.get_y()), top=round(top)))
    pdf.set_draw_color(120, 120, 120)
    pdf.set_line_width(0.2)
    pdf.line(pdf.l_margin, top - 3, pdf.w - pdf.r_margin, top - 3)
    half = (pdf.w - pdf.l_margin - pdf.r_margin) / 2
    _qr(pdf, x=pdf.l_margin, y=top, url=guide_url, caption=_("Tanya dan baca panduan lengkap"))
    _qr(
        pdf,
        x=pdf.l_margin + half,
        y=top,
        url=report_url,
        caption=_("Melihat pelanggaran? Laporkan ke Bawaslu (identitas dirahasiakan)"),
    )
    pdf.set_xy(pdf.l_margin, pdf.h - 15)
    pdf.set_font("Helvetica", "", 7)
    basis = _(
        "Dasar hukum: SKB 2022 Lampiran II; PP 94/2021 Ps. 5 huruf n; PP 42/2004 Ps. 15; "
        "UU 20/2023 Ps. 24(1). Dibuat dari aturan Netral versi %(version)s."
    ) % {"version": rules.rulebook_get().version}
    pdf.multi_cell(0, 3.5, pdf_text(basis), align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
