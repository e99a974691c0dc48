"""Reads for the person record: search, the person's history, repeat offenders.

Every read starts from the reports the actor may see (``jurisdiction_q`` on the report's
``handling_region``, as ``reports.selectors.report_list_for``): a person page lists only
those reports, their cases and what followed them, and a person with nothing visible is
``NotFound``, exactly like a missing one. Whether someone is a repeat offender, though, is a
fact about the person over every case (``repeat_offenders``): the history behind it stays
scoped, only the count is shown.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from netral.accounts.models import User
from netral.accounts.permissions import can, jurisdiction_q, require
from netral.cases.models import Case, Verdict
from netral.common.errors import NotFound
from netral.common.identifiers import is_uuid
from netral.followup.models import Recommendation, Sanction
from netral.reports.models import Report
from netral.triage.models import Person, PersonLink
from netral.triage.person_names import agency_key, name_key, name_words
from netral.triage.persons import PERSON_NOT_FOUND

# Cases with a violation finding or a sanction that make a person a repeat offender.
REPEAT_MIN_CASES = 2
SEARCH_LIMIT = 50
ACTIVE = (PersonLink.Status.LINKED, PersonLink.Status.PROPOSED)


def _in_scope(actor: User) -> Q:
    return jurisdiction_q(actor, "report__handling_region")


def offence_cases() -> QuerySet[Case]:
    """Cases that count against the persons reported in them: the plenary found a violation
    (any verdict but "no violation"), or a PPK imposed a sanction."""
    violation = (
        Q(decided_at__isnull=False) & ~Q(verdicts=[]) & ~Q(verdicts=[Verdict.NO_VIOLATION.value])
    )
    sanctioned = Exists(Sanction.objects.filter(recommendation__case=OuterRef("pk"), imposed=True))
    return Case.objects.filter(violation | sanctioned)


def repeat_offenders(*, person_ids: Iterable[int]) -> dict[int, int]:
    """The repeat offenders among ``person_ids``, each with their number of offence cases.

    A repeat offender is a person linked (NIP match or confirmed, never a mere proposal) to
    reports in at least ``REPEAT_MIN_CASES`` (2) different cases, each of which ended in a
    violation verdict or a sanction (``offence_cases``), counted over every case in the
    country whoever looks. One query."""
    ids = list(person_ids)
    if not ids:
        return {}
    rows = (
        PersonLink.objects.filter(
            person_id__in=ids,
            status=PersonLink.Status.LINKED,
            report__case__in=offence_cases(),
        )
        .values("person_id")
        .annotate(cases=Count("report__case", distinct=True))
        .filter(cases__gte=REPEAT_MIN_CASES)
    )
    return {row["person_id"]: row["cases"] for row in rows}


def person_list_for(*, actor: User) -> QuerySet[Person]:
    """Persons with a report (linked or proposed) the actor may see."""
    require(actor, "person.view")
    visible = PersonLink.objects.filter(_in_scope(actor), status__in=ACTIVE)
    return Person.objects.filter(merged_into=None, pk__in=visible.values("person_id"))


@dataclass(frozen=True)
class PersonRow:
    person: Person
    reports: int
    offence_cases: int  # 0 unless a repeat offender


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch not in " .-")


def person_search(*, actor: User, q: str, limit: int = SEARCH_LIMIT) -> list[PersonRow]:
    """Persons the actor may see matching ``q``: a NIP (or its first digits, at least 4), or
    the words of a name (titles ignored, every word must occur). Two queries."""
    text = q.strip()[:200]
    people = person_list_for(actor=actor)
    digits = _digits(text)
    if digits.isdigit() and len(digits) >= 4:
        people = people.filter(nip__startswith=digits[:18])
    else:
        words = name_words(text)
        if not words:
            return []
        for word in words:
            people = people.filter(name_key__contains=word)
    counted = people.annotate(
        visible_reports=Count(
            "links",
            filter=Q(links__status=PersonLink.Status.LINKED)
            & jurisdiction_q(actor, "links__report__handling_region"),
        )
    ).order_by("name_key", "pk")[:limit]
    found = list(counted)
    repeat = repeat_offenders(person_ids=[p.pk for p in found])
    return [PersonRow(p, p.visible_reports, repeat.get(p.pk, 0)) for p in found]


@dataclass(frozen=True)
class HistoryEntry:
    """One dated line of the person's history."""

    at: datetime.date
    kind: str  # report | decision | recommendation | sanction
    title: str
    detail: str
    url: str = ""


