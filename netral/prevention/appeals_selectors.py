"""Reads for appeals (imbauan): who sees which appeal, the office list with its counts, the
PPK office's desk, the per-region table of one appeal and the per-region overview.

Scoping: a Bawaslu account sees the appeals of the offices it covers (its own and, for a
provincial or national one, those below); a PPK office sees only the issued appeals
addressed to its own region, exactly (a provincial PPK, the governor's, does not see the
regencies' appeals). Anything else is "not found", so an outsider learns nothing.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass

from django.db.models import Case as Cond
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, QuerySet, When

from netral.accounts.models import Role, User
from netral.accounts.permissions import BAWASLU, has_capability, jurisdiction_q
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, NotFound
from netral.prevention.models import APPEAL_BLOBS, Appeal, AppealFollowUp, AppealRecipient

NOT_FOUND = "Imbauan tidak ditemukan."
FILE_MISSING = "Berkas surat edaran tidak ada."
FILE_DAMAGED = "Berkas surat edaran rusak: sidik jarinya tidak cocok dengan saat diunggah."

SILENT = Q(acknowledged_at__isnull=True, followed_up_at__isnull=True)


def _ppk_recipients(actor: User) -> QuerySet[AppealRecipient]:
    if actor.role != Role.PPK_OFFICE or actor.jurisdiction_id is None:
        return AppealRecipient.objects.none()
    return AppealRecipient.objects.filter(
        region_id=actor.jurisdiction_id, appeal__status=Appeal.Status.ISSUED
    )


def appeal_list_for(*, actor: User) -> QuerySet[Appeal]:
    """Every appeal ``actor`` may see (empty for roles without ``appeal.view``)."""
    appeals = Appeal.objects.all()
    if not has_capability(actor, "appeal.view"):
        return appeals.none()
    if actor.role in BAWASLU:
        return appeals.filter(jurisdiction_q(actor, "office_region"))
    if actor.role == Role.PPK_OFFICE:
        mine = _ppk_recipients(actor).filter(appeal=OuterRef("pk"))
        return appeals.filter(Exists(mine))
    return appeals.none()


def appeal_get_for(*, actor: User, appeal_id: int) -> Appeal:
    appeal = (
        appeal_list_for(actor=actor)
        .select_related("office_region", "election", "document", "created_by", "issued_by")
        .filter(pk=appeal_id)
        .first()
    )
    if appeal is None:
        raise NotFound(NOT_FOUND)
    return appeal


def recipient_list_for(*, actor: User) -> QuerySet[AppealRecipient]:
    """Every addressee row ``actor`` may see: a PPK office its own; Bawaslu those of its
    appeals."""
    if not has_capability(actor, "appeal.view"):
        return AppealRecipient.objects.none()
    if actor.role == Role.PPK_OFFICE:
        return _ppk_recipients(actor)
    return AppealRecipient.objects.filter(appeal__in=appeal_list_for(actor=actor))


def recipient_get_for(*, actor: User, recipient_id: int) -> AppealRecipient:
    recipient = (
        recipient_list_for(actor=actor)
        .select_related("appeal__office_region", "appeal__election", "appeal__document", "region")
        .filter(pk=recipient_id)
        .first()
    )
    if recipient is None:
        raise NotFound(NOT_FOUND)
    return recipient


def appeal_office_list(
    *,
    actor: User,
    status: str | None = None,
    election_id: int | None = None,
    silent_only: bool = False,
    now: datetime.datetime | None = None,
) -> QuerySet[Appeal]:
    """The Bawaslu list: drafts and issued appeals, newest first, each with its counts
    (``n_recipients``, ``n_acknowledged``, ``n_followed``, ``n_silent``, ``n_overdue``: silent
    past the acknowledgement deadline). One query, whatever the number of appeals."""
    now = now or clock.now()
    appeals = appeal_list_for(actor=actor).select_related("office_region", "election", "document")
    if status:
        appeals = appeals.filter(status=status)
    if election_id:
        appeals = appeals.filter(election_id=election_id)
    appeals = appeals.annotate(
        n_recipients=Count("recipients", distinct=True),
        n_acknowledged=Count(
            "recipients", filter=Q(recipients__acknowledged_at__isnull=False), distinct=True
        ),
        n_followed=Count(
            "recipients", filter=Q(recipients__followed_up_at__isnull=False), distinct=True
        ),
        n_silent=Count(
            "recipients",
            filter=Q(
                recipients__acknowledged_at__isnull=True,
                recipients__followed_up_at__isnull=True,
            ),
            distinct=True,
        ),
        n_overdue=Count(
            "recipients",
            filter=Q(recipients__acknowledged_at__isnull=True, acknowledge_due_at__lt=now),
            distinct=True,
        ),
    )
    if silent_only:
        appeals = appeals.filter(status=Appeal.Status.ISSUED, n_silent__gt=0)
    return appeals.order_by("-created_at", "-pk")


@dataclass(frozen=True)
class RecipientRow:
    """One addressee of an appeal as Bawaslu's table shows it."""

    recipient: AppealRecipient
    follow_ups: list[AppealFollowUp]
    silent: bool
    acknowledge_overdue: bool
    follow_up_overdue: bool


def recipient_flags(
    recipient: AppealRecipient, appeal: Appeal, now: datetime.datetime
) -> tuple[bool, bool, bool]:
    """(silent, acknowledgement overdue, follow-up overdue) for one addressee at ``now``."""
    silent = recipient.acknowledged_at is None and recipient.followed_up_at is None
    ack_due, follow_due = appeal.acknowledge_due_at, appeal.follow_up_due_at
    ack_late = recipient.acknowledged_at is None and ack_due is not None and ack_due < now
    follow_late = recipient.followed_up_at is None and follow_due is not None and follow_due < now
    return silent, ack_late, follow_late


