"""Reading an e-mailed report: the sender, the labelled lines of its text, its attachments.

A report by e-mail follows a short template (``TEMPLATE``, sent back whenever something is
missing): one ``Label: value`` per line, the chronology and other long answers running on to
the next label. The mail is parsed with the standard library's ``email`` package (a real
MIME parser) after a size check; lines are read with ``str.partition``, never a regular
expression, and every count is bounded.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.core.validators import validate_email
from django.utils.html import strip_tags

from netral.channels.answers import MAX_CHOICES, date_parse, region_candidates
from netral.common import clock
from netral.reports.evidence import MAX_FILES_PER_REPORT

# What a relay hands over for one report: attachments base64-encoded (4/3) plus the text.
MAX_MAIL_BYTES = 40 * 1024 * 1024
MAX_BODY_CHARS = 50_000
MAX_LINES = 2_000
MAX_PARTS = 50

LABELS = {
    "nama terlapor": "reported_name",
    "terlapor": "reported_name",
    "nama asn": "reported_name",
    "nip": "reported_nip",
    "nip terlapor": "reported_nip",
    "instansi": "agency",
    "jabatan": "position",
    "kabupaten/kota": "region",
    "kabupaten kota": "region",
    "kabupaten": "region",
    "kota": "region",
    "wilayah": "region",
    "lokasi": "location",
    "alamat kejadian": "location",
    "tanggal kejadian": "event_date",
    "tanggal diketahui": "known_date",
    "kronologi": "chronology",
    "apa yang terjadi": "chronology",
    "saksi": "witnesses",
    "tautan": "links",
    "pasangan calon": "candidate_pair",
    "nama pelapor": "reporter_name",
    "alamat pelapor": "reporter_address",
    "nik pelapor": "reporter_nik",
    "nik": "reporter_nik",
    "telepon pelapor": "reporter_phone",
    "telepon": "reporter_phone",
    "tanpa identitas": "anonymous",
}
MULTILINE = frozenset({"chronology", "witnesses", "links"})
TEMPLATE = """\
Nama terlapor: (nama ASN yang dilaporkan)
Instansi: (tempat dia bekerja)
Jabatan: (jika tahu)
Kabupaten/kota: (tempat kejadian)
Tanggal kejadian: (misalnya 05-11-2024)
Tanggal diketahui: (kapan Anda mengetahuinya)
Kronologi: (apa yang terjadi; boleh beberapa baris)

Untuk laporan resmi, tambahkan identitas Anda (dilindungi; hanya dibuka dengan persetujuan
dua pejabat):
Nama pelapor:
Alamat pelapor:
NIK pelapor: (jika mau)
Telepon pelapor: (jika mau)

Tanpa nama dan alamat pelapor, kiriman Anda kami terima sebagai informasi awal (tanpa
identitas). Foto, video atau dokumen bukti dilampirkan pada e-mail ini."""

REGION_UNKNOWN = 'Kabupaten/kota: "{text}" tidak kami temukan.'
REGION_AMBIGUOUS = 'Kabupaten/kota: "{text}" dapat berarti {names}; tulis nama lengkapnya.'
DATE_UNREADABLE = '{label}: "{text}" bukan tanggal yang terbaca (tulis misalnya 05-11-2024).'
TOO_MANY_PARTS = "E-mail ini memuat terlalu banyak lampiran (paling banyak {limit})."
DATE_LABELS = {"event_date": "Tanggal kejadian", "known_date": "Tanggal diketahui"}


@dataclass
class ParsedMail:
    sender: str  # the From address; "" when there is none worth answering
    message_id: str
    subject: str
    automatic: bool  # a bounce or an auto-reply: never answered (no mail loops)
    data: dict[str, Any] = field(default_factory=dict)  # ``ReportForm`` data
    files: list[UploadedFile] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    identified: bool = False


def _label(text: str) -> str:
    return " ".join(text.strip(" \t*-_#").lower().split())


def fields_read(body: str) -> dict[str, str]:
    """The answers of the template's labelled lines (quoted lines of a reply skipped)."""
    found: dict[str, list[str]] = {}
    current = ""
    for line in body[:MAX_BODY_CHARS].splitlines()[:MAX_LINES]:
        if line.startswith(">"):
            continue
        head, colon, value = line.partition(":")
        name = LABELS.get(_label(head)) if colon and len(head) <= 40 else None
        if name:
            current = name
            found.setdefault(name, [])
            if value.strip():
                found[name].append(value.strip())
        elif current in MULTILINE:
            found[current].append(line.rstrip())
    return {name: "\n".join(lines).strip() for name, lines in found.items()}


