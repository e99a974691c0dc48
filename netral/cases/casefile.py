"""The case file (berkas): one ZIP that forwards a case to Sentra Gakkumdu, BKN or DKPP.

In the ZIP: ``00-indeks.pdf`` (the record, the timeline, the decision, the documents issued
and the SHA-256 of every other file), the cleaned copies of the evidence and of the
clarification attachments (never an original with its metadata), the official PDFs exactly as
issued, and ``SHA256SUMS`` (``sha256sum -c`` format, the index included).

Every text Netral assembles goes through the case's :class:`~netral.cases.redaction.Redactor`
first. The reporter's identity goes in only when the builder asked for it, the recipient is
entitled to it (``data/case_file.toml``) and the builder holds, at build time, a reveal of
that report approved by a second person in leadership (four eyes); the reveal is audited by
``reporter_identity_reveal`` like any other.

``case_file_request`` records the request (audited) and queues the build after the commit;
``casefile_build.case_file_build`` runs in the task worker, writes its progress on the row
as it goes (the page refreshes itself), stores the ZIP encrypted and audits the result.
"""

from __future__ import annotations

import datetime
import tomllib
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.cases.models import CASE_FILE_BLOBS, Case, CaseFile
from netral.cases.services import CASE_NOT_FOUND, case_list_for
from netral.common import blobs
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.common.hooks import Hook
from netral.documents.kinds import Subject

CASE_FILE_NOT_FOUND = gettext_noop("Berkas perkara tidak ditemukan.")
UNKNOWN_RECIPIENT = gettext_noop("Pilih penerima berkas: Sentra Gakkumdu, BKN atau DKPP.")
NOT_READY = gettext_noop("Berkas perkara belum selesai disusun.")
IDENTITY_HOLDER_ONLY = gettext_noop(
    "Berkas ini memuat identitas pelapor: hanya penyusunnya, pemegang persetujuan "
    "pengungkapan, yang dapat mengunduhnya."
)
ALTERED = gettext_noop("Berkas perkara yang tersimpan tidak cocok dengan sidik SHA-256-nya.")

STALE_AFTER = datetime.timedelta(minutes=15)
DATA_FILE = Path(__file__).with_name("data") / "case_file.toml"


@dataclass(frozen=True)
class RecipientPolicy:
    code: str
    identity: bool
    confirmed: bool
    why: str


def _load_policies() -> dict[str, RecipientPolicy]:
    with DATA_FILE.open("rb") as handle:
        data = tomllib.load(handle)
    policies = {
        row["code"]: RecipientPolicy(
            code=row["code"],
            identity=bool(row["identity"]),
            confirmed=bool(row["confirmed"]),
            why=str(row["why"]),
        )
        for row in data["recipient"]
    }
    if set(policies) != set(CaseFile.Recipient.values):
        raise ValueError(f"{DATA_FILE}: recipients must be exactly {CaseFile.Recipient.values}")
    return policies


RECIPIENTS = _load_policies()

# Apps above cases name the subjects of further documents that belong in the case file
# (follow-up: its recommendation letters), asked once per build.
case_file_subjects: Hook[Case, list[Subject]] = Hook("cases.case_file_subjects")


def recipient_entitled(recipient: str) -> bool:
    """Whether ``recipient`` may receive the reporter's identity (``data/case_file.toml``)."""
    policy = RECIPIENTS.get(recipient)
    return policy is not None and policy.identity


# --- Requesting, reading, downloading ---------------------------------------------------


def _case_for(actor: User, case_id: int) -> Case:
    case = case_list_for(actor=actor).select_related("office_region").filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    return case


@audited
def case_file_request(
    *, actor: User, case_id: int, recipient: str, include_identity: bool
) -> CaseFile:
    """Ask for the case file of ``case_id`` for ``recipient``; it is built in the background
    once this commits. A build for the same recipient still under way is returned instead."""
    case = case_list_for(actor=actor).select_for_update(of=("self",)).filter(pk=case_id).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "casefile.build", case)
    if recipient not in CaseFile.Recipient.values:
        raise ApplicationError(UNKNOWN_RECIPIENT, field="recipient")
    # A double click gets the build under way; one stuck (its worker gone) does not block.
    running = case.case_files.filter(
        recipient=recipient,
        identity_requested=include_identity,
        status__in=(CaseFile.Status.PENDING, CaseFile.Status.BUILDING),
        requested_at__gt=timezone.now() - STALE_AFTER,
    ).first()
    if running is not None:
        return running
    case_file = CaseFile.objects.create(
        case=case,
        recipient=recipient,
        identity_requested=include_identity,
        requested_by=actor,
        requested_at=timezone.now(),
        step=str(CaseFile.Status.PENDING.label),
    )
    audit_record(
        actor=actor,
        action="case.file_request",
        obj=case,
        after={
            "case_file": str(case_file.public_id),
            "recipient": recipient,
            "identity_requested": include_identity,
        },
    )
    transaction.on_commit(lambda: _queue_build(case_file.pk))
    return case_file


def _queue_build(case_file_id: int) -> None:
    from netral.cases.casefile_tasks import case_file_build_task  # tasks import the builder

    case_file_build_task.enqueue(case_file_id=case_file_id)


def case_files_for(*, actor: User, case: Case) -> QuerySet[CaseFile]:
    """The case's files, newest first (the caller scoped the case)."""
    require(actor, "casefile.build", case)
    return case.case_files.select_related("requested_by").order_by("-requested_at", "-pk")


def case_file_get(*, actor: User, case_id: int, public_id: str | uuid.UUID) -> CaseFile:
    case = _case_for(actor, case_id)
    require(actor, "casefile.build", case)
    case_file = case.case_files.filter(public_id=public_id).first()
    if case_file is None:
        raise NotFound(CASE_FILE_NOT_FOUND)
    return case_file


def case_file_download(
    *, actor: User, case_id: int, public_id: str | uuid.UUID
) -> tuple[bytes, str]:
    """The ZIP's bytes and a download name; audited ("case.file_download"). A file carrying
    an identity goes only to the person whose approved reveal put it there."""
    case_file = case_file_get(actor=actor, case_id=case_id, public_id=public_id)
    if case_file.status != CaseFile.Status.DONE:
        raise ApplicationError(NOT_READY)
    if case_file.identity_included and case_file.requested_by_id != actor.pk:
        raise PermissionDenied(IDENTITY_HOLDER_ONLY)
    data = blobs.get(CASE_FILE_BLOBS, case_file.path)
    if blobs.sha256_hex(data) != case_file.sha256:
        raise ApplicationError(ALTERED)
    audit_record(
        actor=actor,
        action="case.file_download",
        obj=case_file.case,
        after={"case_file": str(case_file.public_id), "sha256": case_file.sha256},
    )
    label = (case_file.case.register_number or f"kasus-{case_file.case_id}").replace("/", "-")
    return data, f"berkas-{label}-{case_file.recipient}.zip"
