"""The e-mail channel's write: a received mail stored as a report through the intake service,
and the reply that carries its receipt code (or says what is missing).

Whoever relays the mail (``manage.py channels_smtp``, or an IMAP mailbox polled by
``manage.py channels_imap``) hands over the raw bytes; everything else happens here.
"""

from __future__ import annotations

import logging
from enum import StrEnum

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction

from netral.audit.services import audit_deferred
from netral.channels.mailparse import TEMPLATE, ParsedMail, mail_parse
from netral.channels.models import Delivery
from netral.channels.services import (
    delivered_already,
    delivery_record,
    keyed_digest,
    receipt_text,
    submit_limited,
)
from netral.reports.evidence import EvidenceRejected
from netral.reports.forms import ReportForm
from netral.reports.intake import api_field_name
from netral.reports.services import SubmitResult, report_submit

logger = logging.getLogger(__name__)

SUBJECT_RECEIVED = "Diterima: {subject}"
SUBJECT_REFUSED = "Belum dapat diterima: {subject}"
DEFAULT_SUBJECT = "laporan Anda ke Netral"
REFUSED = (
    "Kiriman Anda belum dapat kami terima sebagai laporan, dan belum ada yang kami simpan:\n\n"
    "{problems}\n\n"
    "Kirim ulang e-mail dengan baris-baris berikut (satu per baris):\n\n{template}"
)
AS_INFORMATION = (
    "Karena nama dan alamat pelapor tidak lengkap, kiriman ini kami terima sebagai informasi "
    "awal, tanpa identitas Anda."
)
# The form's field names as the template labels them, for the refusal reply.
FIELD_LABELS = {
    "reported_name": "Nama terlapor",
    "reported_nip": "NIP",
    "agency": "Instansi",
    "position": "Jabatan",
    "region": "Kabupaten/kota",
    "election": "Kabupaten/kota",
    "location": "Lokasi",
    "event_date": "Tanggal kejadian",
    "known_date": "Tanggal diketahui",
    "chronology": "Kronologi",
    "witnesses": "Saksi",
    "links": "Tautan",
    "candidate_pair": "Pasangan calon",
    "reporter.name": "Nama pelapor",
    "reporter.address": "Alamat pelapor",
    "reporter.nik": "NIK pelapor",
    "reporter.phone": "Telepon pelapor",
    "reporter.email": "E-mail pengirim",
}


class Outcome(StrEnum):
    STORED = "stored"
    REFUSED = "refused"  # answered with what to fix; nothing stored
    DUPLICATE = "duplicate"
    IGNORED = "ignored"  # nobody to answer (no sender, a bounce, an auto-reply)


def _reply(parsed: ParsedMail, subject: str, body: str) -> None:
    mail = EmailMessage(
        subject=subject.format(subject=parsed.subject or DEFAULT_SUBJECT),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[parsed.sender],
        headers={
            "In-Reply-To": parsed.message_id,
            "References": parsed.message_id,
            "Auto-Submitted": "auto-replied",
        },
    )
    try:
        mail.send()
    except OSError as error:  # the report (if any) is stored; the relay must not resend
        logger.warning("E-mail intake reply not sent: %s", error)


def _refuse(parsed: ParsedMail, problems: list[str]) -> Outcome:
    with transaction.atomic():
        if not delivery_record(channel=Delivery.Channel.EMAIL, message_id=parsed.message_id):
            return Outcome.DUPLICATE
    body = REFUSED.format(problems="\n".join(f"- {p}" for p in problems), template=TEMPLATE)
    _reply(parsed, SUBJECT_REFUSED, body)
    return Outcome.REFUSED


def _form_problems(form: ReportForm) -> list[str]:
    problems: list[str] = []
    for field, messages in form.errors.items():
        label = FIELD_LABELS.get(api_field_name(field), field)
        problems.extend(f"{label}: {message}" for message in messages)
    return problems


def email_report_receive(*, raw: bytes, envelope_sender: str | None = None) -> Outcome:
    """Store a mailed report (``informasi`` without the sender's name and address, a formal
    ``laporan`` with them) and answer it with the receipt code; a mail that is not a valid
    report is answered with what to fix, and nothing is stored. A mail delivered twice (same
    Message-ID) is handled once."""
    parsed = mail_parse(raw, envelope_sender=envelope_sender)
    if not parsed.sender or parsed.automatic:
        return Outcome.IGNORED
    if delivered_already(channel=Delivery.Channel.EMAIL, message_id=parsed.message_id):
        return Outcome.DUPLICATE
    if parsed.problems:
        return _refuse(parsed, parsed.problems)
    form = ReportForm(data=parsed.data)
    if not form.is_valid():
        return _refuse(parsed, _form_problems(form))
    refusal = submit_limited(
        channel="email", sender_key=keyed_digest(b"netral/email/v1", parsed.sender)
    )
    if refusal:
        return _refuse(parsed, [refusal])
    result: SubmitResult | None = None
    try:
        with transaction.atomic(), audit_deferred():
            if not delivery_record(channel=Delivery.Channel.EMAIL, message_id=parsed.message_id):
                return Outcome.DUPLICATE
            result = report_submit(form=form, files=parsed.files, channel="email")
            text = receipt_text(result)
            if not parsed.identified:
                text = f"{text}\n\n{AS_INFORMATION}"
            transaction.on_commit(lambda: _reply(parsed, SUBJECT_RECEIVED, text), robust=True)
    except EvidenceRejected as rejected:
        return _refuse(parsed, [rejected.message])
    return Outcome.STORED
