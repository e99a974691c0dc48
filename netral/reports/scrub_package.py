"""Metadata scrubbing for Office Open XML (DOCX/XLSX/PPTX) and OpenDocument packages.

Hostile packages are bounded before and while they are read: the ZIP directory, the number of
entries, each entry's and the total inflated size and the compression ratio are checked from
the headers before anything is inflated (``package_check``), then again on the bytes actually
inflated, which are read in chunks so a lying header cannot make one read large; a deadline
is checked between chunks. XML parts are rewritten by a streaming parser (defusedxml's expat
reader, DTDs and entities refused), never by regular expressions over their content, so time
grows linearly with size.
"""

from __future__ import annotations

import io
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO
from xml.sax import SAXException

from defusedxml import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from netral.reports.scrub import CannotScrub, Deadline, ScrubRejected, strip_jpeg_metadata

CHUNK_BYTES = 1024 * 1024  # large enough that expat rescanning one long token stays cheap
# Below this an entry's compression ratio is not judged: short repetitive XML is normal.
RATIO_GRACE_BYTES = 1024 * 1024
_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record
_EOCD_SIGNATURE = b"PK\x05\x06"
# One central directory entry: 46 fixed bytes, then name, extra field and comment (Office and
# OpenDocument names are short; 1 KB each is generous).
_CENTRAL_ENTRY_BYTES = 46 + 1024


@dataclass(frozen=True, slots=True)
class PackageLimits:
    max_entries: int
    max_entry_bytes: int  # inflated size of one entry
    max_total_bytes: int  # inflated size of all entries together
    max_ratio: int  # inflated / compressed size, per entry and for the whole package
    max_seconds: float  # wall-clock time to clean one package


# --- Shape: refused before anything is inflated ---------------------------------------


def package_open(data: bytes, *, limits: PackageLimits) -> zipfile.ZipFile:
    """The package opened after its central directory was found to fit the entry limit.

    zipfile builds an object per directory entry before anything can be counted, so the
    directory's size is checked first from the end record. Raises ScrubRejected
    ("archive_too_large") or whatever zipfile raises on a broken archive.
    """
    start = data.rfind(_EOCD_SIGNATURE, max(0, len(data) - _EOCD.size - 0xFFFF))
    if start < 0 or start + _EOCD.size > len(data):
        raise zipfile.BadZipFile("no end of central directory")
    fields = _EOCD.unpack_from(data, start)
    entries, directory_bytes = fields[4], fields[5]
    # zipfile reads the whole directory whatever the count says, so its size is what counts.
    # ZIP64 markers (0xFFFF, 0xFFFFFFFF) are over the limits as well.
    too_long = directory_bytes > limits.max_entries * _CENTRAL_ENTRY_BYTES
    if entries > limits.max_entries or too_long:
        raise ScrubRejected("archive_too_large")
    return zipfile.ZipFile(io.BytesIO(data))


def package_check(
    infos: list[zipfile.ZipInfo], *, size: int, limits: PackageLimits
) -> list[zipfile.ZipInfo]:
    """Refuse a package whose headers declare too much; duplicate names cannot be cleaned.

    ``size`` is the package's own size in bytes (for the overall compression ratio).
    """
    if len(infos) > limits.max_entries:
        raise ScrubRejected("archive_too_large")
    declared = 0
    for info in infos:
        declared += info.file_size
        too_dense = info.file_size > RATIO_GRACE_BYTES and info.file_size > limits.max_ratio * max(
            info.compress_size, 1
        )
        if info.file_size > limits.max_entry_bytes or too_dense:
            raise ScrubRejected("archive_too_large")
    if declared > limits.max_total_bytes or (
        declared > RATIO_GRACE_BYTES and declared > limits.max_ratio * max(size, 1)
    ):
        raise ScrubRejected("archive_too_large")
    if len({info.filename for info in infos}) != len(infos):
        raise CannotScrub  # duplicate names: readers disagree on which one counts
    return infos


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, *, limit: int) -> bytes:
    """Read one member, never inflating more than ``limit`` bytes whatever its header says."""
    _check_method(info)
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise ScrubRejected("archive_too_large")
    return data


def _check_method(info: zipfile.ZipInfo) -> None:
    # zipfile bounds each read's output for deflate only (bzip2/LZMA inflate a whole chunk at
    # once); Office and OpenDocument use deflate or none. Encrypted entries cannot be read.
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED) or info.flag_bits & 1:
        raise ScrubRejected("corrupt")


