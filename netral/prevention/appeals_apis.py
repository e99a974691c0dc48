"""Appeals (imbauan) for partner systems, with personal tokens (or a verified session).

A PPK office's system reads the issued appeals addressed to its region, each with its own
addressee row (acknowledged or not, the deadlines, the follow-ups reported), and
acknowledges one. A Bawaslu account reads the appeals of the offices it covers, with every
addressee row. Scoping is the selectors' (``appeals_selectors``), writes are the services'
(``appeals``): an appeal not addressed to the caller is "not found", as a missing one.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from pydantic import StringConstraints

from netral.accounts.api_auth import staff_auth
from netral.accounts.decorators import request_staff
from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.common import clock
from netral.common.apischemas import STAFF, WITH_BODY, Id, Offset, refusals
from netral.common.errors import NotFound
from netral.documents.services import document_verify_url
from netral.prevention import appeals_selectors as selectors
from netral.prevention.appeals import appeal_acknowledge
from netral.prevention.models import Appeal, AppealFollowUp, AppealRecipient

router = Router(tags=["prevention"], auth=staff_auth)

# Far above the columns (200): the service gives the reason for a value that does not fit;
# this only keeps a hostile body from being carried around.
TEXT_MAX = 1000
PAGE_MAX = 100


class FollowUpOut(Schema):
    id: int
    kind: str
    kind_label: str
    number: str
    date: datetime.date
    asn_reached: int | None
    note: str
    has_file: bool


class RecipientOut(Schema):
    id: int
    region: str
    region_name: str
    addressee: str
    emailed_at: datetime.datetime | None
    acknowledged: bool
    acknowledged_at: datetime.datetime | None
    acknowledger_name: str
    acknowledger_position: str
    followed_up_at: datetime.datetime | None
    acknowledge_overdue: bool
    follow_up_overdue: bool
    reminders_sent: int
    last_reminded_at: datetime.datetime | None
    follow_ups: list[FollowUpOut]


class AppealOut(Schema):
    id: int
    public_id: str
    number: str
    verify_url: str | None
    status: str
    status_label: str
    template_code: str
    stage_code: str
    election_id: int
    election: str
    office_region: str | None  # null: Bawaslu RI
    subject: str
    body: str
    legal_basis: list[str]
    issued_at: datetime.datetime | None
    acknowledge_due_at: datetime.datetime | None
    follow_up_due_at: datetime.datetime | None
    # The addressee rows the caller sees: a PPK office only its own.
    recipients: list[RecipientOut]


class AppealPage(Schema):
    count: int
    limit: int
    offset: int
    results: list[AppealOut]


class Filters(Schema):
    status: Annotated[str | None, Field(max_length=10)] = None
    election: Annotated[int | None, Field(ge=1, le=2**63 - 1)] = None
    # Only appeals with an addressee row (of the caller's) still unacknowledged or without
    # a follow-up.
    pending: bool = False
    limit: int = Field(50, ge=1, le=PAGE_MAX)
    offset: Offset = 0


Text = Annotated[str, StringConstraints(max_length=TEXT_MAX)]


class AcknowledgeIn(Schema):
    name: Text
    position: Text


def _viewer(request: HttpRequest) -> User:
    user = request_staff(request)
    require(user, "appeal.view")
    return user


def _follow_up_out(follow_up: AppealFollowUp) -> FollowUpOut:
    return FollowUpOut(
        id=follow_up.pk,
        kind=follow_up.kind,
        kind_label=str(follow_up.get_kind_display()),
        number=follow_up.number,
        date=follow_up.date,
        asn_reached=follow_up.asn_reached,
        note=follow_up.note,
        has_file=bool(follow_up.file_path),
    )


def _recipient_out(
    recipient: AppealRecipient, appeal: Appeal, now: datetime.datetime
) -> RecipientOut:
    _silent, ack_late, follow_late = selectors.recipient_flags(recipient, appeal, now)
    return RecipientOut(
        id=recipient.pk,
        region=recipient.region_id,
        region_name=recipient.region.name,
        addressee=recipient.addressee,
        emailed_at=recipient.emailed_at,
        acknowledged=recipient.acknowledged_at is not None,
        acknowledged_at=recipient.acknowledged_at,
        acknowledger_name=recipient.acknowledger_name,
        acknowledger_position=recipient.acknowledger_position,
        followed_up_at=recipient.followed_up_at,
        acknowledge_overdue=ack_late,
        follow_up_overdue=follow_late,
        reminders_sent=recipient.reminders_sent,
        last_reminded_at=recipient.last_reminded_at,
        follow_ups=[_follow_up_out(f) for f in recipient.follow_ups.all()],
    )


def _appeal_out(appeal: Appeal, now: datetime.datetime) -> AppealOut:
    number = appeal.number
    rows: list[AppealRecipient] = getattr(appeal, VISIBLE)
    return AppealOut(
        id=appeal.pk,
        public_id=str(appeal.public_id),
        number=number,
        verify_url=document_verify_url(number=number) if number else None,
        status=appeal.status,
        status_label=str(appeal.get_status_display()),
        template_code=appeal.template_code,
        stage_code=appeal.stage_code,
        election_id=appeal.election_id,
        election=appeal.election.name,
        office_region=appeal.office_region_id,
        subject=appeal.subject,
        body=appeal.body,
        legal_basis=[line.strip() for line in appeal.legal_basis.splitlines() if line.strip()],
        issued_at=appeal.issued_at,
        acknowledge_due_at=appeal.acknowledge_due_at,
        follow_up_due_at=appeal.follow_up_due_at,
        recipients=[_recipient_out(r, appeal, now) for r in rows],
    )


VISIBLE = "visible_recipients"


def _with_rows(actor: User, appeals: QuerySet[Appeal]) -> QuerySet[Appeal]:
    """``appeals`` with the addressee rows ``actor`` sees (and their follow-ups) prefetched
    as ``visible_recipients``: three queries for a page, whatever its length."""
    rows = (
        selectors.recipient_list_for(actor=actor)
        .select_related("region")
        .prefetch_related("follow_ups")
        .order_by("region_id")
    )
    return appeals.select_related("election", "document").prefetch_related(
        Prefetch("recipients", queryset=rows, to_attr=VISIBLE)
    )


@router.get(
    "",
    response={200: AppealPage, **refusals(*STAFF, 403, 422)},
    summary="Imbauan yang terlihat oleh pengguna: kantor PPK hanya yang ditujukan ke "
    "daerahnya (dengan baris konfirmasinya), Bawaslu yang diterbitkan kantor yang dicakupnya",
)
def appeal_list(request: HttpRequest, filters: Query[Filters]) -> AppealPage:
    actor = _viewer(request)
    appeals = selectors.appeal_list_for(actor=actor)
    if filters.status:
        appeals = appeals.filter(status=filters.status)
    if filters.election:
        appeals = appeals.filter(election_id=filters.election)
    if filters.pending:
        unanswered = Q(acknowledged_at__isnull=True) | Q(followed_up_at__isnull=True)
        open_rows = selectors.recipient_list_for(actor=actor).filter(unanswered)
        appeals = appeals.filter(status=Appeal.Status.ISSUED, pk__in=open_rows.values("appeal"))
    appeals = appeals.order_by("-created_at", "-pk")
    page = _with_rows(actor, appeals)[filters.offset : filters.offset + filters.limit]
    now = clock.now()
    return AppealPage(
        count=appeals.count(),
        limit=filters.limit,
        offset=filters.offset,
        results=[_appeal_out(appeal, now) for appeal in page],
    )


@router.post(
    "/{appeal_id}/acknowledge",
    response={200: AppealOut, **refusals(*STAFF, *WITH_BODY, 403, 404, 409)},
    summary="Konfirmasi penerimaan imbauan oleh kantor PPK yang dituju (nama dan jabatan)",
)
def appeal_acknowledge_api(request: HttpRequest, appeal_id: Id, body: AcknowledgeIn) -> AppealOut:
    actor = request_staff(request)
    require(actor, "appeal.respond")
    recipient = (
        selectors.recipient_list_for(actor=actor).filter(appeal_id=appeal_id).only("pk").first()
    )
    if recipient is None:
        raise NotFound(selectors.NOT_FOUND)
    appeal_acknowledge(
        actor=actor, recipient_id=recipient.pk, name=body.name, position=body.position
    )
    appeal = _with_rows(actor, selectors.appeal_list_for(actor=actor)).get(pk=appeal_id)
    return _appeal_out(appeal, clock.now())
