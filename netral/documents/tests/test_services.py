"""Official documents: every kind renders with its number and QR footer, numbers are gapless
per office and year, the bytes are stored encrypted and checked on reading, and an upload is
told apart as genuine, modified after issue, or unknown."""

from __future__ import annotations

import datetime
import hashlib
import io
import threading
from pathlib import Path

import pytest
import segno
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.test import TestCase
from django.utils import timezone
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError
from netral.common.pdf import pdf_text
from netral.documents.kinds import Subject, kind_get, kinds_all, register_kind
from netral.documents.models import IssuedDocument
from netral.documents.services import (
    GENUINE,
    UPLOAD_EMPTY,
    UPLOAD_NOT_PDF,
    document_get_public,
    document_issue,
    document_pdf,
    document_verify_bytes,
    document_verify_url,
)
from netral.regions.models import Region

pytestmark = pytest.mark.usefixtures("regions")


def text_of(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


# Kinds as the issuing apps register them (documents knows them only as strings).
REGISTRATION_NOTICE = "registration_notice"
RECOMMENDATION = "recommendation"


def about(kind: str, ident: object = 1) -> Subject:
    """A subject of the type ``kind`` is about."""
    declared = kind_get(kind)
    assert declared is not None, kind
    return Subject.of(declared.subject_type, ident)


def issue(kind: str = REGISTRATION_NOTICE, region: str | None = "32.75") -> IssuedDocument:
    """Issue as an action would, its render queued for after the commit (run here)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        document = _issue(kind, region)
    document.refresh_from_db()
    return document


def _issue(kind: str, region: str | None) -> IssuedDocument:
    return document_issue(
        kind=kind,
        title="Pemberitahuan Uji",
        office_region=Region.objects.get(code=region) if region else None,
        lines=[("Nomor register", "001/Reg/LP/PK/32.75/XI/2026"), ("Pemilihan", "Pilkada Uji")],
        paragraphs=["Paragraf pertama dokumen uji."],
        issued_by=None,
        subject=about(kind),
    )


def unrelated_pdf() -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 10, "Surat biasa, bukan dokumen resmi")
    return bytes(pdf.output())


def test_every_kind_renders_with_number_title_lines_and_verification_footer() -> None:
    year = timezone.localdate().year
    taken: dict[str, int] = {}
    for kind in kinds_all():
        document = issue(kind.code)
        # Each series (the office's own, or a kind's like the pledges' IKR) counts on its own.
        scope = f"{kind.series}-3275" if kind.series else "3275"
        taken[scope] = taken.get(scope, 0) + 1
        assert document.number == f"NTR/{year}/{scope}/{taken[scope]:06d}"
        data = document_pdf(document=document)
        text = text_of(data)
        assert "BADAN PENGAWAS PEMILIHAN UMUM" in text and "BAWASLU KOTA BEKASI" in text
        assert "PEMBERITAHUAN UJI" in text and f"Nomor: {document.number}" in text
        assert "001/Reg/LP/PK/32.75/XI/2026" in text and "Paragraf pertama" in text
        assert "Dokumen ini dapat diverifikasi di" in text
        assert document_verify_url(number=document.number) in text.replace("\n", "")
        reader = PdfReader(io.BytesIO(data))
        assert reader.metadata is not None and reader.metadata.subject == document.number
        assert len(reader.pages[0].images) == 1  # the QR code
        entry = AuditEntry.objects.get(action="document.issue", object_id=str(document.pk))
        after = entry.after or {}
        assert after["number"] == document.number and after["kind"] == kind.code
        # The hash is chained when the bytes exist (rendered after the issue, unlocked).
        document.refresh_from_db()
        rendered = AuditEntry.objects.get(action="document.render", object_id=str(document.pk))
        assert (
            (rendered.after or {})["sha256"] == document.sha256 == hashlib.sha256(data).hexdigest()
        )


def test_qr_code_encodes_the_verification_url() -> None:
    document = issue()
    image = PdfReader(io.BytesIO(document_pdf(document=document))).pages[0].images[0].image
    assert image is not None
    pixels = image.convert("L")
    # Read each module at its centre (quiet zone 2, 4 pixels a module) and compare with the
    # symbol segno makes for the URL: the code on paper leads to the verification page.
    matrix = segno.make(document_verify_url(number=document.number), error="m").matrix
    read = [
        [pixels.getpixel(((2 + col) * 4 + 2, (2 + row) * 4 + 2)) == 0 for col in range(len(line))]
        for row, line in enumerate(matrix)
    ]
    assert read == [[bool(module) for module in line] for line in matrix]


def test_numbers_count_per_office_and_national_is_ri() -> None:
    year = timezone.localdate().year
    assert issue(region="32.75").number.endswith("/3275/000001")
    assert issue(region="11.71").number.endswith("/1171/000001")
    assert issue(region="32.75").number.endswith("/3275/000002")
    assert issue(region=None).number == f"NTR/{year}/RI/000001"
    assert issue(region="32").number.endswith("/32/000001")


def test_demo_documents_are_dated_and_numbered_on_the_domain_clock(settings) -> None:
    """A letter issued in the demo's 2024 says 2024, in its date and in its number."""
    settings.NETRAL_DEMO = True
    settings.NETRAL_DEMO_TODAY = datetime.date(2024, 11, 10)
    document = issue(region="32.75")
    assert document.number.startswith("NTR/2024/3275/")
    assert timezone.localdate(document.issued_at) == datetime.date(2024, 11, 10)


def test_a_document_may_be_dated_when_its_action_happened() -> None:
    """Back-filled records (imports, demo data) keep the date of the act they document."""
    at = datetime.datetime(2023, 12, 30, 20, 0, tzinfo=datetime.UTC)  # 31 Dec in Jakarta
    document = document_issue(
        kind=REGISTRATION_NOTICE,
        title="Pemberitahuan Uji",
        office_region=Region.objects.get(code="32.75"),
        lines=[],
        paragraphs=["Paragraf."],
        issued_by=None,
        subject=about(REGISTRATION_NOTICE),
        issued_at=at,
    )
    assert document.issued_at == at
    assert document.number.startswith("NTR/2023/3275/")


def test_a_failed_issue_gives_its_number_back() -> None:
    with pytest.raises(RuntimeError), transaction.atomic():
        issue()
        raise RuntimeError("rolled back after the number was taken")
    assert issue().number.endswith("/000001")


def test_refuses_unknown_kind_and_empty_title() -> None:
    with pytest.raises(ApplicationError):
        document_issue(
            kind="love_letter",
            title="x",
            office_region=None,
            lines=[],
            paragraphs=[],
            issued_by=None,
            subject=Subject.of("case", 1),
        )
    with pytest.raises(ApplicationError):
        document_issue(
            kind=RECOMMENDATION,
            title="  ",
            office_region=None,
            lines=[],
            paragraphs=[],
            issued_by=None,
            subject=about(RECOMMENDATION),
        )
    assert not IssuedDocument.objects.exists()


def test_text_outside_latin1_does_not_crash() -> None:
    document = document_issue(
        kind=RECOMMENDATION,
        title="Rekomendasi — “uji” ✓",
        office_region=None,
        lines=[("Nama", "Şükrü 中文 Nguyễn"), ("Catatan", "…\u00a0\u200b")],
        paragraphs=["Emoji 🎉 dan tanda •"],
        issued_by=None,
        subject=about(RECOMMENDATION),
        signatory="Ketua Bawaslu Republik Indonesia",
    )
    text = text_of(document_pdf(document=document))
    assert 'REKOMENDASI - "UJI" ?' in text and "Sükrü ?? Nguyen" in text
    assert pdf_text("Ketua — “x”") == 'Ketua - "x"'


def test_bytes_are_stored_encrypted_and_checked_when_read() -> None:
    document = issue()
    data = document_pdf(document=document)
    with default_storage.open(document.path, "rb") as handle:
        stored = handle.read()
    assert stored != data and b"%PDF" not in stored
    assert Path(default_storage.path(document.path)).is_file()
    IssuedDocument.objects.filter(pk=document.pk).update(sha256="0" * 64)
    document.refresh_from_db()
    with pytest.raises(ApplicationError, match="tidak cocok"):
        document_pdf(document=document)


def test_get_public_tolerates_case_and_slashes() -> None:
    document = issue()
    assert document_get_public(number=document.number) == document
    assert document_get_public(number=f" /{document.number.lower()}/ ") == document
    assert document_get_public(number="NTR/2020/3275/999999") is None
    assert document_get_public(number="../../etc/passwd") is None


def test_verify_genuine_bytes() -> None:
    document = issue()
    result = document_verify_bytes(data=document_pdf(document=document))
    assert result.genuine and result.document == document and result.reason == GENUINE


def test_verify_flipped_byte_is_modified() -> None:
    document = issue()
    data = bytearray(document_pdf(document=document))
    position = data.index(b"/Producer")  # inside the document, not in the number
    data[position + 12] ^= 0x01
    result = document_verify_bytes(data=bytes(data))
    assert not result.genuine and result.modified and result.document == document
    assert document.number in result.reason and "diubah" in result.reason


def test_verify_incremental_update_is_modified() -> None:
    document = issue()
    original = document_pdf(document=document)
    writer = PdfWriter(io.BytesIO(original), incremental=True)
    writer.add_metadata({"/Subject": "diubah", "/Keywords": "diubah"})
    buffer = io.BytesIO()
    writer.write(buffer)
    changed = buffer.getvalue()
    assert changed.startswith(original) and len(changed) > len(original)
    result = document_verify_bytes(data=changed)
    assert not result.genuine and result.modified and result.document == document


def test_verify_number_found_in_page_text_when_metadata_is_stripped() -> None:
    document = issue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(document_pdf(document=document))))
    writer.metadata = None
    buffer = io.BytesIO()
    writer.write(buffer)
    assert document.number.encode() not in buffer.getvalue()  # only inside compressed text
    result = document_verify_bytes(data=buffer.getvalue())
    assert result.modified and result.document == document


