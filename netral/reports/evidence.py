"""Uploaded evidence: type from content, limits, and a copy without identifying metadata.

Pure functions on bytes; storage and encryption of the original are the caller's business.
The type is decided from the content (magic bytes), never from the name or the declared
content type. ``clean_copy`` makes the copy staff may open without extra permission; where it
returns None there is no safe copy and the original (with its metadata) is all there is.
Documents are scrubbed by ``netral.reports.scrub``; its outcomes become the messages here.
"""

from __future__ import annotations

import hashlib
import io
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from netral.common.errors import ApplicationError
from netral.reports import scrub, scrub_package
from netral.reports.scrub import CannotScrub, ScrubRejected

MB = 1024 * 1024
MAX_FILE_BYTES = 20 * MB
MAX_VIDEO_BYTES = 50 * MB
MAX_REPORT_BYTES = 100 * MB
MAX_FILES_PER_REPORT = 10
MAX_IMAGE_PIXELS = 50_000_000
MAX_PDF_PAGES = 2_000
MAX_ZIP_ENTRIES = 2_000
# Office/OpenDocument packages, inflated: all entries together, one entry, and the ratio of
# inflated to compressed size (a few hundred bytes of zeros must not become 300 MB).
MAX_ZIP_UNCOMPRESSED_BYTES = 100 * MB
MAX_ZIP_ENTRY_BYTES = 50 * MB
MAX_ZIP_RATIO = 200
# Wall-clock time to clean one document; cleaning is linear, so only hostile files reach it.
MAX_SCRUB_SECONDS = 10.0
_MAX_SNIFF_MEMBER_BYTES = 1 * MB
JPEG_QUALITY = 90

EMPTY_FILE = "Berkas kosong: {name}."
UNSUPPORTED = (
    "Jenis berkas tidak didukung: {name}. Yang diterima: foto (JPEG, PNG, WebP, GIF, HEIC), "
    "PDF, dokumen Office (DOCX, XLSX, PPTX) atau OpenDocument (ODT, ODS, ODP), dan video "
    "(MP4, MOV, 3GP)."
)
EXECUTABLE = "Berkas program tidak diterima: {name}."
MACRO_DOCUMENT = "Dokumen bermakro tidak diterima: {name}. Simpan ulang tanpa makro."
TOO_MANY_FILES = "Terlalu banyak berkas: paling banyak {limit} berkas per laporan."
FILE_TOO_LARGE = "Berkas {name} terlalu besar ({size}); batas untuk {kind} adalah {limit}."
REPORT_TOO_LARGE = "Ukuran semua berkas ({size}) melebihi batas {limit} per laporan."
CORRUPT = "Berkas {name} rusak atau tidak dapat dibaca sebagai {kind}."
IMAGE_TOO_LARGE = "Gambar {name} terlalu besar: paling banyak {limit} megapiksel."
PDF_ENCRYPTED = "PDF {name} dilindungi kata sandi; kirim versi tanpa kata sandi."
PDF_TOO_MANY_PAGES = "PDF {name} terlalu banyak halaman: paling banyak {limit}."
ARCHIVE_TOO_LARGE = "Dokumen {name} terlalu besar setelah diekstrak."
TOO_SLOW = (
    "Berkas {name} tidak dapat diproses dalam {limit} detik; kirim versi yang lebih sederhana "
    "(misalnya simpan ulang sebagai PDF)."
)
XML_FORBIDDEN = (
    "Dokumen {name} memuat deklarasi DTD atau entitas XML, yang tidak diterima; simpan ulang "
    "dari aplikasi Office."
)
ORIGINAL_ERASED = gettext_noop(
    "Berkas asli bukti ini sudah dihapus sesuai masa retensi; yang tersisa hanya catatan hash-nya."
)
NO_CLEAN_COPY = gettext_noop(
    "Berkas ini tidak memiliki salinan bersih; hanya pejabat berwenang yang dapat membuka"
    " berkas aslinya."
)


class EvidenceRejected(ApplicationError):
    """An upload that may not be kept as evidence; the message is shown to the reporter."""