@dataclass
class PersonHistory:
    person: Person
    reports: list[Report]
    cases: list[Case]
    recommendations: list[Recommendation]
    proposals: list[PersonLink]
    links: dict[int, PersonLink]  # report id -> its link (linked ones)
    offence_cases: int
    entries: list[HistoryEntry] = field(default_factory=list)
    can_manage: bool = False

    @property
    def repeat_offender(self) -> bool:
        return self.offence_cases >= REPEAT_MIN_CASES


def _about(rec: Recommendation, person: Person, names: set[str]) -> bool:
    """Whether a recommendation concerns the person: one for the whole case (no subject), or
    one whose subject has the person's NIP or the name of one of their reports."""
    if not rec.subject_name and not rec.subject_nip:
        return True
    if person.nip and rec.subject_nip:
        return rec.subject_nip == person.nip
    return name_key(rec.subject_name) in names


def person_history_for(*, actor: User, public_id: str) -> PersonHistory:
    """Everything about a person the actor may see, newest first: their reports, the cases
    holding them with the verdicts, the recommendations and the sanctions. ``NotFound`` when
    the person is missing, merged away or has nothing the actor may see. Four queries."""
    require(actor, "person.view")
    if not is_uuid(public_id):
        raise NotFound(PERSON_NOT_FOUND)
    person = person_list_for(actor=actor).filter(public_id=public_id).first()
    if person is None:
        raise NotFound(PERSON_NOT_FOUND)
    links = list(
        PersonLink.objects.filter(_in_scope(actor), person=person, status__in=ACTIVE)
        .select_related(
            "report__region", "report__case__office_region", "report__election", "decided_by"
        )
        .order_by("-report__submitted_at", "-pk")
    )
    linked = [link for link in links if link.status == PersonLink.Status.LINKED]
    reports = [link.report for link in linked]
    cases_by_id: dict[int, Case] = {}
    for report in reports:
        if report.case is not None:
            cases_by_id.setdefault(report.case.pk, report.case)
    names_by_case: dict[int, set[str]] = defaultdict(set)
    for report in reports:
        if report.case_id:
            names_by_case[report.case_id].add(name_key(report.reported_name))
    recs = [
        rec
        for rec in Recommendation.objects.filter(case_id__in=list(cases_by_id))
        .select_related("sanction")
        .order_by("-issued_at", "-pk")
        if _about(rec, person, names_by_case[rec.case_id])
    ]
    history = PersonHistory(
        person=person,
        reports=reports,
        cases=sorted(cases_by_id.values(), key=lambda c: c.received_at, reverse=True),
        recommendations=recs,
        proposals=[link for link in links if link.status == PersonLink.Status.PROPOSED],
        links={link.report_id: link for link in linked},
        offence_cases=repeat_offenders(person_ids=[person.pk]).get(person.pk, 0),
        can_manage=can(actor, "person.manage"),
    )
    history.entries = _entries(history)
    return history


def _entries(history: PersonHistory) -> list[HistoryEntry]:
    entries: list[HistoryEntry] = []
    for report in history.reports:
        entries.append(
            HistoryEntry(
                at=timezone.localdate(report.submitted_at),
                kind="report",
                title=report.get_kind_display(),
                detail=f"{report.reported_name} — {report.agency} ({report.region.name})",
                url=reverse("reports_staff:report_detail", kwargs={"public_id": report.public_id}),
            )
        )
    for case in history.cases:
        url = reverse("cases:case_detail", kwargs={"case_id": case.pk})
        label = case.register_number or f"#{case.pk}"
        if case.decided_at is not None:
            verdicts = ", ".join(str(Verdict(v).label) for v in case.verdicts if v in Verdict)
            entries.append(
                HistoryEntry(timezone.localdate(case.decided_at), "decision", label, verdicts, url)
            )
    for rec in history.recommendations:
        entries.append(
            HistoryEntry(
                timezone.localdate(rec.issued_at),
                "recommendation",
                rec.number,
                rec.addressee_name,
                "",
            )
        )
        sanction = getattr(rec, "sanction", None)
        if sanction is not None:
            detail = sanction.sanction if sanction.imposed else sanction.reason[:200]
            when = sanction.decree_date or timezone.localdate(sanction.recorded_at)
            entries.append(
                HistoryEntry(when, "sanction", sanction.decree_number or rec.number, detail, "")
            )
    kinds = {"sanction": 0, "recommendation": 1, "decision": 2, "report": 3}
    entries.sort(key=lambda e: (e.at, -kinds[e.kind]), reverse=True)
    return entries