def test_verify_unknown_and_bad_uploads() -> None:
    issue()
    result = document_verify_bytes(data=unrelated_pdf())
    assert not result.genuine and not result.modified and result.document is None
    assert "tidak dikenal" in result.reason
    damaged = b"%PDF-1.7\n" + b"\x00garbage NTR/2099/9999/000001" * 10
    result = document_verify_bytes(data=damaged)  # a well-formed number nobody issued
    assert not result.genuine and not result.modified
    with pytest.raises(ApplicationError, match=UPLOAD_NOT_PDF):
        document_verify_bytes(data=b"PK\x03\x04 a zip file")
    with pytest.raises(ApplicationError, match=UPLOAD_EMPTY):
        document_verify_bytes(data=b"")
    broken = b"%PDF-1.7\n1 0 obj << /Length 99999999 >> stream\nxx"
    assert document_verify_bytes(data=broken).genuine is False


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_take_gapless_numbers() -> None:
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(3):
                issue(RECOMMENDATION, region=None)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(IssuedDocument.objects.values_list("number", flat=True))
    year = timezone.localdate().year
    assert numbers == [f"NTR/{year}/RI/{n:06d}" for n in range(1, 13)]


def test_kinds_are_those_the_issuing_apps_register() -> None:
    kinds = {k.code: k.subject_type for k in kinds_all()}
    assert kinds == {
        "receipt": "report",
        "registration_notice": "case",
        "non_registration_notice": "case",
        "clarification_invitation": "clarification",
        "clarification_minutes": "clarification",
        "status_announcement": "case",
        "recommendation": "recommendation",
        "pledge": "pledge",
        "appeal": "appeal",
    }
    with pytest.raises(ValueError, match="already registered"):
        register_kind("receipt", "Kuitansi", subject_type="case")
    with pytest.raises(ValueError, match="is about a case"):
        issue_about = about(RECOMMENDATION)
        document_issue(
            kind=REGISTRATION_NOTICE,
            title="Salah subjek",
            office_region=None,
            lines=[],
            paragraphs=[],
            issued_by=None,
            subject=issue_about,
        )
    assert not IssuedDocument.objects.exists()
