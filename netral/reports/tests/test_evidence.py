"""Evidence files: type from content, limits, and copies without identifying metadata."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from PIL import Image
from pypdf import PdfReader

from netral.reports import evidence
from netral.reports.evidence import (
    MB,
    CleanResult,
    EvidenceKind,
    EvidenceRejected,
    check_limits,
    clean_copy,
    sha256_hex,
    sniff,
)
from netral.reports.tests import files

ODF = "application/vnd.oasis.opendocument."


def _no_secrets(data: bytes) -> None:
    for word in files.SECRET_WORDS:
        assert word.encode() not in data, word


def _clean(data: bytes) -> CleanResult:
    result = clean_copy(data, sniff(data, "bukti"), filename="bukti")
    assert result is not None
    return result


# --- sniff ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (files.jpeg_with_exif, EvidenceKind.JPEG),
        (files.png_with_text, EvidenceKind.PNG),
        (files.gif_animated, EvidenceKind.GIF),
        (files.webp, EvidenceKind.WEBP),
        (files.pdf_with_metadata, EvidenceKind.PDF),
        (lambda: files.office_document("docx"), EvidenceKind.DOCX),
        (lambda: files.office_document("xlsx"), EvidenceKind.XLSX),
        (lambda: files.office_document("pptx"), EvidenceKind.PPTX),
        (files.opendocument, EvidenceKind.ODT),
        (lambda: files.opendocument(ODF + "spreadsheet"), EvidenceKind.ODS),
        (lambda: files.opendocument(ODF + "presentation"), EvidenceKind.ODP),
        (lambda: files.iso_media(b"isom"), EvidenceKind.MP4),
        (lambda: files.iso_media(b"mp42"), EvidenceKind.MP4),
        (lambda: files.iso_media(b"qt  "), EvidenceKind.MOV),
        (lambda: files.iso_media(b"3gp4"), EvidenceKind.THREE_GP),
        (lambda: files.iso_media(b"heic"), EvidenceKind.HEIC),
        (lambda: files.iso_media(b"mif1", compatible=b"heic"), EvidenceKind.HEIC),
    ],
)
def test_sniff_recognises_allowed_kinds(make: Callable[[], bytes], kind: EvidenceKind) -> None:
    assert sniff(make(), "apa-saja.bin") == kind


def test_sniff_ignores_misleading_extensions() -> None:
    assert sniff(files.png_with_text(), "laporan.pdf") == EvidenceKind.PNG
    assert sniff(files.pdf_with_metadata(), "foto.jpg") == EvidenceKind.PDF


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (files.EXECUTABLE_PE, "Berkas program tidak diterima: foto.jpg."),
        (files.EXECUTABLE_ELF, "Berkas program tidak diterima: foto.jpg."),
        (files.SHELL_SCRIPT, "Berkas program tidak diterima: foto.jpg."),
        (b"", "Berkas kosong: foto.jpg."),
        (files.RANDOM_BYTES, "Jenis berkas tidak didukung: foto.jpg."),
        (b"Saya melihat camat berkampanye.", "Jenis berkas tidak didukung: foto.jpg."),
        (files.plain_zip(), "Jenis berkas tidak didukung: foto.jpg."),
        (files.opendocument(ODF + "graphics"), "Jenis berkas tidak didukung: foto.jpg."),
        (files.iso_media(b"M4A ", compatible=b"mp42"), "Jenis berkas tidak didukung"),
        (files.iso_media(b"avif", compatible=b"mif1"), "Jenis berkas tidak didukung"),
        (files.iso_media(b"isom")[:12], "Jenis berkas tidak didukung"),  # box cut short
        (b"PK\x03\x04" + files.RANDOM_BYTES, "Jenis berkas tidak didukung"),
    ],
)
def test_sniff_rejects_everything_else(data: bytes, message: str) -> None:
    with pytest.raises(EvidenceRejected) as caught:
        sniff(data, "foto.jpg")
    assert caught.value.message.startswith(message)
    assert caught.value.status_code == 400


@pytest.mark.parametrize(
    "extra",
    [
        {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"},
        {
            "[Content_Types].xml": '<Types><Override ContentType="application/vnd.ms-word.document'
            '.macroEnabled.main+xml"/></Types>'
        },
    ],
)
def test_sniff_rejects_office_documents_with_macros(extra: dict[str, bytes | str]) -> None:
    with pytest.raises(EvidenceRejected, match="bermakro"):
        sniff(files.office_document(extra=extra), "laporan.docx")


def test_messages_name_only_the_file_not_its_folders() -> None:
    with pytest.raises(EvidenceRejected) as caught:
        sniff(b"", "C:\\Users\\budi.santoso\\Desktop\\bukti\n.jpg")
    assert caught.value.message == "Berkas kosong: bukti?.jpg."


def test_zip_with_too_many_entries_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(evidence, "MAX_ZIP_ENTRIES", 3)
    with pytest.raises(EvidenceRejected, match="terlalu besar setelah diekstrak"):
        sniff(files.office_document(), "laporan.docx")


def test_zip_bomb_is_refused_before_inflating(monkeypatch: pytest.MonkeyPatch) -> None:
    bomb = files.office_document(extra={"word/padding.bin": b"\0" * 200_000})
    assert len(bomb) < 10_000
    monkeypatch.setattr(evidence, "MAX_ZIP_UNCOMPRESSED_BYTES", 100_000)
    with pytest.raises(EvidenceRejected, match="terlalu besar setelah diekstrak"):
        sniff(bomb, "laporan.docx")
    with pytest.raises(EvidenceRejected, match="terlalu besar setelah diekstrak"):
        clean_copy(bomb, EvidenceKind.DOCX)


def test_sha256_hex() -> None:
    assert sha256_hex(b"abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


def test_kind_knows_its_content_type_and_extension() -> None:
    assert (EvidenceKind.JPEG.content_type, EvidenceKind.JPEG.extension) == ("image/jpeg", ".jpg")
    assert EvidenceKind.THREE_GP.extension == ".3gp"
    assert EvidenceKind.DOCX.content_type.endswith("wordprocessingml.document")


# --- limits -----------------------------------------------------------------------------


def test_limits_accept_files_at_the_limits() -> None:
    check_limits(
        [20 * MB, 50 * MB, 20 * MB, 10 * MB],  # 100 MB in all
        [EvidenceKind.JPEG, EvidenceKind.MP4, EvidenceKind.PDF, EvidenceKind.PNG],
        names=["a.jpg", "b.mp4", "c.pdf", "d.png"],
    )


def test_limits_refuse_too_many_files() -> None:
    with pytest.raises(EvidenceRejected) as caught:
        check_limits([1] * 11, [EvidenceKind.PNG] * 11, names=["a.png"] * 11)
    assert caught.value.message == ("Terlalu banyak berkas: paling banyak 10 berkas per laporan.")


def test_limits_refuse_a_large_document_naming_it() -> None:
    with pytest.raises(EvidenceRejected) as caught:
        check_limits([1, 25 * MB], [EvidenceKind.PNG] * 2, names=["a.png", "besar.png"])
    assert caught.value.message == (
        "Berkas besar.png terlalu besar (25,0 MB); batas untuk Gambar PNG adalah 20,0 MB."
    )


def test_limits_allow_larger_videos_but_not_unlimited() -> None:
    check_limits([45 * MB], [EvidenceKind.MOV], names=["v.mov"])
    with pytest.raises(EvidenceRejected, match=r"v\.mov terlalu besar .* 50,0 MB"):
        check_limits([50 * MB + 1], [EvidenceKind.MOV], names=["v.mov"])


def test_limits_accept_kinds_as_stored_strings() -> None:
    with pytest.raises(EvidenceRejected, match="batas untuk Video MP4 adalah 50,0 MB"):
        check_limits([60 * MB], ["mp4"], names=["v.mp4"])


def test_limits_refuse_a_report_over_the_total() -> None:
    with pytest.raises(EvidenceRejected) as caught:
        check_limits([40 * MB] * 3, [EvidenceKind.MP4] * 3, names=["1.mp4", "2.mp4", "3.mp4"])
    assert caught.value.message == (
        "Ukuran semua berkas (120,0 MB) melebihi batas 100,0 MB per laporan."
    )


def test_limits_need_one_name_per_file() -> None:
    with pytest.raises(ValueError, match="same length"):
        check_limits([1, 2], [EvidenceKind.PNG] * 2, names=["a.png"])


# --- clean copies: images ---------------------------------------------------------------


def test_jpeg_copy_has_no_exif_gps_or_comment() -> None:
    original = files.jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)  # GPS is really there

    result = _clean(original)

    assert (result.content_type, result.extension) == ("image/jpeg", ".jpg")
    image = Image.open(io.BytesIO(result.data))
    assert not image.getexif()
    assert not {"exif", "comment", "xmp", "icc_profile"} & set(image.info)
    assert b"Exif" not in result.data
    assert b"\xff\xe1" not in result.data  # no APP1 segment (EXIF/XMP) at all
    assert b"\x25\x88" not in result.data  # the GPS IFD tag, either byte order
    assert b"\x88\x25" not in result.data
    _no_secrets(result.data)


def test_jpeg_orientation_is_applied_before_metadata_goes() -> None:
    original = files.jpeg_with_exif(size=(40, 20), orientation=6)  # "rotate 90° to view"

    image = Image.open(io.BytesIO(_clean(original).data))

    assert image.size == (20, 40)
    red, _green, blue = image.getpixel((10, 5))  # type: ignore[misc]
    assert blue > red  # the blue left half is now at the top


def test_png_text_chunks_are_dropped() -> None:
    result = _clean(files.png_with_text())
    assert result.content_type == "image/jpeg"  # opaque: JPEG is fine
    _no_secrets(result.data)


def test_transparent_png_stays_png_without_text() -> None:
    result = _clean(files.png_with_text(transparent=True))
    assert (result.content_type, result.extension) == ("image/png", ".png")
    image = Image.open(io.BytesIO(result.data))
    assert image.mode == "RGBA"
    assert image.text == {}  # type: ignore[attr-defined]
    _no_secrets(result.data)


@pytest.mark.parametrize("make", [files.gif_animated, files.webp])
def test_gif_and_webp_become_plain_images(make: Callable[[], bytes]) -> None:
    result = _clean(make())
    assert Image.open(io.BytesIO(result.data)).format in {"JPEG", "PNG"}
    _no_secrets(result.data)


@pytest.mark.parametrize("size", [(10_000, 6_000), (100_000, 100_000)])
def test_decompression_bombs_are_refused(size: tuple[int, int]) -> None:
    with pytest.raises(EvidenceRejected, match="terlalu besar: paling banyak 50 megapiksel"):
        clean_copy(files.png_claiming_size(*size), EvidenceKind.PNG, filename="bom.png")


def test_undecodable_image_is_refused() -> None:
    with pytest.raises(EvidenceRejected) as caught:
        clean_copy(b"\xff\xd8\xff\xe0" + files.RANDOM_BYTES, EvidenceKind.JPEG, filename="x.jpg")
    assert caught.value.message == "Berkas x.jpg rusak atau tidak dapat dibaca sebagai Foto JPEG."


def test_heic_has_no_clean_copy_without_a_decoder() -> None:
    Image.init()
    if "HEIF" in Image.OPEN:
        pytest.skip("a HEIF plugin is installed")
    assert clean_copy(files.iso_media(b"heic"), EvidenceKind.HEIC) is None


def test_video_has_no_clean_copy() -> None:
    assert clean_copy(files.iso_media(b"qt  "), EvidenceKind.MOV) is None


# --- clean copies: PDF ------------------------------------------------------------------


def test_pdf_copy_has_no_info_xmp_annotation_author_or_photo_exif() -> None:
    original = files.pdf_with_metadata()
    assert PdfReader(io.BytesIO(original)).metadata["/Author"] == files.REPORTER  # type: ignore[index]

    result = _clean(original)

    assert (result.content_type, result.extension) == ("application/pdf", ".pdf")
    reader = PdfReader(io.BytesIO(result.data))
    assert reader.metadata is None
    assert "/Metadata" not in reader.root_object
    page: Any = reader.pages[0]
    note = page["/Annots"][0].get_object()
    assert "/T" not in note
    assert note["/Contents"] == "catatan"  # the content stays
    photo = page["/Resources"]["/XObject"]["/Im0"].get_object()
    assert Image.open(io.BytesIO(photo.get_data())).size == (8, 8)  # still a valid JPEG
    assert b"Exif" not in result.data
    _no_secrets(result.data)


def test_password_protected_pdf_is_refused() -> None:
    with pytest.raises(EvidenceRejected, match="dilindungi kata sandi"):
        clean_copy(files.pdf_encrypted(), EvidenceKind.PDF, filename="surat.pdf")


def test_broken_pdf_is_refused() -> None:
    with pytest.raises(EvidenceRejected, match="rusak"):
        clean_copy(b"%PDF-1.7\n" + files.RANDOM_BYTES, EvidenceKind.PDF)


# --- clean copies: office documents -----------------------------------------------------


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pptx"])
def test_office_copy_has_no_author_company_or_photo_exif(kind: str) -> None:
    original = files.office_document(kind)
    assert files.REPORTER.encode() in _members(original)["docProps/core.xml"]

    result = _clean(original)

    assert result.extension == f".{kind}"
    members = _members(result.data)
    for name, content in members.items():
        _no_secrets(content)
        assert b"Exif" not in content, name
    assert set(members) == set(_members(original))  # custom.xml kept, but empty
    assert b"<property" not in members["docProps/custom.xml"]
    assert b'w:author="" w:initials=""' in members["word/comments.xml"]
    assert Image.open(io.BytesIO(members["word/media/image1.jpeg"])).size == (8, 8)
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert sniff(result.data, "bersih") == sniff(original, "asli")


def test_pictures_appended_after_a_jpeg_are_dropped() -> None:
    # Phones append extra pictures (depth maps, previews) with their own EXIF after EOI.
    media = files.jpeg_with_exif(size=(8, 8)) + files.jpeg_with_exif(size=(4, 4))
    result = _clean(files.office_document(extra={"word/media/image1.jpeg": media}))
    cleaned = _members(result.data)["word/media/image1.jpeg"]
    _no_secrets(cleaned)
    assert cleaned.endswith(b"\xff\xd9")
    assert Image.open(io.BytesIO(cleaned)).size == (8, 8)


def test_office_document_with_an_unreadable_photo_has_no_clean_copy() -> None:
    broken = b"\xff\xd8\xff\xe1\xff\xff" + files.REPORTER.encode()
    document = files.office_document(extra={"word/media/image1.jpeg": broken})
    assert clean_copy(document, EvidenceKind.DOCX) is None


def test_opendocument_copy_has_no_creator_or_printer() -> None:
    result = _clean(files.opendocument())

    assert result.content_type == ODF + "text"
    with zipfile.ZipFile(io.BytesIO(result.data)) as archive:
        first = archive.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    for name, content in _members(result.data).items():
        _no_secrets(content)
        assert b"Exif" not in content, name
    assert sniff(result.data, "bersih.odt") == EvidenceKind.ODT
