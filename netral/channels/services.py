"""Writes of the channels: a WhatsApp message advancing its conversation, a finished
conversation stored as a report, and the record of what was delivered already.

A report from a channel goes through the reports intake service (``report_submit``) with the
web form's validator (``ReportForm``): the same checks, protections and evidence pipeline.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from netral.audit.services import audit_deferred
from netral.channels import graph
from netral.channels.conversation import (
    State,
    Turn,
    advance,
    form_data,
    refused_turn,
)
from netral.channels.models import Conversation, Delivery
from netral.channels.webhook import Delivered
from netral.common import clock
from netral.common.ratelimit import RateLimited, configured, hit, refusal_message
from netral.reports.evidence import MAX_FILE_BYTES, MAX_VIDEO_BYTES, EvidenceRejected
from netral.reports.forms import ReportForm
from netral.reports.intake import form_error
from netral.reports.receipts import receipt_code_display
from netral.reports.services import SubmitResult, report_submit

logger = logging.getLogger(__name__)

# Meta redelivers an unanswered notification for up to 7 days.
DELIVERY_DAYS = 8
RATE_LIMITS = {"whatsapp-submit": (10, 3600), "email-submit": (10, 3600)}
MEDIA_FAILED = (
    "Bukti Anda belum dapat kami ambil dari WhatsApp. Balas *kirim* untuk mencoba lagi, atau "
    "*batal*."
)
EVIDENCE_REFUSED = "{problem} Kirim bukti lain lalu ketik *selesai*, atau *lewati*."
RECEIPT = (
    "Terima kasih, {kind} Anda sudah kami terima.\n\n"
    "Kode tanda terima: *{code}*\n\n"
    "Simpan kode ini baik-baik: hanya dengan kode ini Anda dapat melihat perkembangannya dan "
    "berkirim pesan dengan petugas di {url}. Kode ini tidak dapat kami kirim ulang."
)
KIND_WORDS = {"laporan": "laporan", "informasi": "informasi awal"}
LATE_NOTE = (
    "Catatan: kejadian ini diketahui lebih dari batas waktu pelaporan; laporan tetap diterima "
    "dan dapat ditindaklanjuti sebagai informasi awal."
)


def keyed_digest(label: bytes, value: str) -> str:
    key = hmac.new(settings.SECRET_KEY.encode("utf-8"), label, hashlib.sha256).digest()
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()


def sender_digest(sender: str) -> str:
    """How a conversation is found: a keyed digest of the number, never the number."""
    return keyed_digest(b"netral/whatsapp-sender/v1", sender)


def message_digest(message_id: str) -> str:
    # A WhatsApp message id encodes the sender's number: only its keyed digest is kept.
    return keyed_digest(b"netral/channel-message/v1", message_id)


def delivery_record(*, channel: str, message_id: str) -> bool:
    """Record ``message_id`` as handled; False when it was already (call in a transaction:
    the record rolls back with the handling)."""
    try:
        with transaction.atomic():
            Delivery.objects.create(
                channel=channel,
                message_digest=message_digest(message_id),
                received_at=timezone.now(),
            )
    except IntegrityError:
        return False
    return True


def delivered_already(*, channel: str, message_id: str) -> bool:
    return Delivery.objects.filter(
        channel=channel, message_digest=message_digest(message_id)
    ).exists()


def receipt_text(result: SubmitResult) -> str:
    text = RECEIPT.format(
        kind=KIND_WORDS.get(result.report.kind, "laporan"),
        code=receipt_code_display(result.receipt_code),
        url=f"{settings.NETRAL_SITE_URL}/lacak/",
    )
    return f"{text}\n\n{LATE_NOTE}" if result.late else text


def submit_limited(*, channel: str, sender_key: str) -> str | None:
    """The refusal when this sender stored too many reports lately, else None."""
    try:
        hit(configured(f"{channel}-submit", RATE_LIMITS), sender_key)
    except RateLimited as limited:
        return refusal_message(limited)
    return None


# --- WhatsApp ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fetched:
    media: list[dict[str, str]]
    files: list[UploadedFile]


def _state_peek(digest: str) -> State | None:
    row = Conversation.objects.filter(sender_digest=digest, expires_at__gt=timezone.now()).first()
    return json.loads(row.state) if row else None


def _media_fetch(media: Sequence[dict[str, str]]) -> list[UploadedFile]:
    """The reporter's photos and videos, from the Graph API, before any transaction."""
    files: list[UploadedFile] = []
    for n, item in enumerate(media, 1):
        limit = MAX_VIDEO_BYTES if item.get("type") == "video" else MAX_FILE_BYTES
        data, mime = graph.media_download(item["id"], max_bytes=limit)
        files.append(SimpleUploadedFile(f"whatsapp-{n}", data, content_type=mime))
    return files


