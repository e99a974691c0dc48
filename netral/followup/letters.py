"""The recommendation letter: an official document (``netral.documents``) with a number and a
QR code to the public verification page, issued once per recommendation by the deciding
Bawaslu office."""

from __future__ import annotations

from django.utils import formats, timezone

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.common.errors import NotFound
from netral.documents.kinds import Subject
from netral.documents.models import IssuedDocument
from netral.documents.services import document_get_public, document_issue, document_pdf
from netral.followup.criminal import stage_label
from netral.followup.document_kinds import RECOMMENDATION
from netral.followup.models import Addressee, Recommendation
from netral.followup.selectors import recommendation_get_for, recommendation_list_for
from netral.rules.selectors import criminal_article_get

NOT_FOUND = "Rekomendasi tidak ditemukan."
LETTER_MISSING = "Surat rekomendasi belum diterbitkan."
TITLE = "SURAT REKOMENDASI"
KIND = RECOMMENDATION


def _lines(rec: Recommendation) -> list[tuple[str, str]]:
    case = rec.case
    decided = timezone.localtime(case.decided_at) if case.decided_at else None
    lines = [
        ("Nomor rekomendasi", rec.number),
        ("Kepada", rec.addressee_name),
        ("Nomor registrasi perkara", case.register_number or f"#{case.pk}"),
        ("Pemilihan", case.election.name),
        ("Tanggal putusan pleno", formats.date_format(decided, "j F Y") if decided else "-"),
    ]
    if rec.addressee == Addressee.BKN:
        lines += [
            ("Nama ASN", rec.subject_name),
            ("NIP", rec.subject_nip or "-"),
            ("Jabatan", rec.subject_position or "-"),
            ("Instansi", rec.subject_agency or "-"),
            ("PPK", rec.ppk_region.name if rec.ppk_region else "Instansi pusat"),
        ]
    if rec.addressee == Addressee.GAKKUMDU:
        articles = []
        for code in rec.articles:
            try:
                article = criminal_article_get(code=code)
                articles.append(f"{article.prohibition} jo. {article.article} {article.law}")
            except NotFound:
                articles.append(code)
        lines.append(("Dugaan pasal", "; ".join(articles) or "-"))
        lines.append(("Tahap", stage_label(rec.criminal_stage)))
    return lines


@audited
def recommendation_letter_issue(*, actor: User, rec_id: int) -> IssuedDocument:
    """Issue the letter (once: later calls return the same document)."""
    rec = (
        recommendation_list_for(actor=actor)
        .select_for_update(of=("self",))
        .select_related("case__office_region", "case__election", "ppk_region")
        .filter(pk=rec_id)
        .first()
    )
    if rec is None:
        raise NotFound(NOT_FOUND)
    require(actor, "case.handle", rec)
    if rec.letter_number:
        existing = document_get_public(number=rec.letter_number)
        if existing is not None:
            return existing
    return letter_issue_for(actor=actor, rec=rec)


def letter_issue_for(*, actor: User, rec: Recommendation) -> IssuedDocument:
    """Issue the letter of ``rec``; the caller has locked and authorized it."""
    office = rec.case.office_region
    document = document_issue(
        kind=KIND,
        title=TITLE,
        office_region=office,
        lines=_lines(rec),
        paragraphs=[
            rec.body,
            "Demikian rekomendasi ini disampaikan untuk ditindaklanjuti sesuai ketentuan "
            "peraturan perundang-undangan. Tindak lanjutnya dipantau melalui Netral.",
        ],
        issued_by=actor,
        subject=Subject.of("recommendation", rec.pk),
        signatory=f"Ketua Bawaslu {office.name}",
    )
    rec.letter_number = document.number
    rec.save(update_fields=["letter_number"])
    audit_record(
        actor=actor, action="recommendation.letter", obj=rec, after={"document": document.number}
    )
    return document


def recommendation_letter_get(*, actor: User, rec_id: int) -> tuple[Recommendation, bytes]:
    """The letter's PDF for whoever may see the recommendation (its addressee included)."""
    rec = recommendation_get_for(actor=actor, rec_id=rec_id)
    document = document_get_public(number=rec.letter_number) if rec.letter_number else None
    if document is None:
        raise NotFound(LETTER_MISSING)
    data = document_pdf(document=document)
    audit_record(actor=actor, action="document.download", obj=document)
    return rec, data
