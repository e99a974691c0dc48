"""Reads for cases."""

from __future__ import annotations

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from netral.accounts.models import User
from netral.cases.models import Case, Status
from netral.cases.services import CASE_NOT_FOUND, case_list_for
from netral.common.errors import NotFound
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


def case_inbox(
    *,
    actor: User,
    status: str | None = None,
    violation_type: str | None = None,
    election_id: int | None = None,
    agency: str | None = None,
    q: str | None = None,
) -> QuerySet[Case]:
    """The cases the actor's office handles, nearest deadline first (cases with no deadline
    last, then oldest receipt). Each row carries its first report's ``first_reported_name``
    and ``first_agency``, so a page of the list costs a constant number of queries."""
    cases: QuerySet[Case] = case_list_for(actor=actor)
    cases = cases.filter(status=status) if status else cases.exclude(status__in=INBOX_HIDDEN)
    if violation_type:
        cases = cases.filter(violation_type=violation_type)
    if election_id is not None:
        cases = cases.filter(election_id=election_id)
    if agency:
        cases = cases.filter(pk__in=Report.objects.filter(agency__icontains=agency).values("case"))
    if q:
        text = q.strip()
        matching_reports = Report.objects.filter(
            Q(reported_name__icontains=text)
            | Q(agency__icontains=text)
            | Q(chronology__icontains=text)
        ).values("case")
        # A subquery rather than a join keeps each case once without DISTINCT.
        cases = cases.filter(Q(register_number__icontains=text) | Q(pk__in=matching_reports))
    first_report = Report.objects.filter(case=OuterRef("pk")).order_by("submitted_at", "pk")
    return (
        cases.select_related("office_region", "election")
        .annotate(
            first_reported_name=Subquery(first_report.values("reported_name")[:1]),
            first_agency=Subquery(first_report.values("agency")[:1]),
        )
        .order_by(F("due_at").asc(nulls_last=True), "received_at", "pk")
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
