"""Official documents: issue them as PDF with a number and a QR code, keep the exact bytes
encrypted with their SHA-256, and answer whether an uploaded PDF is one of them, unchanged.

Numbers read "NTR/<year>/<office>/<sequence>" (office: the region code without dots, "RI"
for the national office; "<series>-<office>" for a kind with a series of its own, such as
the public's pledge certificates, "IKR") and are gapless per office and year: the counter
row is locked while a number is taken, inside the transaction that records the document, so a
failed issue gives its number back. The PDF is rendered only after that transaction
committed, outside every lock (:func:`document_render`): until then the document is *pending*.

What the public learns about a document is its number, kind, date and hash
(:class:`PublicDocument`), never its content, its subject or who issued it.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext
from pypdf import PdfReader

from netral.accounts.models import User
from netral.audit.services import audit_deferred, audit_record, audited
from netral.common import blobs, clock
from netral.common.errors import ApplicationError
from netral.common.links import site_url
from netral.common.pdf import OfficialDocument, official_pdf
from netral.documents.kinds import Subject, kind_get, kind_label
from netral.documents.models import DOCUMENT_BLOBS, DocumentCounter, IssuedDocument
from netral.regions.models import Region

log = logging.getLogger(__name__)

NUMBER_PREFIX = "NTR"
NATIONAL_SCOPE = "RI"
# The largest upload the verification accepts; official documents are a few hundred KB.
MAX_VERIFY_BYTES = 10 * 1024 * 1024
# How many pages of an upload are read for a document number (the number is on page one).
TEXT_PAGES = 2

KIND_UNKNOWN = "Jenis dokumen tidak dikenal: {kind}."
TITLE_REQUIRED = "Judul dokumen wajib diisi."
DOCUMENT_ALTERED = (
    "Berkas dokumen {number} tidak cocok dengan sidik jarinya; hubungi administrator."
)
DOCUMENT_PENDING = (
    "Dokumen {number} sudah bernomor, tetapi berkas PDF-nya sedang disiapkan. Coba lagi "
    "beberapa saat lagi."
)
PENDING = (
    "Dokumen bernomor {number} sudah diterbitkan, tetapi berkas resminya masih disiapkan: "
    "keasliannya dapat diperiksa setelah berkas itu tersedia."
)
UPLOAD_MISSING = "Unggah berkas PDF pada kolom 'file'."
UPLOAD_EMPTY = "Berkas kosong."
UPLOAD_NOT_PDF = "Berkas bukan PDF."
UPLOAD_TOO_LARGE = "Berkas terlalu besar: paling besar {mb} MB."
GENUINE = "Dokumen asli dan tidak berubah sejak diterbitkan."
MODIFIED = (
    "Dokumen bernomor {number} memang diterbitkan, tetapi berkas ini telah diubah setelah "
    "diterbitkan: isinya tidak sama dengan dokumen resmi."
)
UNKNOWN = "Dokumen tidak dikenal: berkas ini tidak cocok dengan dokumen mana pun yang diterbitkan."

_NUMBER_RE = re.compile(rf"{NUMBER_PREFIX}/\d{{4}}/[A-Z0-9-]{{1,20}}/\d{{6}}")
_NUMBER_BYTES_RE = re.compile(_NUMBER_RE.pattern.encode())


@dataclass(frozen=True)
class PublicDocument:
    """Everything the public may learn about an issued document."""

    number: str
    kind: str
    kind_label: str
    issued_at: datetime.datetime
    sha256: str  # "" while pending
    pending: bool = False


@dataclass(frozen=True)
class VerifyResult:
    """The answer for an uploaded PDF. ``document`` is set when genuine, and when the file
    names a known number but differs from it (``modified``)."""

    genuine: bool
    reason: str
    document: IssuedDocument | None = None
    modified: bool = False


def document_public(*, document: IssuedDocument) -> PublicDocument:
    return PublicDocument(
        number=document.number,
        kind=document.kind,
        kind_label=kind_label(document.kind),
        issued_at=document.issued_at,
        sha256=document.sha256 or "",
        pending=document.pending,
    )


def document_verify_url(*, number: str) -> str:
    return site_url("documents:verify", kwargs={"number": number})


def office_name(region: Region | None) -> str:
    """ "Bawaslu Kota Bekasi", "Bawaslu Provinsi Jawa Barat", "Bawaslu Republik Indonesia"."""
    if region is None:
        return "Bawaslu Republik Indonesia"
    if region.level == Region.Level.PROVINCE:
        return f"Bawaslu Provinsi {region.name}"
    return f"Bawaslu {region.name}"


def office_place(region: Region | None) -> str:
    return "Jakarta" if region is None else region.name


def office_tz(region: Region | None) -> ZoneInfo:
    return ZoneInfo(region.tzinfo_name if region is not None else settings.TIME_ZONE)


def _scope(region: Region | None, series: str = "") -> str:
    office = NATIONAL_SCOPE if region is None else region.code.replace(".", "")
    return f"{series}-{office}" if series else office


def _next_number(*, region: Region | None, year: int, series: str = "") -> str:
    """Take the next number; call inside a transaction (the counter stays locked to its end)."""
    counter, _ = DocumentCounter.objects.select_for_update().get_or_create(
        scope=_scope(region, series), year=year
    )
    counter.last += 1
    counter.save(update_fields=["last"])
    return f"{NUMBER_PREFIX}/{year}/{counter.scope}/{counter.last:06d}"


def _store(*, data: bytes, year: int) -> str:
    return blobs.put(DOCUMENT_BLOBS, data, folder=str(year), label="pdf")


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def document_issue(
    *,
    kind: str,
    title: str,
    office_region: Region | None,
    lines: list[tuple[str, str]],
    paragraphs: list[str],
    issued_by: User | None,
    subject: Subject,
    signatory: str = "",
    issued_at: datetime.datetime | None = None,
) -> IssuedDocument:
    """Number and record one official document, pending its PDF; audited.

    Dated ``issued_at`` (domain time, ``common.clock``, by default), numbered in that year:
    a back-filled record (an import, the demo data) passes the date of the act it documents.

    Call inside the transaction of the action the document belongs to, after that action's
    own locks: the office's counter is locked here, as late as possible, and nothing slow
    follows (no rendering). The PDF is rendered and stored after the commit
    (:func:`document_render`, queued here; ``documents_render_pending`` catches up after a
    crash), so a rolled-back issue gives its number back and a committed one gets its bytes.

    Callers authorize first: this only checks the document itself. ``subject`` is internal
    (``Subject.of("case", 12)``, of the type the kind declares); ``lines`` and
    ``paragraphs`` are printed as given, so they must hold only what the addressee may read.
    """
    declared = kind_get(kind)
    if declared is None:
        raise ApplicationError(KIND_UNKNOWN, params={"kind": kind}, field="kind")
    if subject.type != declared.subject_type:
        raise ValueError(f"a {kind} document is about a {declared.subject_type}, not {subject}")
    if not title.strip():
        raise ApplicationError(TITLE_REQUIRED, field="title")
    draft = json.dumps(
        {
            "title": title.strip(),
            "office_name": office_name(office_region),
            "place": office_place(office_region),
            "lines": [list(line) for line in lines],
            "paragraphs": list(paragraphs),
            "signatory": signatory,
        }
    )
    issued_at = issued_at or clock.now()
    year = issued_at.astimezone(office_tz(office_region)).year
    with transaction.atomic(), audit_deferred():
        number = _next_number(region=office_region, year=year, series=declared.series)
        document = IssuedDocument.objects.create(
            number=number,
            kind=kind,
            title=title.strip()[:200],
            office_region=office_region,
            issued_at=issued_at,
            issued_by=issued_by,
            subject_type=subject.type,
            subject_id=subject.id,
            draft=draft,
        )
        audit_record(
            actor=issued_by,
            action="document.issue",
            obj=document,
            after={"number": number, "kind": kind, "subject": f"{subject.type}:{subject.id}"},
        )
    document_id = document.pk
    transaction.on_commit(lambda: _queue_render(document_id), robust=True)
    return document


def _queue_render(document_id: int) -> None:
    from netral.documents.tasks import document_render_task

    document_render_task.enqueue(document_id=document_id)


def _render(document: IssuedDocument) -> bytes:
    draft = json.loads(document.draft)
    return official_pdf(
        OfficialDocument(
            number=document.number,
            title=draft["title"],
            office_name=draft["office_name"],
            issued_at=document.issued_at.astimezone(office_tz(document.office_region)),
            verify_url=document_verify_url(number=document.number),
            place=draft["place"],
            lines=[(str(key), str(value)) for key, value in draft["lines"]],
            paragraphs=draft["paragraphs"],
            signatory=draft["signatory"],
        )
    )


def document_render(*, document_id: int) -> IssuedDocument:
    """Render a pending document's PDF, store it (encrypted) and record its SHA-256; audited.

    Nothing is locked while the PDF is rendered and written: only the document's own row,
    briefly, to record the bytes. Safe to run twice or concurrently: the first to record
    wins, the other's blob is removed. A document rendered already is returned as it is."""
    document = IssuedDocument.objects.select_related("office_region").get(pk=document_id)
    if not document.pending:
        return document
    data = _render(document)
    year = document.issued_at.astimezone(office_tz(document.office_region)).year
    path = _store(data=data, year=year)
    try:
        recorded = _record_render(document_id=document_id, data=data, path=path)
    except BaseException:
        blobs.delete([path])
        raise
    if recorded.path != path:  # rendered meanwhile by another worker
        blobs.delete([path])
    return recorded


