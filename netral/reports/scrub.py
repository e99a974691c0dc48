"""Metadata scrubbing for documents: PDF, Office/OpenDocument packages and embedded JPEGs.

Pure functions on bytes with no knowledge of evidence kinds or messages: each takes the
limits it enforces as keyword arguments and returns the cleaned bytes. Problems come back as
``ScrubRejected`` (the upload must be refused; ``reason`` says why) or ``CannotScrub`` (no
safe copy can be made, e.g. a part that would carry metadata cannot be processed).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any, Literal

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

RejectReason = Literal["corrupt", "encrypted", "too_many_pages", "archive_too_large"]


class ScrubRejected(Exception):
    """The content must be refused; ``limit`` is the page limit for "too_many_pages"."""

    def __init__(self, reason: RejectReason, *, limit: int | None = None) -> None:
        super().__init__(reason)
        self.reason: RejectReason = reason
        self.limit = limit


class CannotScrub(Exception):
    """No safe copy can be made (the caller keeps only the original, not a rejection)."""


# --- ZIP packages ---------------------------------------------------------------------


def check_zip_shape(
    infos: list[zipfile.ZipInfo], *, max_entries: int, max_uncompressed: int
) -> None:
    """Refuse too many entries or too large a declared size; duplicate names cannot be cleaned."""
    declared = sum(info.file_size for info in infos)
    if len(infos) > max_entries or declared > max_uncompressed:
        raise ScrubRejected("archive_too_large")
    if len({info.filename for info in infos}) != len(infos):
        raise CannotScrub  # duplicate names: readers disagree on which one counts


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, limit: int) -> bytes:
    """Read one member, never inflating more than ``limit`` bytes whatever its header says."""
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ScrubRejected("archive_too_large")
    return data


_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_OOXML_NS = "http://schemas.openxmlformats.org/"
_ODF_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"'


def _xml(element: str) -> bytes:
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + element.encode()


_PACKAGE_REPLACEMENTS: dict[str, bytes] = {
    "docProps/core.xml": _xml(
        f'<cp:coreProperties xmlns:cp="{_OOXML_NS}package/2006/metadata/core-properties"/>'
    ),
    "docProps/app.xml": _xml(
        f'<Properties xmlns="{_OOXML_NS}officeDocument/2006/extended-properties"/>'
    ),
    # Kept as an empty part rather than dropped: _rels/.rels still points at it.
    "docProps/custom.xml": _xml(
        f'<Properties xmlns="{_OOXML_NS}officeDocument/2006/custom-properties"/>'
    ),
    "meta.xml": _xml(f"<office:document-meta {_ODF_NS}><office:meta/></office:document-meta>"),
    # LibreOffice keeps the printer name and driver set-up here.
    "settings.xml": _xml(f"<office:document-settings {_ODF_NS}/>"),
}
_PERSON_ATTR = re.compile(rb"""\b((?:[\w.-]+:)?(?:author|initials))=(?:"[^"]*"|'[^']*')""")
_PERSON_ELEMENT = re.compile(
    rb"<((?:[\w.-]+:)?(?:author|creator|initial-creator|creator-initials))>[^<]*</\1>"
)
# People lists (Word people.xml, PowerPoint comment authors, Excel persons): every name and id.
_PEOPLE_PART = re.compile(r"(people|persons/person|commentAuthors|authors)\.xml$")
_PEOPLE_ATTR = re.compile(
    rb"""\b((?:[\w.-]+:)?(?:name|displayName|userId|providerId))=(?:"[^"]*"|'[^']*')"""
)
# Links to local files (e.g. the attached template) carry the user's folder name.
_LOCAL_TARGET = re.compile(rb'Target="file:[^"]*"')


def _scrub_member(path: str, data: bytes) -> bytes:
    if path in _PACKAGE_REPLACEMENTS:
        return _PACKAGE_REPLACEMENTS[path]
    if data.startswith(b"\xff\xd8\xff"):
        return strip_jpeg_metadata(data)
    if path.endswith(".rels"):
        return _LOCAL_TARGET.sub(b'Target="file:///"', data)
    if path.endswith(".xml"):
        data = _PERSON_ATTR.sub(rb'\1=""', data)
        data = _PERSON_ELEMENT.sub(rb"<\1></\1>", data)
        if _PEOPLE_PART.search(path):
            data = _PEOPLE_ATTR.sub(rb'\1=""', data)
    return data