class _Inflated:
    """Counts what is actually inflated, against the limits, whatever the headers said."""

    def __init__(self, *, size: int, limits: PackageLimits, deadline: Deadline) -> None:
        self.total = 0
        self.size = size
        self.limits = limits
        self.deadline = deadline

    def chunks(self, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
        _check_method(info)
        limits, entry = self.limits, 0
        with archive.open(info) as member:
            while chunk := member.read(CHUNK_BYTES):
                entry += len(chunk)
                self.total += len(chunk)
                dense = entry > RATIO_GRACE_BYTES and entry > limits.max_ratio * max(
                    info.compress_size, 1
                )
                if entry > limits.max_entry_bytes or self.total > limits.max_total_bytes or dense:
                    raise ScrubRejected("archive_too_large")
                self.deadline.check()
                yield chunk


# --- Cleaning -------------------------------------------------------------------------

_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_OOXML_NS = "http://schemas.openxmlformats.org/"
_ODF_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"'
_XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _xml(element: str) -> bytes:
    return (_XML_DECLARATION + element).encode()


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


def package_clean(data: bytes, *, limits: PackageLimits) -> bytes:
    """An Office/OpenDocument package rewritten without properties, authors or timestamps.

    Raises ScrubRejected ("archive_too_large", "too_slow", "xml_forbidden" or "corrupt") or
    CannotScrub. Memory stays bounded by the package, one chunk and one embedded JPEG.
    """
    deadline = Deadline(limits.max_seconds)
    out = io.BytesIO()
    try:
        with (
            package_open(data, limits=limits) as source,
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
        ):
            infos = package_check(source.infolist(), size=len(data), limits=limits)
            inflated = _Inflated(size=len(data), limits=limits, deadline=deadline)
            for info in infos:
                deadline.check()
                if info.is_dir():
                    continue
                # A fresh entry: no original timestamps, extra fields (owner ids) or comments.
                entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_EPOCH)
                # ODF readers require "mimetype" first and uncompressed; order is kept.
                stored = info.filename == "mimetype"
                entry.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                with target.open(entry, "w") as sink:
                    _scrub_member(info.filename, inflated.chunks(source, info), sink, deadline)
    except (ScrubRejected, CannotScrub):
        raise
    except DefusedXmlException:  # a DTD, entity declaration or external reference
        raise ScrubRejected("xml_forbidden") from None
    except Exception:  # hostile archives make zipfile and expat raise many types
        raise ScrubRejected("corrupt") from None
    return out.getvalue()


def _scrub_member(path: str, chunks: Iterator[bytes], sink: IO[bytes], deadline: Deadline) -> None:
    if path in _PACKAGE_REPLACEMENTS:
        sink.write(_PACKAGE_REPLACEMENTS[path])
        return
    first = next(chunks, b"")
    if first.startswith(b"\xff\xd8\xff"):
        # A whole picture is needed to walk its segments; the entry limit bounds it.
        sink.write(strip_jpeg_metadata(b"".join([first, *chunks])))
        return
    lower = path.lower()
    if lower.endswith((".xml", ".rels")):
        _scrub_xml(lower, first, chunks, sink, deadline)
        return
    sink.write(first)
    for chunk in chunks:
        sink.write(chunk)


# --- XML parts, as a stream of events ---------------------------------------------------

# Attributes and text-only elements naming a person, whatever their namespace prefix.
_PERSON_ATTRS = frozenset({"author", "initials"})
_PERSON_ELEMENTS = frozenset({"author", "creator", "initial-creator", "creator-initials"})
# People lists (Word people.xml, PowerPoint comment authors, Excel persons): every name and id.
_PEOPLE_PARTS = ("people.xml", "persons/person.xml", "commentauthors.xml", "authors.xml")
_PEOPLE_ATTRS = frozenset({"name", "displayName", "userId", "providerId"})
# Word's revision-session ids link a file to the sessions (and machines) that edited it.
_DROPPED_ELEMENTS = frozenset({"w:rsids"})
# Pieces are start tags, end tags and text runs (expat buffers text to 8 KB): bounded.
_FLUSH_PIECES = 4096


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _text(value: str) -> str:
    if value.isalnum():  # most values: nothing to escape
        return value
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attribute(value: str) -> str:
    if value.isalnum():
        return value
    # Whitespace characters as references: a parser would otherwise normalise them away.
    return _text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