@audited
def _record_render(*, document_id: int, data: bytes, path: str) -> IssuedDocument:
    document = IssuedDocument.objects.select_for_update(of=("self",)).get(pk=document_id)
    if not document.pending:
        return document
    document.path, document.sha256, document.size = path, _sha256(data), len(data)
    document.draft = ""  # the content lives in the sealed PDF from now on
    document.save(update_fields=["path", "sha256", "size", "draft"])
    audit_record(
        actor=None,
        action="document.render",
        obj=document,
        after={"number": document.number, "sha256": document.sha256, "size": document.size},
    )
    return document


def documents_pending() -> QuerySet[IssuedDocument]:
    return IssuedDocument.objects.filter(path="").order_by("pk")


def documents_render_pending(*, limit: int | None = None) -> list[IssuedDocument]:
    """Render every pending document (oldest first): the catch-up after a crash between a
    commit and its render. A document that fails to render is logged and left pending."""
    ids = list(documents_pending().values_list("pk", flat=True)[:limit])
    done = []
    for document_id in ids:
        try:
            done.append(document_render(document_id=document_id))
        except Exception:
            log.exception("official document %s could not be rendered", document_id)
    return done


def documents_about(subjects: Iterable[Subject]) -> QuerySet[IssuedDocument]:
    """The documents issued about any of ``subjects``."""
    match = Q(pk__in=[])
    for subject in subjects:
        match |= Q(subject_type=subject.type, subject_id=subject.id)
    return IssuedDocument.objects.filter(match)


