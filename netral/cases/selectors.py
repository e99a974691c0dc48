"""Reads for cases."""

from __future__ import annotations

from django.db.models import Case as Cond
from django.db.models import (
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language

from netral.accounts.models import User
from netral.cases.models import Case, Status
from netral.cases.search import case_search_filter
from netral.cases.services import CASE_NOT_FOUND, case_list_for
from netral.cases.workflow import FINAL, OPEN_FOR_HANDLING
from netral.common.errors import NotFound
from netral.elections.models import Election, Stage
from netral.regions.models import Region
from netral.reports.models import Report

PUBLIC_STATUSES = (Status.ANNOUNCED, Status.CLOSED)


def public_case_list(*, region: Region) -> QuerySet[Case]:
    """Announced cases handled in ``region`` or below it: what anyone may see."""
    scope = Q(office_region=region) | Q(office_region__parent=region)
    return (
        Case.objects.filter(scope, status__in=PUBLIC_STATUSES, announced_at__isnull=False)
        .select_related("election")
        .order_by("-announced_at")
    )


# Steps a case leaves the inbox at; a status filter can still ask for them.
INBOX_HIDDEN = (Status.MERGED, Status.CLOSED)


def _stage_label() -> F | Coalesce:
    """The name of the case's stored event stage (``cases.first_report``) in the reader's
    language (the English one where there is one); NULL without a stage (sorted last)."""
    name = F("first_event_stage__name")
    if not (get_language() or "").startswith("en"):
        return name
    return Coalesce(NullIf(F("first_event_stage__name_en"), Value("")), name)


def _offices_covered(actor: User) -> list[str] | None:
    """The offices whose cases the actor's jurisdiction covers (its own and those of the
    regions right below it; None: all of them). The same cases as ``case_list_for``'s
    filter, in a form the planner matches to the inbox's (office, column) indexes: for a
    regency's office one equality, so page 1 in any indexed order is an index scan."""
    code = actor.jurisdiction_id
    if code is None:
        return None
    below = Region.objects.filter(parent_id=code).order_by("code").values_list("code", flat=True)
    return [code, *below]


def case_inbox(
    *,
    actor: User,
    status: str | None = None,
    violation_type: str | None = None,
    election_id: int | None = None,
    stage_id: int | None = None,
    agency: str | None = None,
    q: str | None = None,
) -> QuerySet[Case]:
    """The cases the actor's office handles: those it still has to act on first, nearest
    deadline first (no deadline last, then oldest receipt); then the finished ones (decided,
    not registered, announced), most recently finished first: their deadline is history.
    Each row carries its first report's ``first_reported_name``,
    ``first_agency`` and ``first_event_date`` and the name of the election stage that date
    falls in (``event_stage_name``), all stored on the case (``cases.first_report``), so a
    page of the list costs a constant number of queries. ``stage_id`` keeps the cases whose event
    happened in that stage."""
    cases: QuerySet[Case] = case_list_for(actor=actor)
    offices = _offices_covered(actor)
    if offices is not None:
        cases = cases.filter(office_region_id__in=offices)
    cases = cases.filter(status=status) if status else cases.exclude(status__in=INBOX_HIDDEN)
    if violation_type:
        cases = cases.filter(violation_type=violation_type)
    if election_id is not None:
        cases = cases.filter(election_id=election_id)
    if agency:
        cases = cases.filter(pk__in=Report.objects.filter(agency__icontains=agency).values("case"))
    if q:
        # Full text over what staff may read of the case (``netral.cases.search``), within
        # the scoped list above.
        cases = case_search_filter(cases, q)
    if stage_id is not None:
        cases = cases.filter(first_event_stage_id=stage_id)
    return (
        cases.select_related("office_region", "election")
        .annotate(event_stage_name=_stage_label())
        .annotate(
            finished_rank=Cond(
                When(status__in=OPEN_FOR_HANDLING, then=0), default=1, output_field=IntegerField()
            ),
            live_due=Cond(When(status__in=OPEN_FOR_HANDLING, then=F("due_at")), default=None),
        )
        .order_by(
            "finished_rank",
            F("live_due").asc(nulls_last=True),
            F("finished_at").desc(nulls_last=True),
            "received_at",
            "pk",
        )
    )


def inbox_elections(*, actor: User) -> QuerySet[Election]:
    """The elections the inbox can be narrowed to: those with a case in the actor's
    jurisdiction. Short for an office, and for a national account only the elections that
    have cases, not all 546 of the cycle."""
    return (
        Election.objects.filter(pk__in=case_list_for(actor=actor).values("election_id"))
        .select_related("cycle")
        .order_by("-cycle__voting_date", "name")
    )


def inbox_stages() -> QuerySet[Stage]:
    """Every election stage, by cycle (newest first) then in calendar order."""
    return Stage.objects.select_related("cycle").order_by("-cycle__voting_date", "order")


MERGE_CANDIDATES = 20


def case_merge_candidates(*, actor: User, case: Case, limit: int = MERGE_CANDIDATES) -> list[Case]:
    """The cases ``case`` may be merged into: same office and election, in the actor's
    jurisdiction, not itself, not closed or merged. Likely duplicates first (a report about
    the same name, NIP or agency), then the most recently received. Each carries
    ``first_reported_name``, ``first_agency`` and ``similar``."""
    subjects = list(
        Report.objects.filter(case=case).values_list("reported_name", "reported_nip", "agency")
    )
    same = Q(pk__in=[])
    for name, nip, agency in subjects:
        if name.strip():
            same |= Q(reported_name__iexact=name.strip())
        if nip.strip():
            same |= Q(reported_nip=nip.strip())
        if agency.strip():
            same |= Q(agency__iexact=agency.strip())
    return list(
        case_list_for(actor=actor)
        .filter(office_region_id=case.office_region_id, election_id=case.election_id)
        .exclude(pk=case.pk)
        .exclude(status__in=FINAL)
        .annotate(similar=Exists(Report.objects.filter(same, case=OuterRef("pk"))))
        .order_by("-similar", "-received_at", "-pk")[:limit]
    )


def case_detail_for(*, actor: User, case_id: int) -> Case:
    """One case in the actor's jurisdiction; missing and out-of-jurisdiction alike are
    ``NotFound``."""
    case = (
        case_list_for(actor=actor)
        .select_related("office_region", "election", "merged_into")
        .filter(pk=case_id)
        .first()
    )
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    return case


def case_reports(*, case: Case) -> QuerySet[Report]:
    return Report.objects.filter(case=case).select_related("region").order_by("submitted_at", "pk")
