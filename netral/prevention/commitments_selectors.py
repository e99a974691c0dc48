"""Reads for integrity pacts, coordination meetings, commitments and prevention activities.

Every list starts from a jurisdiction-scoped queryset (``*_list_for``), so a row outside the
viewer's area is indistinguishable from a missing one (404). Bawaslu and BKN see what lies in
their jurisdiction (by the region of the pact, the office of the meeting or activity); a PPK
office sees only its own regional government's rows: its pacts, the commitments it owns (and
the meetings they were made at), the activities of its region's office.
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from netral.accounts.models import Role, User
from netral.accounts.permissions import covers, has_capability, jurisdiction_q
from netral.common import blobs, clock
from netral.common.errors import ApplicationError, NotFound
from netral.prevention.models import (
    MINUTES_BLOBS,
    PACT_BLOBS,
    ActivityKind,
    Commitment,
    CommitmentStatus,
    CoordinationMeeting,
    IntegrityPact,
    MeetingParticipant,
    PreventionActivity,
)
from netral.prevention.models.commitments import PENDING_STATUSES
from netral.regions.models import Region

PACT_NOT_FOUND = "Pakta integritas tidak ditemukan."
MEETING_NOT_FOUND = "Rapat koordinasi tidak ditemukan."
COMMITMENT_NOT_FOUND = "Komitmen tidak ditemukan."
FILE_MISSING = "Berkas tidak ada."
FILE_DAMAGED = "Berkas rusak: sidik jarinya tidak cocok dengan saat diunggah."


def _viewer(actor: User) -> bool:
    return has_capability(actor, "prevention.view")


def _own_region(actor: User, qs: QuerySet[Any], field: str) -> QuerySet[Any]:
    """A PPK office's rows: exactly its own regional government (not the ones below it)."""
    if actor.jurisdiction_id is None:
        return qs.none()
    return qs.filter(**{f"{field}_id": actor.jurisdiction_id})


# --- Integrity pacts -------------------------------------------------------------------


def pact_list_for(*, actor: User) -> QuerySet[IntegrityPact]:
    pacts = IntegrityPact.objects.all()
    if not _viewer(actor):
        return pacts.none()
    if actor.role == Role.PPK_OFFICE:
        return _own_region(actor, pacts, "region")
    return pacts.filter(jurisdiction_q(actor, "region"))


def pact_list(*, actor: User, region: str = "", year: int | None = None) -> QuerySet[IntegrityPact]:
    """The pacts page: newest signing first, optionally one region (and those below it)."""
    pacts = pact_list_for(actor=actor).select_related("region")
    if region:
        pacts = pacts.filter(Q(region_id=region) | Q(region__parent_id=region))
    if year:
        pacts = pacts.filter(signed_on__year=year)
    return pacts


def pact_get_for(*, actor: User, pact_id: int) -> IntegrityPact:
    pact = pact_list_for(actor=actor).select_related("region").filter(pk=pact_id).first()
    if pact is None:
        raise NotFound(PACT_NOT_FOUND)
    return pact


def pact_file_read(*, actor: User, pact_id: int) -> tuple[IntegrityPact, bytes]:
    """The scanned pact, integrity re-checked against the SHA-256 taken at upload."""
    pact = pact_get_for(actor=actor, pact_id=pact_id)
    if not pact.file_path:
        raise NotFound(FILE_MISSING)
    data = blobs.get(PACT_BLOBS, pact.file_path)
    if hashlib.sha256(data).hexdigest() != pact.file_sha256:
        raise ApplicationError(FILE_DAMAGED)
    return pact, data


# --- Coordination meetings -------------------------------------------------------------


def meeting_list_for(*, actor: User) -> QuerySet[CoordinationMeeting]:
    meetings = CoordinationMeeting.objects.all()
    if not _viewer(actor):
        return meetings.none()
    if actor.role == Role.PPK_OFFICE:
        if actor.jurisdiction_id is None:
            return meetings.none()
        owned = Commitment.objects.filter(owner_region_id=actor.jurisdiction_id)
        return meetings.filter(pk__in=owned.values("meeting_id"))
    return meetings.filter(jurisdiction_q(actor, "office_region"))


