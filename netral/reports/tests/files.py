"""Real evidence files for tests, built in memory, each carrying identifying metadata.

The markers below are what a cleaned copy must no longer contain anywhere in its bytes.
"""

from __future__ import annotations

import functools
import io
import struct
import zipfile
import zlib
from collections.abc import Mapping

from PIL import Image, PngImagePlugin
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    EncodedStreamObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

REPORTER = "Budi Santoso Pelapor"
COMPANY = "Dinas Rahasia Kabupaten"
CAMERA = "KameraPelapor X1"
LOCAL_PATH = "C:\\Users\\budi.santoso\\AppData\\Normal.dotm"
SECRET_WORDS = (REPORTER, COMPANY, CAMERA, "budi.santoso")

_GPS_IFD = 0x8825
_TAG_ARTIST = 0x013B
_TAG_DESCRIPTION = 0x010E
_TAG_MODEL = 0x0110
_TAG_ORIENTATION = 0x0112


def jpeg_with_exif(*, size: tuple[int, int] = (40, 20), orientation: int | None = None) -> bytes:
    """A JPEG with GPS coordinates, artist, description, camera model and a comment."""
    exif = Image.Exif()
    exif[_TAG_ARTIST] = REPORTER
    exif[_TAG_DESCRIPTION] = f"Foto oleh {REPORTER}"
    exif[_TAG_MODEL] = CAMERA
    if orientation is not None:
        exif[_TAG_ORIENTATION] = orientation
    exif.get_ifd(_GPS_IFD).update(
        {
            1: "S",  # GPSLatitudeRef
            2: (6.0, 10.0, 30.0),  # GPSLatitude: Jakarta
            3: "E",  # GPSLongitudeRef
            4: (106.0, 49.0, 40.0),  # GPSLongitude
        }
    )
    image = Image.new("RGB", size, (200, 30, 30))
    image.paste((30, 30, 200), (0, 0, size[0] // 2, size[1]))  # left half blue
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=f"komentar {REPORTER}".encode())
    return out.getvalue()


def png_with_text(*, transparent: bool = False) -> bytes:
    """A PNG with text chunks naming the reporter (RGBA when ``transparent``)."""
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", REPORTER)
    info.add_itxt("Description", f"Tangkapan layar {COMPANY}")
    mode, colour = ("RGBA", (0, 0, 0, 0)) if transparent else ("RGB", (0, 128, 0))
    out = io.BytesIO()
    Image.new(mode, (16, 16), colour).save(out, format="PNG", pnginfo=info)
    return out.getvalue()


def png_claiming_size(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels (a decompression bomb)."""
    data = bytearray(png_with_text())
    ihdr = 8 + 8  # signature, then length and type of the first chunk
    data[ihdr : ihdr + 8] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr - 4 : ihdr + 13]))
    data[ihdr + 13 : ihdr + 17] = struct.pack(">I", crc)
    return bytes(data)


def gif_animated() -> bytes:
    frames = [Image.new("P", (10, 10), colour) for colour in (1, 2)]
    out = io.BytesIO()
    frames[0].save(
        out, format="GIF", save_all=True, append_images=frames[1:], comment=REPORTER.encode()
    )
    return out.getvalue()


def webp() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (8, 8), (1, 2, 3)).save(out, format="WEBP")
    return out.getvalue()


def pdf_with_metadata() -> bytes:
    """A one-page PDF with /Info, XMP, a commented annotation and a JPEG that has EXIF."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    writer.add_metadata({"/Author": REPORTER, "/Title": "Laporan rahasia", "/Creator": COMPANY})
    xmp = DecodedStreamObject()
    xmp.set_data(
        f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{REPORTER}</dc:creator>'.encode()
    )
    xmp.update({NameObject("/Type"): NameObject("/Metadata")})
    writer.root_object[NameObject("/Metadata")] = writer._add_object(xmp)

    photo = jpeg_with_exif(size=(8, 8))
    image = EncodedStreamObject()
    StreamObject.set_data(image, photo)
    image.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Image"),
            NameObject("/Width"): NumberObject(8),
            NameObject("/Height"): NumberObject(8),
            NameObject("/ColorSpace"): NameObject("/DeviceRGB"),
            NameObject("/BitsPerComponent"): NumberObject(8),
            NameObject("/Filter"): NameObject("/DCTDecode"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/Im0"): writer._add_object(image)})}
    )
    content = DecodedStreamObject()
    content.set_data(b"q 100 0 0 100 50 50 cm /Im0 Do Q")
    page[NameObject("/Contents")] = writer._add_object(content)
    note = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/Text"),
            NameObject("/Rect"): ArrayObject([NumberObject(n) for n in (10, 10, 30, 30)]),
            NameObject("/T"): TextStringObject(REPORTER),
            NameObject("/Contents"): TextStringObject("catatan"),
        }
    )
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(note)])
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def pdf_encrypted() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=100, height=100)
    writer.encrypt(user_password="rahasia", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_MAIN_TYPES = {
    "docx": ("word/document.xml", "wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "spreadsheetml.sheet.main+xml"),
    "pptx": ("ppt/presentation.xml", "presentationml.presentation.main+xml"),
}


def _content_types(main_part: str, main_type: str) -> str:
    office = "application/vnd.openxmlformats-officedocument."
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="jpeg" ContentType="image/jpeg"/>'
        f'<Override PartName="/{main_part}" ContentType="{office}{main_type}"/>'
        "</Types>"
    )


def office_document(kind: str = "docx", *, extra: Mapping[str, str | bytes] | None = None) -> bytes:
    """A DOCX/XLSX/PPTX package with author, company, custom property, comment and photo."""
    main_part, main_type = _MAIN_TYPES[kind]
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": _content_types(main_part, main_type),
        "_rels/.rels": '<Relationships><Relationship Id="rId1" Target="docProps/custom.xml"/>'
        "</Relationships>",
        main_part: f'<w:document {_W}><w:body><w:p><w:ins w:author="{REPORTER}" '
        'w:id="1"><w:r><w:t>Isi laporan</w:t></w:r></w:ins></w:p></w:body></w:document>',
        "docProps/core.xml": "<cp:coreProperties><dc:creator>"
        f"{REPORTER}</dc:creator><cp:lastModifiedBy>{REPORTER}</cp:lastModifiedBy>"
        "</cp:coreProperties>",
        "docProps/app.xml": f"<Properties><Company>{COMPANY}</Company></Properties>",
        "docProps/custom.xml": f"<Properties><property name='NIP'>{REPORTER}</property>"
        "</Properties>",
        "word/comments.xml": f'<w:comments {_W}><w:comment w:id="0" w:author="{REPORTER}" '
        'w:initials="BSP"><w:p/></w:comment></w:comments>',
        "word/people.xml": f'<w15:people><w15:person w15:author="{REPORTER}"><w15:presenceInfo '
        f"w15:providerId='AD' w15:userId='{REPORTER}'/></w15:person></w15:people>",
        "word/_rels/settings.xml.rels": '<Relationships><Relationship Id="rId1" '
        f'Target="file:///{LOCAL_PATH}" TargetMode="External"/></Relationships>',
        "word/media/image1.jpeg": jpeg_with_exif(size=(8, 8)),
    }
    parts.update(extra or {})
    return _zip(parts)