def document_pdf(*, document: IssuedDocument) -> bytes:
    """The stored bytes, exactly as issued (checked against the recorded SHA-256). A pending
    document is rendered now (its queued render has not run yet); ``ApplicationError``
    (:data:`DOCUMENT_PENDING`) when that fails."""
    if document.pending:
        try:
            document = document_render(document_id=document.pk)
        except Exception:
            log.exception("official document %s could not be rendered", document.number)
            raise ApplicationError(DOCUMENT_PENDING, params={"number": document.number}) from None
    data = blobs.get(DOCUMENT_BLOBS, document.path)
    if _sha256(data) != document.sha256:
        raise ApplicationError(DOCUMENT_ALTERED, params={"number": document.number})
    return data


def document_get_public(*, number: str) -> IssuedDocument | None:
    """The document with this number, or None. Tolerates spaces, lower case and slashes
    around the number (as typed or scanned)."""
    wanted = number.strip().strip("/").upper()
    if not _NUMBER_RE.fullmatch(wanted):
        return None
    return IssuedDocument.objects.filter(number=wanted).first()


def document_check_upload(*, data: bytes) -> None:
    """Refuse what is not a PDF to check: empty, too large, or without a PDF header."""
    if not data:
        raise ApplicationError(UPLOAD_EMPTY, field="file")
    if len(data) > MAX_VERIFY_BYTES:
        raise ApplicationError(
            UPLOAD_TOO_LARGE, params={"mb": MAX_VERIFY_BYTES // (1024 * 1024)}, field="file"
        )
    # The header may follow a little junk (the PDF specification tolerates 1024 bytes).
    if b"%PDF-" not in data[:1024]:
        raise ApplicationError(UPLOAD_NOT_PDF, field="file")


def _numbers_named(data: bytes) -> list[str]:
    """Document numbers the file names: in its metadata (plain bytes), else in its text."""
    found = [m.decode() for m in _NUMBER_BYTES_RE.findall(data)]
    if found:
        return list(dict.fromkeys(found))
    try:
        reader = PdfReader(io.BytesIO(data))
        text = " ".join(page.extract_text() or "" for page in reader.pages[:TEXT_PAGES])
    except Exception:  # a damaged or hostile file: it names nothing we can read
        log.info("verification upload could not be parsed", exc_info=True)
        return []
    return list(dict.fromkeys(_NUMBER_RE.findall(text)))


def document_verify_bytes(*, data: bytes) -> VerifyResult:
    """Whether ``data`` is an issued document, byte for byte.

    No hash match but a known number inside: modified after issue. Neither: unknown.
    Raises ``ApplicationError`` for an empty, oversized or non-PDF upload.
    """
    document_check_upload(data=data)
    document = IssuedDocument.objects.filter(sha256=_sha256(data)).first()
    if document is not None:
        return VerifyResult(genuine=True, reason=gettext(GENUINE), document=document)
    numbers = _numbers_named(data)
    known = IssuedDocument.objects.filter(number__in=numbers).first() if numbers else None
    if known is not None and known.pending:
        return VerifyResult(genuine=False, reason=gettext(PENDING).format(number=known.number))
    if known is not None:
        return VerifyResult(
            genuine=False,
            reason=gettext(MODIFIED).format(number=known.number),
            document=known,
            modified=True,
        )
    return VerifyResult(genuine=False, reason=gettext(UNKNOWN))