def meeting_list(
    *,
    actor: User,
    region: str = "",
    overdue_only: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[CoordinationMeeting]:
    """The meetings page, newest first, each with its number of participants, commitments,
    open commitments and overdue ones (one query: sums come from subqueries, so the two
    one-to-many joins never multiply each other)."""
    today = today or clock.today()
    people = (
        MeetingParticipant.objects.filter(meeting=OuterRef("pk"))
        .order_by()
        .values("meeting")
        .annotate(total=Sum("people"))
        .values("total")
    )
    pending = Q(commitments__status__in=PENDING_STATUSES)
    meetings = (
        meeting_list_for(actor=actor)
        .select_related("office_region")
        .annotate(
            people_total=Coalesce(Subquery(people, output_field=IntegerField()), 0),
            commitment_count=Count("commitments"),
            pending_count=Count("commitments", filter=pending),
            overdue_count=Count("commitments", filter=pending & Q(commitments__due_on__lt=today)),
        )
        .order_by("-held_on", "-pk")  # an aggregate query drops Meta.ordering
    )
    if region:
        meetings = meetings.filter(Q(office_region_id=region) | Q(office_region__parent_id=region))
    if overdue_only:
        meetings = meetings.filter(overdue_count__gt=0)
    return meetings


def meeting_get_for(*, actor: User, meeting_id: int) -> CoordinationMeeting:
    meeting = (
        meeting_list_for(actor=actor).select_related("office_region").filter(pk=meeting_id).first()
    )
    if meeting is None:
        raise NotFound(MEETING_NOT_FOUND)
    return meeting


def meeting_commitments(*, actor: User, meeting: CoordinationMeeting) -> list[Commitment]:
    """The commitments of a meeting the viewer may see (a PPK office: its own only)."""
    return list(
        commitment_list_for(actor=actor)
        .filter(meeting=meeting)
        .select_related("owner_region", "meeting__office_region")
        .order_by("due_on", "pk")
    )


def meeting_minutes_read(*, actor: User, meeting_id: int) -> tuple[CoordinationMeeting, bytes]:
    meeting = meeting_get_for(actor=actor, meeting_id=meeting_id)
    if not meeting.minutes_path:
        raise NotFound(FILE_MISSING)
    data = blobs.get(MINUTES_BLOBS, meeting.minutes_path)
    if hashlib.sha256(data).hexdigest() != meeting.minutes_sha256:
        raise ApplicationError(FILE_DAMAGED)
    return meeting, data


# --- Commitments -----------------------------------------------------------------------


def commitment_list_for(*, actor: User) -> QuerySet[Commitment]:
    """Bawaslu and BKN: the commitments of meetings in their jurisdiction; a PPK office:
    the commitments its regional government owns, wherever they were made."""
    commitments = Commitment.objects.all()
    if not _viewer(actor):
        return commitments.none()
    if actor.role == Role.PPK_OFFICE:
        return _own_region(actor, commitments, "owner_region")
    return commitments.filter(jurisdiction_q(actor, "meeting__office_region"))


def commitment_desk(
    *,
    actor: User,
    status: str = "",
    overdue_only: bool = False,
    owner_region: str = "",
    today: datetime.date | None = None,
) -> QuerySet[Commitment]:
    """The commitments page: pending ones first (nearest due date first), then the rest."""
    today = today or clock.today()
    commitments = commitment_list_for(actor=actor).select_related(
        "meeting__office_region", "owner_region"
    )
    if status:
        commitments = commitments.filter(status=status)
    if overdue_only:
        commitments = commitments.filter(status__in=PENDING_STATUSES, due_on__lt=today)
    if owner_region:
        commitments = commitments.filter(
            Q(owner_region_id=owner_region) | Q(owner_region__parent_id=owner_region)
        )
    finished = Case(When(status__in=PENDING_STATUSES, then=Value(0)), default=Value(1))
    return commitments.annotate(finished=finished).order_by("finished", "due_on", "pk")


def commitment_get_for(*, actor: User, commitment_id: int) -> Commitment:
    commitment = (
        commitment_list_for(actor=actor)
        .select_related("meeting__office_region", "owner_region", "status_by")
        .filter(pk=commitment_id)
        .first()
    )
    if commitment is None:
        raise NotFound(COMMITMENT_NOT_FOUND)
    return commitment


def commitment_counts(*, actor: User, today: datetime.date | None = None) -> dict[str, int]:
    """Per status, plus ``overdue`` (pending and past due) and ``total``: one query."""
    today = today or clock.today()
    pending = Q(status__in=PENDING_STATUSES)
    row = commitment_list_for(actor=actor).aggregate(
        total=Count("pk"),
        overdue=Count("pk", filter=pending & Q(due_on__lt=today)),
        **{s.value: Count("pk", filter=Q(status=s.value)) for s in CommitmentStatus},
    )
    return {key: int(value or 0) for key, value in row.items()}


# --- Prevention activities -------------------------------------------------------------


def activity_list_for(*, actor: User) -> QuerySet[PreventionActivity]:
    activities = PreventionActivity.objects.all()
    if not _viewer(actor):
        return activities.none()
    if actor.role == Role.PPK_OFFICE:
        return _own_region(actor, activities, "office_region")
    return activities.filter(jurisdiction_q(actor, "office_region"))


def activity_list(
    *,
    actor: User,
    kind: str = "",
    region: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[PreventionActivity]:
    activities = activity_list_for(actor=actor).select_related("office_region")
    if kind:
        activities = activities.filter(kind=kind)
    if region:
        activities = activities.filter(
            Q(office_region_id=region) | Q(office_region__parent_id=region)
        )
    if date_from:
        activities = activities.filter(held_on__gte=date_from)
    if date_to:
        activities = activities.filter(held_on__lte=date_to)
    return activities


def _kind_counts(activities: QuerySet[PreventionActivity]) -> dict[str, Any]:
    rows = {
        row["kind"]: row
        for row in activities.order_by()
        .values("kind")
        .annotate(count=Count("pk"), reach=Coalesce(Sum("reach"), 0))
    }
    by_kind = {kind.value: int(rows.get(kind.value, {}).get("count", 0)) for kind in ActivityKind}
    reach_by_kind = {
        kind.value: int(rows.get(kind.value, {}).get("reach", 0)) for kind in ActivityKind
    }
    return {
        "by_kind": by_kind,
        "reach_by_kind": reach_by_kind,
        "total": sum(by_kind.values()),
        "reach": sum(reach_by_kind.values()),
    }


def prevention_activity_counts(
    *, actor: User, region: Region | str | None = None
) -> dict[str, Any]:
    """Prevention activities per kind and the people they reached, for the dashboard.

    Scoped like the lists: the viewer's jurisdiction, narrowed to ``region`` (a region or its
    code) and the regions below it when given; a region outside the jurisdiction counts
    nothing. Dashboard viewers without ``prevention.view`` (administrators) see the same
    aggregates for their jurisdiction (counts only, no rows). Returns ``{"by_kind": {kind:
    n}, "reach_by_kind": {kind: people}, "total": n, "reach": people}`` with every kind
    present (zeros included), in one query.
    """
    activities = PreventionActivity.objects.all()
    if actor.role == Role.PPK_OFFICE:
        activities = activity_list_for(actor=actor)
    elif _viewer(actor) or has_capability(actor, "dashboard.view"):
        activities = activities.filter(jurisdiction_q(actor, "office_region"))
    else:
        activities = activities.none()
    if region is not None:
        code = region.code if isinstance(region, Region) else str(region)
        activities = activities.filter(Q(office_region_id=code) | Q(office_region__parent_id=code))
    return _kind_counts(activities)


# --- Choices for the forms -------------------------------------------------------------


def region_choices_for(*, actor: User) -> list[tuple[str, str]]:
    """The regions an actor may record for (their jurisdiction and the regions below it),
    as ``(code, name)`` in code order."""
    regions = Region.objects.order_by("code")
    if actor.jurisdiction_id is not None:
        code = actor.jurisdiction_id
        regions = regions.filter(Q(code=code) | Q(parent_id=code))
    return [(code, name) for code, name in regions.values_list("code", "name")]


def office_choices_for(*, actor: User) -> list[tuple[str, str]]:
    """The Bawaslu offices an actor may record for: ``""`` is Bawaslu RI (national only)."""
    offices = [("", OFFICE_RI)] if covers(actor, None) else []
    return offices + [(code, office_name(name)) for code, name in region_choices_for(actor=actor)]


OFFICE_RI = "Bawaslu Republik Indonesia"


def office_name(region_name: str) -> str:
    """A Bawaslu office's name from its region's ("Kota Bekasi" -> "Bawaslu Kota Bekasi",
    "Jawa Barat" -> "Bawaslu Provinsi Jawa Barat")."""
    if not region_name.startswith(("Kota", "Kabupaten")):
        return f"Bawaslu Provinsi {region_name}"
    return f"Bawaslu {region_name}"


def owner_region_choices(*, meeting: CoordinationMeeting) -> list[tuple[str, str]]:
    """The regional governments a meeting's commitments may be owned by: those in the area
    of the office that held it (every one for Bawaslu RI)."""
    regions = Region.objects.order_by("code")
    if meeting.office_region_id is not None:
        code = meeting.office_region_id
        regions = regions.filter(Q(code=code) | Q(parent_id=code))
    return [(code, name) for code, name in regions.values_list("code", "name")]
