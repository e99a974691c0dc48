"""Metadata scrubbing for documents: PDF and embedded JPEGs (Office/OpenDocument packages are
in ``scrub_package``), and what the scrubbers share.

Pure functions on bytes with no knowledge of evidence kinds or messages: each takes the
limits it enforces as keyword arguments and returns the cleaned bytes. Problems come back as
``ScrubRejected`` (the upload must be refused; ``reason`` says why) or ``CannotScrub`` (no
safe copy can be made, e.g. a part that would carry metadata cannot be processed).
"""

from __future__ import annotations

import io
import time
from typing import Any, Literal

from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

RejectReason = Literal[
    "corrupt", "encrypted", "too_many_pages", "archive_too_large", "too_slow", "xml_forbidden"
]


class ScrubRejected(Exception):
    """The content must be refused; ``limit`` is the page limit for "too_many_pages"."""

    def __init__(self, reason: RejectReason, *, limit: int | None = None) -> None:
        super().__init__(reason)
        self.reason: RejectReason = reason
        self.limit = limit


class CannotScrub(Exception):
    """No safe copy can be made (the caller keeps only the original, not a rejection)."""


class Deadline:
    """A wall-clock budget for cleaning one file, checked between bounded steps of work.

    No signals or threads: every loop of the scrubbers does bounded, linear work per step,
    so checking between steps keeps one file to its budget (plus one step).
    """

    def __init__(self, seconds: float) -> None:
        self._at = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() >= self._at:
            raise ScrubRejected("too_slow")


# --- PDF ------------------------------------------------------------------------------

_PDF_DROP_KEYS = ("/Metadata", "/PieceInfo", "/LastModified")
_PDF_MARKUP_ANNOTS = {"/Text", "/FreeText", "/Line", "/Square", "/Circle", "/Polygon"}
_PDF_MARKUP_ANNOTS |= {"/PolyLine", "/Highlight", "/Underline", "/Squiggly", "/StrikeOut"}
_PDF_MARKUP_ANNOTS |= {"/Stamp", "/Caret", "/Ink", "/FileAttachment", "/Sound", "/Redact"}
_PDF_MARKUP_ANNOTS |= {"/Popup"}
_PDF_JPEG_FILTERS = ("/DCTDecode", ["/DCTDecode"])


def clean_pdf(data: bytes, *, max_pages: int, max_seconds: float) -> bytes:
    """The pages rewritten without document info, XMP, piece info, annotation authors or EXIF.

    Raises ScrubRejected ("encrypted", "too_many_pages", "too_slow" or "corrupt") or
    CannotScrub. The deadline is checked per page and per object walked.
    """
    deadline = Deadline(max_seconds)
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
            deadline.check()
            writer.add_page(page)
        writer.metadata = None
        for page in writer.pages:
            _scrub_pdf_graph(page, deadline)
        out = io.BytesIO()
        writer.write(out)
    except (ScrubRejected, CannotScrub):
        raise
    except Exception:  # pypdf raises many types on hostile input
        raise ScrubRejected("corrupt") from None
    return out.getvalue()


def _scrub_pdf_graph(root: DictionaryObject, deadline: Deadline) -> None:
    """Remove metadata from every object reachable from a page (not up through /Parent)."""
    stack: list[Any] = [root]
    seen: set[int] = set()
    while stack:
        deadline.check()
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