def opendocument(mimetype: str = "application/vnd.oasis.opendocument.text") -> bytes:
    """An ODT (by default) with creator, printer settings and a commented annotation."""
    return _zip(
        {
            "mimetype": mimetype,
            "META-INF/manifest.xml": "<manifest:manifest/>",
            "content.xml": "<office:document-content><office:annotation><dc:creator>"
            f"{REPORTER}</dc:creator></office:annotation></office:document-content>",
            "meta.xml": f"<office:document-meta><office:meta><meta:initial-creator>{REPORTER}"
            f"</meta:initial-creator><dc:creator>{REPORTER}</dc:creator></office:meta>"
            "</office:document-meta>",
            "settings.xml": f"<config:config-item>{COMPANY} LaserJet</config:config-item>",
            "Pictures/photo.jpg": jpeg_with_exif(size=(8, 8)),
        },
        stored_first=True,
    )


def docx_with_document(document: str | bytes, **parts: str | bytes) -> bytes:
    """A DOCX whose word/document.xml is ``document``, with the reporter as its creator."""
    return office_document(extra={"word/document.xml": document, **parts})


def hostile_docx(repetitions: int = 80_000, *, tracked: bool = False) -> bytes:
    """The upload that froze the server: "a." repeated in word/document.xml, under 1 KB
    compressed. A regular expression over it backtracks quadratically (70 s for 80,000).
    ``tracked`` makes the text a tracked insertion by the reporter, so the part is rewritten."""
    main_part, main_type = _MAIN_TYPES["docx"]
    text = "a." * repetitions
    if tracked:
        run = f"<w:r><w:t>{text}</w:t></w:r>"
        text = f'</w:t></w:r><w:ins w:author="{REPORTER}">{run}</w:ins><w:r><w:t>'
    return _zip(
        {
            "[Content_Types].xml": _content_types(main_part, main_type),
            "docProps/core.xml": f"<cp:coreProperties><dc:creator>{REPORTER}</dc:creator>"
            "</cp:coreProperties>",
            main_part: f"<w:document {_W}><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
            "</w:body></w:document>",
        }
    )