def _body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        text = part.get_content()
    except (LookupError, ValueError):  # an unknown charset
        payload = part.get_payload(decode=True)
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else ""
    if not isinstance(text, str):
        return ""
    text = text[:MAX_BODY_CHARS]
    return strip_tags(text) if part.get_content_type() == "text/html" else text


def _sender(message: EmailMessage) -> str:
    try:
        addresses: tuple[Any, ...] = tuple(message["From"].addresses) if message["From"] else ()
    except (AttributeError, IndexError, ValueError):
        return ""
    if len(addresses) != 1:
        return ""
    address = addresses[0].addr_spec
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address


def _automatic(message: EmailMessage, sender: str, envelope_sender: str | None) -> bool:
    auto = str(message.get("Auto-Submitted", "no")).strip().lower()
    precedence = str(message.get("Precedence", "")).strip().lower()
    local = sender.partition("@")[0].lower()
    if envelope_sender is None and message.get("Return-Path") is not None:  # read from a mailbox
        envelope_sender = str(message["Return-Path"]).strip()
    return (
        auto != "no"
        or precedence in ("bulk", "junk", "list")
        or local in ("mailer-daemon", "postmaster")
        or envelope_sender in ("", "<>")
    )


def _files(message: EmailMessage, problems: list[str]) -> list[UploadedFile]:
    parts: list[UploadedFile] = []
    for count, part in enumerate(message.iter_attachments(), 1):
        if count > MAX_PARTS or count > MAX_FILES_PER_REPORT:
            problems.append(TOO_MANY_PARTS.format(limit=MAX_FILES_PER_REPORT))
            return []
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            name = (part.get_filename() or f"lampiran-{count}")[:200]
            parts.append(SimpleUploadedFile(name, payload, content_type=part.get_content_type()))
    return parts


def _region(text: str, problems: list[str]) -> str:
    found = region_candidates(text)
    if len(found) == 1:
        return found[0].code
    if not found or len(found) > MAX_CHOICES:
        problems.append(REGION_UNKNOWN.format(text=text[:80]))
    else:
        names = ", ".join(r.name for r in found)
        problems.append(REGION_AMBIGUOUS.format(text=text[:80], names=names))
    return ""


def mail_parse(raw: bytes, *, envelope_sender: str | None = None) -> ParsedMail:
    """A received mail as report data; ``problems`` lists what the sender must fix (in the
    reply). Does not touch the database beyond looking regions up."""
    message = message_from_bytes(raw[:MAX_MAIL_BYTES], policy=policy.default)
    assert isinstance(message, EmailMessage)
    sender = _sender(message)
    message_id = str(message.get("Message-ID", "")).strip()[:300]
    parsed = ParsedMail(
        sender=sender,
        message_id=message_id or hashlib.sha256(raw).hexdigest(),
        subject=" ".join(str(message.get("Subject", "")).split())[:150],
        automatic=_automatic(message, sender, envelope_sender),
    )
    answers = fields_read(_body(message))
    data: dict[str, Any] = {
        key: value for key, value in answers.items() if key not in ("region", "anonymous")
    }
    if answers.get("region"):
        data["region"] = _region(answers["region"], parsed.problems)
    for key, label in DATE_LABELS.items():
        if answers.get(key):
            day = date_parse(answers[key], today=clock.today())
            if day is None:
                parsed.problems.append(DATE_UNREADABLE.format(label=label, text=answers[key][:40]))
            data[key] = day.isoformat() if day else ""
    # The required identity makes it a formal report; without it, information (informasi)
    # and nothing of the sender is kept with it.
    anonymous = _label(answers.get("anonymous", "")) in ("ya", "y", "iya", "yes")
    parsed.identified = bool(
        not anonymous and answers.get("reporter_name") and answers.get("reporter_address")
    )
    if parsed.identified:
        data["reporter_email"] = sender
    else:
        data["anonymous"] = "on"
        for key in ("reporter_name", "reporter_address", "reporter_nik", "reporter_phone"):
            data.pop(key, None)
    parsed.data = data
    parsed.files = _files(message, parsed.problems)
    return parsed