class _Scrubber:
    """Writes the parser's events back as XML, leaving out what names a person.

    Names are kept exactly as written (prefixes included): the parser runs without namespace
    processing, because Office's ``mc:Ignorable`` refers to prefixes by name. Comments in the
    XML are not passed on by the parser and so are dropped.
    """

    def __init__(self, path: str, sink: IO[bytes]) -> None:
        self.people = path.endswith(_PEOPLE_PARTS)
        self.relationships = path.endswith(".rels")
        self.special = self.people or self.relationships  # every attribute is a candidate
        self.sink = sink
        self.pieces: list[str] = [_XML_DECLARATION]
        # Per open element: whether its text names a person (and is left out).
        self.quiet: list[bool] = []
        self.start_pending = False  # "<name attrs" written, ">" or "/>" not yet
        self.dropping = 0  # depth inside a dropped element

    def _close_start(self) -> None:
        if self.start_pending:
            self.pieces.append(">")
            self.start_pending = False
        if len(self.pieces) > _FLUSH_PIECES:
            self.flush()

    def flush(self) -> None:
        if self.start_pending:
            self.pieces.append(">")
            self.start_pending = False
        self.sink.write("".join(self.pieces).encode())
        self.pieces = []

    def start(self, name: str, attributes: list[str]) -> None:
        """``attributes`` alternate names and values (expat's ordered_attributes)."""
        if self.dropping or name in _DROPPED_ELEMENTS:
            self.dropping += 1
            return
        self._close_start()
        self.quiet.append(_local(name) in _PERSON_ELEMENTS)
        parts = ["<", name]
        pairs = iter(attributes)
        for key, value in zip(pairs, pairs, strict=True):
            if self.special or "rsid" in key or "author" in key or "initials" in key:
                replaced = self._attribute_value(key, value)
                if replaced is None:
                    continue
                value = replaced
            parts.append(f' {key}="{_attribute(value)}"')
        self.pieces.append("".join(parts))
        self.start_pending = True

    def _attribute_value(self, key: str, value: str) -> str | None:
        """The value to write for a candidate attribute; None leaves the attribute out."""
        local = _local(key)
        if local.startswith("rsid"):
            return None
        if local in _PERSON_ATTRS or (self.people and local in _PEOPLE_ATTRS):
            return ""
        if self.relationships and key == "Target" and value[:5].lower() == "file:":
            return "file:///"  # a local link carries the user's folder names
        return value

    def end(self, name: str) -> None:
        if self.dropping:
            self.dropping -= 1
            return
        self.quiet.pop()
        if self.start_pending:
            self.start_pending = False
            self.pieces.append("/>")
        else:
            self.pieces.append(f"</{name}>")

    def text(self, content: str) -> None:
        if self.dropping or (self.quiet and self.quiet[-1]):
            return
        self._close_start()
        self.pieces.append(_text(content))

    def instruction(self, target: str, data: str) -> None:
        if not self.dropping:
            self._close_start()
            self.pieces.append(f"<?{target} {data}?>" if data else f"<?{target}?>")


class _Parser(DefusedExpatParser):
    """defusedxml's expat reader, DTDs refused as well as entities and external references.

    With a scrubber, the content events go straight to it rather than through SAX objects (a
    third of the time on element-dense parts such as spreadsheets); without one, no Python
    runs per event at all: the part is only checked to be well-formed and free of DTDs.
    """

    def __init__(self, scrubber: _Scrubber | None = None) -> None:
        super().__init__(forbid_dtd=True, forbid_entities=True, forbid_external=True)
        self._scrubber = scrubber

    def reset(self) -> None:
        super().reset()  # a new expat parser with defusedxml's guards installed
        parser, scrubber = self._parser, self._scrubber
        parser.ordered_attributes = True
        parser.buffer_text = True
        parser.StartElementHandler = scrubber.start if scrubber else None
        parser.EndElementHandler = scrubber.end if scrubber else None
        parser.CharacterDataHandler = scrubber.text if scrubber else None
        parser.ProcessingInstructionHandler = scrubber.instruction if scrubber else None


# What every name the scrubber changes contains. A part without any of them (and in an
# ASCII-compatible encoding, so names appear as these bytes) needs no rewriting.
_NEEDLES = (b"author", b"initials", b"creator", b"rsid")
_OVERLAP = max(len(needle) for needle in _NEEDLES) - 1
_WIDE_STARTS = (b"\xfe\xff", b"\xff\xfe", b"\x00", b"<\x00")  # UTF-16/32


def _scrub_xml(
    path: str, first: bytes, chunks: Iterator[bytes], sink: IO[bytes], deadline: Deadline
) -> None:
    """One XML part, scrubbed. DTDs (and so entity declarations, the billion laughs among
    them) and external references raise DefusedXmlException; malformed XML is "corrupt".

    A part in which nothing can name a person (most of a spreadsheet or a presentation) is
    only checked by the parser, at its native speed, and kept byte for byte; the others are
    rewritten event by event. Either way one pass, linear in the size.
    """
    if not first:
        return  # an empty part stays empty
    if path.endswith((*_PEOPLE_PARTS, ".rels")) or first.startswith(_WIDE_STARTS):
        _rewrite_xml(path, _chain([first], chunks), sink, deadline)
        return
    checker = _Parser()
    held: list[bytes] = []  # bounded by the entry limit
    tail = b""
    try:
        for chunk in _chain([first], chunks):
            held.append(chunk)
            window = tail + chunk[:_OVERLAP]
            if any(needle in chunk or needle in window for needle in _NEEDLES):
                _rewrite_xml(path, _chain(held, chunks), sink, deadline)
                return
            tail = chunk[-_OVERLAP:]
            checker.feed(chunk)
            deadline.check()
        checker.close()
    except SAXException:
        raise ScrubRejected("corrupt") from None
    for chunk in held:
        sink.write(chunk)


def _rewrite_xml(path: str, chunks: Iterator[bytes], sink: IO[bytes], deadline: Deadline) -> None:
    scrubber = _Scrubber(path, sink)
    parser = _Parser(scrubber)
    try:
        for chunk in chunks:
            parser.feed(chunk)
            deadline.check()
        parser.close()
    except SAXException:
        raise ScrubRejected("corrupt") from None
    scrubber.flush()


def _chain(first: list[bytes], rest: Iterator[bytes]) -> Iterator[bytes]:
    yield from first
    yield from rest