class EvidenceKind(models.TextChoices):
    JPEG = "jpeg", _("Foto JPEG")
    PNG = "png", _("Gambar PNG")
    WEBP = "webp", _("Gambar WebP")
    GIF = "gif", _("Gambar GIF")
    HEIC = "heic", _("Foto HEIC")
    PDF = "pdf", _("Dokumen PDF")
    DOCX = "docx", _("Dokumen Word")
    XLSX = "xlsx", _("Lembar kerja Excel")
    PPTX = "pptx", _("Presentasi PowerPoint")
    ODT = "odt", _("Dokumen OpenDocument")
    ODS = "ods", _("Lembar kerja OpenDocument")
    ODP = "odp", _("Presentasi OpenDocument")
    MP4 = "mp4", _("Video MP4")
    MOV = "mov", _("Video QuickTime")
    THREE_GP = "3gp", _("Video 3GP")
    # Only from a captured link (``netral.reports.captured``), never accepted as an upload.
    HTML = "html", _("Halaman web (HTML)")

    @property
    def content_type(self) -> str:
        return _CONTENT_TYPES[self]

    @property
    def extension(self) -> str:
        return ".jpg" if self is EvidenceKind.JPEG else f".{self.value}"


_OPENXML = "application/vnd.openxmlformats-officedocument."
_ODF = "application/vnd.oasis.opendocument."
_CONTENT_TYPES: dict[EvidenceKind, str] = {
    EvidenceKind.JPEG: "image/jpeg",
    EvidenceKind.PNG: "image/png",
    EvidenceKind.WEBP: "image/webp",
    EvidenceKind.GIF: "image/gif",
    EvidenceKind.HEIC: "image/heic",
    EvidenceKind.PDF: "application/pdf",
    EvidenceKind.DOCX: _OPENXML + "wordprocessingml.document",
    EvidenceKind.XLSX: _OPENXML + "spreadsheetml.sheet",
    EvidenceKind.PPTX: _OPENXML + "presentationml.presentation",
    EvidenceKind.ODT: _ODF + "text",
    EvidenceKind.ODS: _ODF + "spreadsheet",
    EvidenceKind.ODP: _ODF + "presentation",
    EvidenceKind.MP4: "video/mp4",
    EvidenceKind.MOV: "video/quicktime",
    EvidenceKind.THREE_GP: "video/3gpp",
    EvidenceKind.HTML: "text/html",
}
IMAGE_KINDS = frozenset(
    {EvidenceKind.JPEG, EvidenceKind.PNG, EvidenceKind.WEBP, EvidenceKind.GIF, EvidenceKind.HEIC}
)
VIDEO_KINDS = frozenset({EvidenceKind.MP4, EvidenceKind.MOV, EvidenceKind.THREE_GP})
OOXML_KINDS = frozenset({EvidenceKind.DOCX, EvidenceKind.XLSX, EvidenceKind.PPTX})
ODF_KINDS = frozenset({EvidenceKind.ODT, EvidenceKind.ODS, EvidenceKind.ODP})


@dataclass(frozen=True, slots=True)
class CleanResult:
    data: bytes
    content_type: str
    extension: str


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def display_name(filename: str) -> str:
    """The name as shown in messages: last path part only, printable, at most 80 characters."""
    name = PurePath(filename.replace("\\", "/")).name.strip() or "berkas"
    name = "".join(char if char.isprintable() else "?" for char in name)
    return name if len(name) <= 80 else name[:77] + "..."


def _megabytes(size: int) -> str:
    return f"{size / MB:.1f} MB".replace(".", ",")


def max_file_bytes(kind: EvidenceKind) -> int:
    return MAX_VIDEO_BYTES if kind in VIDEO_KINDS else MAX_FILE_BYTES


def check_count_and_total(sizes: Sequence[int], *, existing: Sequence[int] = ()) -> None:
    """Refuse too many files or too many bytes for one report, before any file is read.

    ``sizes`` are the new uploads' sizes in bytes, ``existing`` those of the evidence the
    report already has. The per-file limits depend on the kind, which comes from the content:
    ``check_limits`` follows once the files are read, and cleaning only after that.
    """
    if len(existing) + len(sizes) > MAX_FILES_PER_REPORT:
        raise EvidenceRejected(TOO_MANY_FILES, params={"limit": MAX_FILES_PER_REPORT})
    total = sum(existing) + sum(sizes)
    if total > MAX_REPORT_BYTES:
        raise EvidenceRejected(
            REPORT_TOO_LARGE,
            params={"size": _megabytes(total), "limit": _megabytes(MAX_REPORT_BYTES)},
        )