@dataclass(frozen=True)
class CasePerson:
    person: Person
    offence_cases: int


def case_persons(*, case_ids: Iterable[int]) -> dict[int, list[CasePerson]]:
    """The persons linked to the reports of each case, each with their offence-case count
    when a repeat offender (0 otherwise). Two queries, whatever the number of cases. The
    callers (case page, inbox) already scoped the cases to the actor."""
    ids = list(case_ids)
    if not ids:
        return {}
    links = list(
        PersonLink.objects.filter(
            report__case_id__in=ids, status=PersonLink.Status.LINKED
        ).values_list("report__case_id", "person_id")
    )
    people = {p.pk: p for p in Person.objects.filter(pk__in={person_id for _, person_id in links})}
    repeat = repeat_offenders(person_ids=list(people))
    out: dict[int, list[CasePerson]] = defaultdict(list)
    seen: set[tuple[int, int]] = set()
    for case_id, person_id in links:
        if (case_id, person_id) not in seen and person_id in people:
            seen.add((case_id, person_id))
            out[case_id].append(CasePerson(people[person_id], repeat.get(person_id, 0)))
    return dict(out)


@dataclass(frozen=True)
class OffenderCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class RepeatOffenderCounts:
    total: int
    by_agency: list[OffenderCount]
    by_region: list[OffenderCount]


def repeat_offender_counts(*, actor: User, region: str | None = None) -> RepeatOffenderCounts:
    """For the dashboard: how many repeat offenders (``repeat_offenders``) have a report the
    actor may see, handled in ``region`` (a region code: it and the regions below it) when
    given; per agency (as their reports name it, spellings joined by ``agency_key``) and per
    region of the office handling their case. A person counts once per row, once in the
    total. Three queries."""
    require(actor, "person.view")
    scope = PersonLink.objects.filter(_in_scope(actor), status=PersonLink.Status.LINKED)
    if region:
        scope = scope.filter(
            Q(report__handling_region_id=region) | Q(report__handling_region__parent_id=region)
        )
    # No ordering: the model's would join the DISTINCT and repeat each person.
    offenders = (
        scope.filter(report__case__in=offence_cases()).order_by().values("person_id").distinct()
    )
    repeat = repeat_offenders(person_ids=offenders.values_list("person_id", flat=True))
    rows = scope.filter(person_id__in=list(repeat)).values_list(
        "person_id", "report__agency", "report__handling_region_id", "report__handling_region__name"
    )
    agencies: dict[str, set[int]] = defaultdict(set)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    regions: dict[str, set[int]] = defaultdict(set)
    region_names: dict[str, str] = {}
    for person_id, agency, region_code, region_name in rows:
        key = agency_key(agency) or agency
        agencies[key].add(person_id)
        spellings[key][agency] += 1
        if region_code:
            regions[region_code].add(person_id)
            region_names[region_code] = region_name
    by_agency = [
        OffenderCount(key, spellings[key].most_common(1)[0][0], len(ids))
        for key, ids in agencies.items()
    ]
    by_region = [OffenderCount(code, region_names[code], len(ids)) for code, ids in regions.items()]
    order = lambda row: (-row.count, row.label)  # noqa: E731
    return RepeatOffenderCounts(
        total=len(repeat),
        by_agency=sorted(by_agency, key=order),
        by_region=sorted(by_region, key=order),
    )