def _conversation_lock(delivered: Delivered) -> Conversation | None:
    return (
        Conversation.objects.select_for_update()
        .filter(sender_digest=sender_digest(delivered.sender))
        .first()
    )


def _submit(state: State, delivered: Delivered, fetched: _Fetched | None) -> Turn:
    """Store the finished conversation through the intake service, or say what to fix."""
    if state.get("media") and (fetched is None or fetched.media != state["media"]):
        return Turn(state=state, replies=[MEDIA_FAILED])
    refusal = submit_limited(channel="whatsapp", sender_key=sender_digest(delivered.sender))
    if refusal:
        return Turn(state=state, replies=[refusal])
    form = ReportForm(data=form_data(state, phone=delivered.sender))
    if not form.is_valid():
        field, _message, errors = form_error(form)
        return refused_turn(state, field, errors[field][0])
    try:
        result = report_submit(
            form=form, files=fetched.files if fetched else [], channel="whatsapp"
        )
    except EvidenceRejected as rejected:
        state["media"] = []
        state["step"] = "evidence"
        return Turn(state=state, replies=[EVIDENCE_REFUSED.format(problem=rejected.message)])
    return Turn(state=None, replies=[receipt_text(result)])


def whatsapp_message_receive(*, delivered: Delivered) -> list[str]:
    """Advance the sender's conversation by one message; returns the replies, which are sent
    after the commit. A message delivered again (same id) changes nothing and gets no reply.
    """
    if delivered_already(channel=Delivery.Channel.WHATSAPP, message_id=delivered.message_id):
        return []
    digest = sender_digest(delivered.sender)
    fetched = None
    peek = _state_peek(digest)
    # Downloads happen outside the transaction (never hold a lock over the network).
    if peek and peek.get("step") == "confirm" and peek.get("media"):
        probe = advance(peek, delivered.message, today=clock.today())
        if probe.submit:
            try:
                fetched = _Fetched(media=peek["media"], files=_media_fetch(peek["media"]))
            except graph.GraphError as error:
                logger.warning("WhatsApp media not fetched: %s", error)
    now = timezone.now()
    with transaction.atomic(), audit_deferred():
        if not delivery_record(channel=Delivery.Channel.WHATSAPP, message_id=delivered.message_id):
            return []
        row = _conversation_lock(delivered)
        expired = row is not None and row.expires_at <= now
        state = None if row is None or expired else json.loads(row.state)
        turn = advance(
            state,
            delivered.message,
            today=clock.today(),
            expired=expired,
            minutes=settings.WHATSAPP_STATE_MINUTES,
        )
        if turn.submit and turn.state is not None:
            turn = _submit(turn.state, delivered, fetched)
        _conversation_save(row, turn.state, delivered=delivered, now=now)
        replies = list(turn.replies)
        transaction.on_commit(
            lambda: graph.replies_send(
                phone_number_id=delivered.phone_number_id, to=delivered.sender, bodies=replies
            ),
            robust=True,
        )
    return replies


def _conversation_save(
    row: Conversation | None, state: State | None, *, delivered: Delivered, now: datetime.datetime
) -> None:
    if state is None:
        if row is not None:
            row.delete()
        return
    expires = now + datetime.timedelta(minutes=settings.WHATSAPP_STATE_MINUTES)
    if row is None:
        # The unique digest settles a race between two first messages: the loser's savepoint
        # rolls back and it takes the winner's row.
        try:
            with transaction.atomic():
                Conversation.objects.create(
                    sender_digest=sender_digest(delivered.sender),
                    phone=delivered.sender,
                    phone_number_id=delivered.phone_number_id,
                    state=json.dumps(state),
                    updated_at=now,
                    expires_at=expires,
                )
            return
        except IntegrityError:
            row = _conversation_lock(delivered)
            assert row is not None
    row.state = json.dumps(state)
    row.phone_number_id = delivered.phone_number_id
    row.updated_at, row.expires_at = now, expires
    row.save(update_fields=["state", "phone_number_id", "updated_at", "expires_at"])


def channels_purge(*, now: datetime.datetime | None = None) -> tuple[int, int]:
    """Forget expired conversations (with every answer in them) and old delivery records;
    returns how many of each went."""
    now = now or timezone.now()
    conversations, _ = Conversation.objects.filter(expires_at__lte=now).delete()
    deliveries, _ = Delivery.objects.filter(
        received_at__lt=now - datetime.timedelta(days=DELIVERY_DAYS)
    ).delete()
    return conversations, deliveries