def check_limits(
    sizes: Sequence[int], kinds: Sequence[EvidenceKind | str], *, names: Sequence[str]
) -> None:
    """Refuse a report's files (sizes in bytes) over the count, per-file or total limits.

    The first problem found is reported: count, then each file in order, then the total.
    """
    if not len(sizes) == len(kinds) == len(names):
        raise ValueError("sizes, kinds and names must have the same length")
    if len(sizes) > MAX_FILES_PER_REPORT:
        raise EvidenceRejected(TOO_MANY_FILES, params={"limit": MAX_FILES_PER_REPORT})
    for size, kind_value, name in zip(sizes, kinds, names, strict=True):
        kind = EvidenceKind(kind_value)  # also accepts the plain strings stored in the database
        if size > max_file_bytes(kind):
            raise EvidenceRejected(
                FILE_TOO_LARGE,
                params={
                    "name": display_name(name),
                    "size": _megabytes(size),
                    "kind": kind.label,
                    "limit": _megabytes(max_file_bytes(kind)),
                },
            )
    check_count_and_total(sizes)


# --- Sniffing ---------------------------------------------------------------------------

# Windows PE, ELF, scripts, Mach-O (fat/Java class, 32/64-bit, both byte orders), WebAssembly.
_EXECUTABLE_HEX = "4d5a 7f454c46 2321 cafebabe feedface feedfacf cefaedfe cffaedfe 0061736d"
_EXECUTABLE_MAGIC = tuple(bytes.fromhex(magic) for magic in _EXECUTABLE_HEX.split())
_HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
_MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V "}
_MP4_BRANDS |= {b"dash", b"mmp4", b"MSNV", b"XAVC"}
_OOXML_MAIN = {
    EvidenceKind.DOCX: b"wordprocessingml.document.main+xml",
    EvidenceKind.XLSX: b"spreadsheetml.sheet.main+xml",
    EvidenceKind.PPTX: b"presentationml.presentation.main+xml",
}
_ODF_MIMETYPES = {_CONTENT_TYPES[kind].encode(): kind for kind in ODF_KINDS}


def sniff(data: bytes, filename: str) -> EvidenceKind:
    """The evidence kind of ``data`` from its content; ``filename`` is used in messages only."""
    name = display_name(filename)
    if not data:
        raise EvidenceRejected(EMPTY_FILE, params={"name": name})
    if data.startswith(_EXECUTABLE_MAGIC):
        raise EvidenceRejected(EXECUTABLE, params={"name": name})
    kind = _sniff_magic(data)
    if kind is None and data.startswith(b"PK\x03\x04"):
        kind = _sniff_zip(data, name)
    if kind is None:
        raise EvidenceRejected(UNSUPPORTED, params={"name": name})
    return kind


def _sniff_magic(data: bytes) -> EvidenceKind | None:
    if data.startswith(b"\xff\xd8\xff"):
        return EvidenceKind.JPEG
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return EvidenceKind.PNG
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return EvidenceKind.GIF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return EvidenceKind.WEBP
    if data.startswith(b"%PDF-"):
        return EvidenceKind.PDF
    if data[4:8] == b"ftyp" and 16 <= int.from_bytes(data[:4], "big") <= len(data):
        # Only the major brand decides: compatible brands would let audio (M4A) or AVIF in.
        brand = data[8:12]
        if brand in _HEIF_BRANDS:
            return EvidenceKind.HEIC
        if brand == b"qt  ":
            return EvidenceKind.MOV
        if brand.startswith((b"3gp", b"3g2")):
            return EvidenceKind.THREE_GP
        if brand in _MP4_BRANDS:
            return EvidenceKind.MP4
    return None