def clean_package(data: bytes, *, max_entries: int, max_uncompressed: int) -> bytes:
    """An Office/OpenDocument package rewritten without properties, authors or timestamps.

    Raises ScrubRejected ("archive_too_large" or "corrupt") or CannotScrub.
    """
    out = io.BytesIO()
    budget = max_uncompressed
    try:
        with (
            zipfile.ZipFile(io.BytesIO(data)) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            infos = source.infolist()
            check_zip_shape(infos, max_entries=max_entries, max_uncompressed=max_uncompressed)
            for info in infos:
                if info.is_dir():
                    continue
                member = read_member(source, info, limit=budget)
                budget -= len(member)
                # A fresh entry: no original timestamps, extra fields (owner ids) or comments.
                entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
                # ODF readers require "mimetype" first and uncompressed; order is kept.
                stored = info.filename == "mimetype"
                entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                target.writestr(entry, _scrub_member(info.filename, member))
    except (ScrubRejected, CannotScrub):
        raise
    except Exception:  # hostile archives make zipfile raise many types
        raise ScrubRejected("corrupt") from None
    return out.getvalue()


# --- PDF ------------------------------------------------------------------------------

_PDF_DROP_KEYS = ("/Metadata", "/PieceInfo", "/LastModified")
_PDF_MARKUP_ANNOTS = {"/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon"}
_PDF_MARKUP_ANNOTS |= {"/PolyLine", "/Highlight", "/Underline", "/Squiggly", "/StrikeOut"}
_PDF_MARKUP_ANNOTS |= {"/Stamp", "/Caret", "/Ink", "/FileAttachment", "/Sound", "/Redact"}
_PDF_MARKUP_ANNOTS |= {"/Popup"}
_PDF_JPEG_FILTERS = ("/DCTDecode", ["/DCTDecode"])


def clean_pdf(data: bytes, *, max_pages: int) -> bytes:
    """The pages rewritten without document info, XMP, piece info, annotation authors or EXIF.

    Raises ScrubRejected ("encrypted", "too_many_pages" or "corrupt") or CannotScrub.
    """
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise ScrubRejected("encrypted")
        if len(reader.pages) > max_pages:
            raise ScrubRejected("too_many_pages", limit=max_pages)
        # A new writer with the pages only: the old trailer, /Info, catalog /Metadata and
        # earlier incremental revisions do not come along.
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        writer.metadata = None
        for page in writer.pages:
            _scrub_pdf_graph(page)
        out = io.BytesIO()
        writer.write(out)
    except (ScrubRejected, CannotScrub):
        raise
    except Exception:  # pypdf raises many types on hostile input
        raise ScrubRejected("corrupt") from None
    return out.getvalue()


def _scrub_pdf_graph(root: DictionaryObject) -> None:
    """Remove metadata from every object reachable from a page (not up through /Parent)."""
    stack: list[Any] = [root]
    seen: set[int] = set()
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            if obj.idnum in seen:
                continue
            seen.add(obj.idnum)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for key in _PDF_DROP_KEYS:
                obj.pop(key, None)
            if obj.get("/Subtype") in _PDF_MARKUP_ANNOTS:
                obj.pop("/T", None)  # the annotation's author
            if isinstance(obj, StreamObject) and obj.get("/Filter") in _PDF_JPEG_FILTERS:
                # A JPEG embedded as is keeps its EXIF; the base setter stores bytes unchanged.
                StreamObject.set_data(obj, strip_jpeg_metadata(obj._data))
            stack.extend(value for key, value in obj.items() if key not in ("/Parent", "/P"))
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


# --- Lossless EXIF stripping for JPEGs embedded in documents -------------------------

_JPEG_KEEP_APP = {0xE0: (b"JFIF\0", b"JFXX\0"), 0xE2: (b"ICC_PROFILE\0",), 0xEE: (b"Adobe",)}


def strip_jpeg_metadata(data: bytes) -> bytes:
    """Drop EXIF/XMP/other APPn and COM segments and anything after EOI; pixels untouched.

    Keeps JFIF, ICC profile and Adobe segments, which decoders need. Raises CannotScrub on a
    stream it cannot walk, so nothing half-stripped is ever returned.
    """
    out = bytearray(b"\xff\xd8")
    i = 2
    while i + 2 <= len(data):
        if data[i] != 0xFF:
            raise CannotScrub
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker == 0xD9:  # EOI: trailing data (e.g. extra pictures with their EXIF) dropped
            return bytes(out + b"\xff\xd9")
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:
            out += data[i : i + 2]
            i += 2
            continue
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        end = i + 2 + length
        if length < 2 or end > len(data):
            raise CannotScrub
        body = data[i + 4 : end]
        droppable = 0xE0 <= marker <= 0xEF or marker == 0xFE
        if not droppable or body.startswith(_JPEG_KEEP_APP.get(marker, ())):
            out += data[i:end]
        i = end
        if marker == 0xDA:  # entropy-coded data runs to the next marker that is not RSTn
            j = i
            while True:
                j = data.find(b"\xff", j)
                if j < 0 or j + 1 >= len(data):
                    raise CannotScrub
                following = data[j + 1]
                if following == 0 or 0xD0 <= following <= 0xD7 or following == 0xFF:
                    j += 1 if following == 0xFF else 2
                    continue
                break
            out += data[i:j]
            i = j
    raise CannotScrub