def appeal_recipient_rows(
    *, appeal: Appeal, now: datetime.datetime | None = None
) -> list[RecipientRow]:
    """Every addressee of ``appeal`` (already scoped by the caller) with its follow-ups and
    flags, in region order: two queries."""
    now = now or clock.now()
    recipients = (
        appeal.recipients.select_related("region")
        .prefetch_related("follow_ups")
        .order_by("region_id")
    )
    rows = []
    for recipient in recipients:
        silent, ack_late, follow_late = recipient_flags(recipient, appeal, now)
        rows.append(
            RecipientRow(
                recipient=recipient,
                follow_ups=list(recipient.follow_ups.all()),
                silent=silent,
                acknowledge_overdue=ack_late,
                follow_up_overdue=follow_late,
            )
        )
    return rows


def appeal_ppk_desk(*, actor: User, pending_only: bool = False) -> QuerySet[AppealRecipient]:
    """The PPK office's desk: the issued appeals addressed to its region, those still to
    acknowledge first, newest first."""
    rows = _ppk_recipients(actor).select_related(
        "appeal__office_region", "appeal__election", "appeal__document", "region"
    )
    if pending_only:
        rows = rows.filter(Q(acknowledged_at__isnull=True) | Q(followed_up_at__isnull=True))
    open_first = Cond(
        When(acknowledged_at__isnull=True, then=0),
        When(followed_up_at__isnull=True, then=1),
        default=2,
        output_field=IntegerField(),
    )
    return rows.annotate(open_rank=open_first).order_by("open_rank", "-appeal__issued_at", "-pk")


@dataclass(frozen=True)
class RegionOverview:
    region_code: str
    region_name: str
    appeals: int
    acknowledged: int
    followed: int
    silent: int
    overdue: int


def appeal_region_overview(
    *, actor: User, election_id: int | None = None, now: datetime.datetime | None = None
) -> list[RegionOverview]:
    """Per addressee region, across the issued appeals ``actor`` sees: how many it received,
    acknowledged, followed up, left silent, and left unacknowledged past the deadline; the
    silent regions first. One query."""
    now = now or clock.now()
    recipients = AppealRecipient.objects.filter(
        appeal__in=appeal_list_for(actor=actor), appeal__status=Appeal.Status.ISSUED
    )
    if election_id:
        recipients = recipients.filter(appeal__election_id=election_id)
    values = (
        recipients.values("region_id", "region__name")
        .annotate(
            appeals=Count("pk"),
            acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
            followed=Count("pk", filter=Q(followed_up_at__isnull=False)),
            silent=Count("pk", filter=SILENT),
            overdue=Count(
                "pk",
                filter=Q(acknowledged_at__isnull=True, appeal__acknowledge_due_at__lt=now),
            ),
        )
        .order_by("-silent", "region_id")
    )
    return [
        RegionOverview(
            region_code=row["region_id"],
            region_name=row["region__name"],
            appeals=row["appeals"],
            acknowledged=row["acknowledged"],
            followed=row["followed"],
            silent=row["silent"],
            overdue=row["overdue"],
        )
        for row in values
    ]


def appeal_follow_up_file(*, actor: User, follow_up_id: int) -> tuple[AppealFollowUp, bytes]:
    """A circular letter's PDF, for whoever may see its addressee row; integrity re-checked
    against the SHA-256 taken at upload."""
    follow_up = (
        AppealFollowUp.objects.filter(recipient__in=recipient_list_for(actor=actor))
        .filter(pk=follow_up_id)
        .exclude(file_path="")
        .first()
    )
    if follow_up is None:
        raise NotFound(FILE_MISSING)
    data = blobs.get(APPEAL_BLOBS, follow_up.file_path)
    if hashlib.sha256(data).hexdigest() != follow_up.file_sha256:
        raise ApplicationError(FILE_DAMAGED)
    return follow_up, data


@dataclass(frozen=True)
class AppealResponseCounts:
    """How the regional governments in a scope answered the appeals addressed to them."""

    addressed: int
    acknowledged: int
    followed_up: int
    silent_overdue: int

    def share(self, part: int) -> int | None:
        """``part`` as a whole percentage of the addressees (None when there are none)."""
        return round(100 * part / self.addressed) if self.addressed else None

    @property
    def acknowledged_pct(self) -> int | None:
        return self.share(self.acknowledged)

    @property
    def followed_up_pct(self) -> int | None:
        return self.share(self.followed_up)


def appeal_response_counts(
    *, codes: tuple[str, ...] = (), now: datetime.datetime | None = None
) -> AppealResponseCounts:
    """For the dashboard: addressees of issued appeals (in the regions ``codes``, all when
    empty) that acknowledged, reported a follow-up, or stay silent past the acknowledgement
    deadline. Aggregates only, no rows: the caller has checked the dashboard capability and
    narrowed ``codes`` to its scope. One query."""
    now = now or clock.now()
    rows = AppealRecipient.objects.filter(appeal__status=Appeal.Status.ISSUED)
    if codes:
        rows = rows.filter(region_id__in=codes)
    counts = rows.aggregate(
        addressed=Count("pk"),
        acknowledged=Count("pk", filter=Q(acknowledged_at__isnull=False)),
        followed_up=Count("pk", filter=Q(followed_up_at__isnull=False)),
        silent_overdue=Count("pk", filter=SILENT & Q(appeal__acknowledge_due_at__lt=now)),
    )
    return AppealResponseCounts(**counts)