def package_limits(max_seconds: float | None = None) -> scrub_package.PackageLimits:
    """The limits for Office/OpenDocument packages (read when called, so tests may lower them);
    ``max_seconds`` lowers the time limit (what is left of a submission's budget)."""
    return scrub_package.PackageLimits(
        max_entries=MAX_ZIP_ENTRIES,
        max_entry_bytes=MAX_ZIP_ENTRY_BYTES,
        max_total_bytes=MAX_ZIP_UNCOMPRESSED_BYTES,
        max_ratio=MAX_ZIP_RATIO,
        max_seconds=MAX_SCRUB_SECONDS if max_seconds is None else max_seconds,
    )


def _sniff_zip(data: bytes, name: str) -> EvidenceKind | None:
    """The package's kind from its entry list and content types. A package over the size
    limits is refused here, from its headers, before anything is inflated or cleaned."""
    limits = package_limits()
    try:
        with scrub_package.package_open(data, limits=limits) as archive:
            infos = scrub_package.package_check(archive.infolist(), size=len(data), limits=limits)
            names = [info.filename for info in infos]
            if names and names[0] == "mimetype":
                mimetype = scrub_package.read_member(archive, infos[0], limit=200).strip()
                kind = _ODF_MIMETYPES.get(mimetype)
                macros = any(n.startswith(("Basic/", "Scripts/")) for n in names)
            elif "[Content_Types].xml" in names:
                info = archive.getinfo("[Content_Types].xml")
                types = scrub_package.read_member(archive, info, limit=_MAX_SNIFF_MEMBER_BYTES)
                found = [kind for kind, main in _OOXML_MAIN.items() if main in types]
                kind = found[0] if len(found) == 1 else None
                macros = b"macroEnabled" in types or any(
                    n.lower().endswith("vbaproject.bin") for n in names
                )
            else:
                return None
    except ScrubRejected as rejected:
        if rejected.reason == "archive_too_large":
            raise EvidenceRejected(ARCHIVE_TOO_LARGE, params={"name": name}) from None
        return None  # e.g. a compression method Office does not use
    except Exception:  # hostile archives make zipfile raise many types; duplicate names too
        return None
    if macros:
        raise EvidenceRejected(MACRO_DOCUMENT, params={"name": name})
    return kind


# --- Clean copies -----------------------------------------------------------------------


def clean_copy(
    data: bytes, kind: EvidenceKind, *, filename: str = "", max_seconds: float | None = None
) -> CleanResult | None:
    """A copy without identifying metadata, or None where none can be made safely.

    * Images: EXIF orientation applied, then only the pixels re-encoded (JPEG, or PNG when
      there is transparency): no EXIF/GPS, XMP, ICC, comments. Animated images keep their
      first frame. HEIC gives None unless a HEIF plugin (pillow-heif) is registered.
    * PDF: pages rewritten without /Info, XMP /Metadata, /PieceInfo, markup-annotation
      authors and EXIF inside embedded JPEG images; outlines, forms and attachments are dropped.
    * DOCX/XLSX/PPTX and ODT/ODS/ODP: document properties replaced by empty ones, comment and
      tracked-change authors blanked, Word's revision-session ids dropped, EXIF stripped from
      embedded JPEGs, timestamps of the ZIP entries reset (see ``scrub_package``).
    * Video: None (re-muxing without metadata needs ffmpeg).

    Raises EvidenceRejected for content that does not parse as ``kind`` or exceeds the pixel,
    page, decompression or time limits (``MAX_SCRUB_SECONDS`` per document), or for Office XML
    with a DTD or entity declarations. Returns None too when a part that would carry metadata
    (an embedded JPEG, a duplicate ZIP entry) cannot be processed. Everything happens in
    memory, bounded by the limits: a package is read in chunks, never whole. ``max_seconds``
    lowers the time limit below ``MAX_SCRUB_SECONDS`` (see ``clean_copies``).
    """
    name = display_name(filename or "berkas")
    if kind in IMAGE_KINDS:
        return _clean_image(data, kind, name)
    seconds = MAX_SCRUB_SECONDS if max_seconds is None else min(max_seconds, MAX_SCRUB_SECONDS)
    try:
        if kind is EvidenceKind.PDF:
            cleaned = scrub.clean_pdf(data, max_pages=MAX_PDF_PAGES, max_seconds=seconds)
        elif kind in OOXML_KINDS or kind in ODF_KINDS:
            cleaned = scrub_package.package_clean(data, limits=package_limits(seconds))
        else:
            return None
    except CannotScrub:
        return None
    except ScrubRejected as rejected:
        raise _rejection(rejected, kind, name) from None
    return CleanResult(cleaned, kind.content_type, kind.extension)