# Entity expansion: ten levels of ten make 10^9 copies of "lol" from a few hundred bytes.
BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + f"]><w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body>"
    "</w:document>"
)
EXTERNAL_ENTITY = (
    '<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    f"<w:document {_W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
)
PLAIN_DTD = f'<!DOCTYPE w:document SYSTEM "x.dtd"><w:document {_W}><w:body/></w:document>'


@functools.cache
def zip_bomb_docx(inflated_mb: int = 290) -> bytes:
    """A valid DOCX of about 296 KB with an entry of ``inflated_mb`` MB of zeros, written in
    chunks at compression level 9 (memory stays small; built once per test run)."""
    out = io.BytesIO(office_document())
    with zipfile.ZipFile(out, "a") as archive:
        info = zipfile.ZipInfo("word/media/padding.bin", date_time=(2024, 2, 14, 9, 30, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = 9  # type: ignore[attr-defined]  # ZipFile.open has no level
        with archive.open(info, "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(inflated_mb):
                member.write(chunk)
    return out.getvalue()


def plain_zip() -> bytes:
    return _zip({"readme.txt": "bukan dokumen", "data/angka.csv": "1,2,3"})


def _zip(parts: dict[str, str | bytes], *, stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, content) in enumerate(parts.items()):
            info = zipfile.ZipInfo(name, date_time=(2024, 2, 14, 9, 30, 0))
            stored = stored_first and index == 0
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return out.getvalue()


def iso_media(brand: bytes, compatible: bytes = b"isom") -> bytes:
    """The start of an ISO base media file (MP4, MOV, 3GP, HEIC) with the given major brand."""
    ftyp = struct.pack(">I", 24) + b"ftyp" + brand + b"\0\0\0\0" + compatible + b"mp41"
    return ftyp + struct.pack(">I", 16) + b"mdat" + b"\0" * 8


EXECUTABLE_PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\0" * 54 + b"This program cannot be run"
EXECUTABLE_ELF = b"\x7fELF\x02\x01\x01" + b"\0" * 57
SHELL_SCRIPT = b"#!/bin/sh\nrm -rf /\n"
RANDOM_BYTES = bytes(range(7, 256)) * 4