def _rejection(rejected: ScrubRejected, kind: EvidenceKind, name: str) -> EvidenceRejected:
    if rejected.reason == "encrypted":
        return EvidenceRejected(PDF_ENCRYPTED, params={"name": name})
    if rejected.reason == "too_many_pages":
        return EvidenceRejected(PDF_TOO_MANY_PAGES, params={"name": name, "limit": rejected.limit})
    if rejected.reason == "archive_too_large":
        return EvidenceRejected(ARCHIVE_TOO_LARGE, params={"name": name})
    if rejected.reason == "too_slow":
        return EvidenceRejected(TOO_SLOW, params={"name": name, "limit": f"{MAX_SCRUB_SECONDS:g}"})
    if rejected.reason == "xml_forbidden":
        return EvidenceRejected(XML_FORBIDDEN, params={"name": name})
    return EvidenceRejected(CORRUPT, params={"name": name, "kind": kind.label})


def _clean_image(data: bytes, kind: EvidenceKind, name: str) -> CleanResult | None:
    pil_format = {EvidenceKind.HEIC: "HEIF"}.get(kind, kind.name)
    Image.init()
    if pil_format not in Image.OPEN:
        return None  # HEIC without a plugin
    corrupt = EvidenceRejected(CORRUPT, params={"name": name, "kind": kind.label})
    try:
        # formats= keeps Pillow to the sniffed decoder (never EPS/Ghostscript and the like).
        image = Image.open(io.BytesIO(data), formats=[pil_format])
        if image.width * image.height > MAX_IMAGE_PIXELS:
            raise EvidenceRejected(
                IMAGE_TOO_LARGE, params={"name": name, "limit": MAX_IMAGE_PIXELS // 1_000_000}
            )
        image.load()
        upright = ImageOps.exif_transpose(image)
    except EvidenceRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise EvidenceRejected(
            IMAGE_TOO_LARGE, params={"name": name, "limit": MAX_IMAGE_PIXELS // 1_000_000}
        ) from None
    except Exception:  # decoders raise many types on hostile input
        raise corrupt from None
    alpha = upright.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in upright.info
    mode = "RGBA" if alpha else ("L" if upright.mode in ("1", "L") else "RGB")
    # A new image holds pixels only: no info dict, EXIF cache, comments or palette metadata.
    pixels = Image.new(mode, upright.size)
    pixels.paste(upright.convert(mode))
    out = io.BytesIO()
    if alpha:
        pixels.save(out, format="PNG")
        return CleanResult(out.getvalue(), "image/png", ".png")
    pixels.save(out, format="JPEG", quality=JPEG_QUALITY)
    return CleanResult(out.getvalue(), "image/jpeg", ".jpg")


# --- One submission's time budget ---------------------------------------------------------

# Ten files at up to MAX_SCRUB_SECONDS each would hold a worker for 100 s: a submission's files
# share one budget (setting NETRAL_SCRUB_BUDGET_SECONDS).
DEFAULT_SCRUB_BUDGET_SECONDS = 20.0
BUDGET_SPENT = (
    "Waktu pemrosesan berkas untuk satu kiriman ({limit} detik) habis pada berkas {name}; "
    "tidak ada yang disimpan. Kirim lebih sedikit berkas atau versi yang lebih sederhana "
    "(misalnya simpan ulang sebagai PDF)."
)


def scrub_budget_seconds() -> float:
    """The cleaning time one submission's files share (read when called)."""
    return float(getattr(settings, "NETRAL_SCRUB_BUDGET_SECONDS", DEFAULT_SCRUB_BUDGET_SECONDS))


def clean_copies(
    files: Sequence[tuple[bytes, EvidenceKind, str]], *, budget_seconds: float | None = None
) -> list[CleanResult | None]:
    """``clean_copy`` of each ``(data, kind, filename)`` of one submission, in order, within
    one time budget (``scrub_budget_seconds``): each document gets what is left of it (at
    most ``MAX_SCRUB_SECONDS``). Raises EvidenceRejected naming the file at which the budget
    ran out; the caller stores nothing then. Call after the count and size checks."""
    budget = scrub_budget_seconds() if budget_seconds is None else budget_seconds
    started = time.monotonic()
    cleaned: list[CleanResult | None] = []
    for data, kind, filename in files:
        left = budget - (time.monotonic() - started)
        spent = EvidenceRejected(
            BUDGET_SPENT,
            params={"name": display_name(filename), "limit": number_format(Decimal(f"{budget:g}"))},
        )
        if left <= 0:
            raise spent
        try:
            cleaned.append(clean_copy(data, kind, filename=filename, max_seconds=left))
        except EvidenceRejected as error:
            if error.template == TOO_SLOW and left < MAX_SCRUB_SECONDS:
                raise spent from None  # the budget, not the file's own limit, ran out
            raise
    return cleaned


@dataclass(frozen=True)
class PreparedFile:
    name: str
    data: bytes
    kind: EvidenceKind
    sha256: str
    clean: CleanResult | None


def evidence_prepare(
    *, files: Sequence[UploadedFile], existing: Sequence[tuple[int, str]] = ()
) -> list[PreparedFile]:
    """Read, type-check and clean uploads before anything is stored. Raises EvidenceRejected
    (with the file named) for the first file that may not be kept.

    ``existing`` is the (size, kind) of the evidence the report already has: the count and
    size limits cover it too, and all limits are checked before any file is cleaned.
    """
    check_count_and_total([upload.size or 0 for upload in files], existing=[s for s, _ in existing])
    kinds, blobs, names = [], [], []
    for upload in files:
        name = upload.name or "berkas"
        # The request size is capped before parsing (see ``intake``), so this stays bounded.
        data = upload.read()
        kinds.append(sniff(data, name))
        blobs.append(data)
        names.append(name)
    check_limits(
        [s for s, _ in existing] + [len(b) for b in blobs],
        [*(k for _, k in existing), *kinds],
        names=["(sebelumnya)"] * len(existing) + names,
    )
    # One time budget for the whole submission's cleaning (refused naming the file where
    # it ran out).
    cleaned = clean_copies(list(zip(blobs, kinds, names, strict=True)))
    return [
        PreparedFile(name=name, data=data, kind=kind, sha256=sha256_hex(data), clean=clean)
        for name, data, kind, clean in zip(names, blobs, kinds, cleaned, strict=True)
    ]


def sealed_copy_read(
    read: Callable[[str], bytes],
    *,
    kind: EvidenceKind,
    path: str,
    sha256: str,
    clean_path: str,
    clean_content_type: str,
    original: bool,
    altered: str,
    content_type: str = "",
    clean_fallback: str = "application/octet-stream",
) -> tuple[bytes, str, str]:
    """A file stored sealed beside its cleaned copy: ``(data, content_type, extension)``.

    ``read`` fetches a stored path. The original (``original=True``) must still hash to
    ``sha256``, else ``ApplicationError(altered)``; its type is ``content_type`` (the kind's
    by default). Otherwise the stored clean copy is read (typed ``clean_fallback`` where none
    was recorded); a file stored before clean copies were kept is cleaned on the fly from its
    checked original, refused with NO_CLEAN_COPY where no safe copy can be made."""
    if original or not clean_path:
        data = read(path)
        if sha256_hex(data) != sha256:
            raise ApplicationError(altered)
        if original:
            return data, content_type or kind.content_type, kind.extension
        clean = clean_copy(data, kind)
        if clean is None:
            raise ApplicationError(gettext(NO_CLEAN_COPY))
        return clean.data, clean.content_type, clean.extension
    stored_type = clean_content_type or clean_fallback
    # A cleaned image may change format (transparent images become PNG).
    extension = next(
        (k.extension for k in EvidenceKind if k.content_type == stored_type), kind.extension
    )
    return read(clean_path), stored_type, extension
