"""Writes for the person record: linking reports to persons, staff decisions on proposed
matches, merging two records and splitting a wrong match off.

Linking is automatic only where it is certain: a valid NIP equal to a person's NIP. A report
without one (or with an invalid one) whose name and agency look like a known person's gets a
*proposed* link that staff confirm or reject; a suggestion never decides by itself. A report
that looks like nobody becomes a new person known by name and agency.

Every service: lock -> authorize -> validate -> save -> audit, inside one transaction
(``audited``). Rows of ``PersonLink`` and ``Person`` are locked alone (``of=("self",)``), two
persons in id order.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import jurisdiction_q, require
from netral.audit.services import audit_deferred, audit_record, audited
from netral.common import clock
from netral.common.errors import ApplicationError, NotFound
from netral.common.identifiers import is_uuid, nip_parse
from netral.reports.models import Report
from netral.triage.models import Person, PersonLink
from netral.triage.person_names import (
    AGENCY_MATCH,
    NAME_MATCH,
    agency_similarity,
    name_key,
    name_similarity,
    name_words,
)

PERSON_NOT_FOUND = gettext_noop("Orang terlapor tidak ditemukan.")
LINK_NOT_FOUND = gettext_noop("Tautan laporan tidak ditemukan.")
NOT_PROPOSED = gettext_noop("Usulan ini sudah diputuskan.")
NOT_LINKED = gettext_noop("Laporan ini tidak tertaut pada orang tersebut.")
MERGE_SELF = gettext_noop("Tidak dapat menggabungkan orang dengan dirinya sendiri.")
MERGE_NIP_CONFLICT = gettext_noop(
    "Keduanya memiliki NIP yang berbeda: dua NIP yang sah adalah dua orang yang berbeda."
)
SPLIT_SAME = gettext_noop("Laporan sudah tertaut pada orang tersebut.")

# Candidates compared per report (by a shared name word); enough for a country of namesakes.
MAX_CANDIDATES = 300


def _valid_nip(report: Report) -> str:
    raw = report.reported_nip.strip()
    if not raw:
        return ""
    try:
        return nip_parse(raw, today=timezone.localdate(report.submitted_at)).nip
    except ValueError:
        return ""


def _add_agency(person: Person, agency: str) -> bool:
    """Remember ``agency`` on ``person``; whether it was new."""
    agency = agency.strip()
    if not agency or any(a.casefold() == agency.casefold() for a in person.agencies):
        return False
    person.agencies = [*person.agencies, agency]
    return True


def _person_new(*, name: str, agency: str, nip: str = "") -> Person:
    return Person.objects.create(
        nip=nip,
        name=name.strip()[:200],
        name_key=name_key(name)[:200],
        agencies=[agency.strip()] if agency.strip() else [],
        created_at=clock.now(),
    )


def _person_for_nip(report: Report, nip: str) -> Person:
    """The person with ``nip``, created from the report if there is none yet (a concurrent
    intake creating the same person meets the unique constraint and reads the winner's)."""
    found = Person.objects.select_for_update(of=("self",)).filter(nip=nip).first()
    if found is not None:
        return found
    try:
        with transaction.atomic(), audit_deferred():
            return _person_new(name=report.reported_name, agency=report.agency, nip=nip)
    except IntegrityError:
        return Person.objects.select_for_update(of=("self",)).get(nip=nip)


def proposed_match(report: Report) -> tuple[Person, float] | None:
    """The known person whose name and agency best match the report's (each above its
    threshold in ``person_names``), and the name score; persons this report was already
    refused from are skipped."""
    words = [w for w in name_words(report.reported_name) if len(w) >= 3]
    if not words:
        return None
    shared = Q()
    for word in words:
        shared |= Q(name_key__contains=word)
    refused = PersonLink.objects.filter(report=report, status=PersonLink.Status.REJECTED)
    candidates = (
        Person.objects.filter(shared, merged_into=None)
        .exclude(pk__in=refused.values("person_id"))
        .order_by("pk")[:MAX_CANDIDATES]
    )
    best: tuple[Person, float] | None = None
    for person in candidates:
        score = name_similarity(report.reported_name, person.name)
        if score < NAME_MATCH:
            continue
        agency = max((agency_similarity(report.agency, a) for a in person.agencies), default=0)
        if agency < AGENCY_MATCH:
            continue
        if best is None or score > best[1]:
            best = (person, score)
    return best


def _active_link(report: Report) -> PersonLink | None:
    return (
        PersonLink.objects.filter(report=report).exclude(status=PersonLink.Status.REJECTED).first()
    )


def _link(
    report: Report, person: Person, status: str, basis: str, score: float, actor: User | None
) -> PersonLink:
    now = clock.now()
    decided = status == PersonLink.Status.LINKED and actor is not None
    return PersonLink.objects.create(
        report=report,
        person=person,
        status=status,
        basis=basis,
        score=round(score, 3),
        created_at=now,
        decided_by=actor if decided else None,
        decided_at=now if decided else None,
    )


def _audit_link(actor: User | None, action: str, link: PersonLink, **extra: object) -> None:
    audit_record(
        actor=actor,
        action=action,
        obj=link,
        after={
            "report": str(link.report.public_id),
            "person": str(link.person.public_id),
            "status": link.status,
            "basis": link.basis,
            "score": link.score,
            **extra,
        },
    )


def report_person_link(*, report: Report) -> PersonLink | None:
    """Link ``report`` to its person (the system's own step; call inside a transaction, the
    intake's or the rebuild's). Returns the new link, or None when the report already has
    one or names nobody. Idempotent."""
    if _active_link(report) is not None:
        return None
    nip = _valid_nip(report)
    if nip:
        person = _person_for_nip(report, nip)
        if _add_agency(person, report.agency):
            person.save(update_fields=["agencies"])
        link = _link(report, person, PersonLink.Status.LINKED, PersonLink.Basis.NIP, 1.0, None)
        _audit_link(None, "person.link", link)
        return link
    if not name_key(report.reported_name):
        return None
    match = proposed_match(report)
    if match is not None:
        person, score = match
        status, basis = PersonLink.Status.PROPOSED, PersonLink.Basis.NAME_AGENCY
        link = _link(report, person, status, basis, score, None)
        _audit_link(None, "person.propose", link)
        return link
    person = _person_new(name=report.reported_name, agency=report.agency)
    link = _link(report, person, PersonLink.Status.LINKED, PersonLink.Basis.NEW, 1.0, None)
    _audit_link(None, "person.link", link)
    return link


def report_person_relink_by_nip(*, actor: User, report: Report) -> PersonLink | None:
    """Staff filled the report's NIP (``reports.corrections.report_nip_fill``): a report
    linked by name (a person of its own, or a proposal) moves onto the person with that NIP,
    created if none has it yet; the old link stays as history, refused. A link made by NIP
    or by staff stays. Call inside the filling transaction. Returns the new link, if any."""
    nip = _valid_nip(report)
    link = _active_link(report)
    if not nip or (
        link is not None and link.basis in (PersonLink.Basis.NIP, PersonLink.Basis.STAFF)
    ):
        return None
    before = ""
    if link is not None:
        link = PersonLink.objects.select_for_update(of=("self",)).get(pk=link.pk)
        before = str(link.person.public_id)
        link.status, link.decided_by, link.decided_at = (
            PersonLink.Status.REJECTED,
            actor,
            clock.now(),
        )
        link.save(update_fields=["status", "decided_by", "decided_at"])
    person = _person_for_nip(report, nip)
    if _add_agency(person, report.agency):
        person.save(update_fields=["agencies"])
    moved = _link(report, person, PersonLink.Status.LINKED, PersonLink.Basis.NIP, 1.0, actor)
    _audit_link(actor, "person.relink_nip", moved, from_person=before)
    return moved


def _link_for_update(actor: User, link_id: int) -> PersonLink:
    """The link, locked, if the actor may see its report; otherwise NotFound."""
    link = (
        PersonLink.objects.select_for_update(of=("self",))
        .select_related("report", "person")
        .filter(pk=link_id)
        .filter(jurisdiction_q(actor, "report__handling_region"))
        .first()
    )
    if link is None:
        raise NotFound(LINK_NOT_FOUND)
    return link


def _visible(actor: User, public_id: str) -> QuerySet[Person]:
    """The person ``public_id`` if the actor may see it: not merged away, with a non-rejected
    link to a report in the actor's jurisdiction."""
    visible = PersonLink.objects.exclude(status=PersonLink.Status.REJECTED).filter(
        jurisdiction_q(actor, "report__handling_region")
    )
    if not is_uuid(public_id):
        return Person.objects.none()
    return Person.objects.filter(
        public_id=public_id, merged_into=None, pk__in=visible.values("person_id")
    )


def _visible_person_pk(actor: User, public_id: str) -> int:
    pk = _visible(actor, public_id).values_list("pk", flat=True).first()
    if pk is None:
        raise NotFound(PERSON_NOT_FOUND)
    return pk


def _person_for_update(actor: User, public_id: str) -> Person:
    """A person the actor may see, locked; otherwise NotFound."""
    person = _visible(actor, public_id).select_for_update(of=("self",)).first()
    if person is None:
        raise NotFound(PERSON_NOT_FOUND)
    return person


@audited
def person_link_confirm(*, actor: User, link_id: int) -> PersonLink:
    """Staff confirm a proposed match: the report is about that person."""
    require(actor, "person.manage")
    link = _link_for_update(actor, link_id)
    if link.status != PersonLink.Status.PROPOSED:
        raise ApplicationError(NOT_PROPOSED)
    link.status, link.decided_by, link.decided_at = PersonLink.Status.LINKED, actor, clock.now()
    link.save(update_fields=["status", "decided_by", "decided_at"])
    person = Person.objects.select_for_update(of=("self",)).get(pk=link.person_id)
    if _add_agency(person, link.report.agency):
        person.save(update_fields=["agencies"])
    _audit_link(actor, "person.link_confirm", link)
    return link


@audited
def person_link_reject(*, actor: User, link_id: int) -> PersonLink:
    """Staff reject a proposed match: the report becomes a person of its own (the refusal is
    kept, so no rebuild proposes the same person again). Returns the report's new link."""
    require(actor, "person.manage")
    link = _link_for_update(actor, link_id)
    if link.status != PersonLink.Status.PROPOSED:
        raise ApplicationError(NOT_PROPOSED)
    return _move_off(actor, link, None, "person.link_reject")


def _move_off(actor: User, link: PersonLink, target: Person | None, action: str) -> PersonLink:
    before = str(link.person.public_id)
    link.status, link.decided_by, link.decided_at = PersonLink.Status.REJECTED, actor, clock.now()
    link.save(update_fields=["status", "decided_by", "decided_at"])
    report = link.report
    if target is None:
        target = _person_new(name=report.reported_name, agency=report.agency)
    elif _add_agency(target, report.agency):
        target.save(update_fields=["agencies"])
    moved = _link(report, target, PersonLink.Status.LINKED, PersonLink.Basis.STAFF, 1.0, actor)
    _audit_link(actor, action, moved, from_person=before, refused_link=link.pk)
    return moved


@audited
def person_split(
    *, actor: User, person_id: str, link_id: int, to_person_id: str | None = None
) -> PersonLink:
    """Move a wrongly matched report off ``person_id``: onto ``to_person_id`` (a person the
    actor may see) or, without one, onto a new person known by the report's name and agency
    (without the NIP: a NIP that matched someone else is not this person's). The old link
    stays as history, refused. Returns the new link."""
    require(actor, "person.manage")
    link = _link_for_update(actor, link_id)
    if str(link.person.public_id) != str(person_id) or link.status == PersonLink.Status.REJECTED:
        raise ApplicationError(NOT_LINKED)
    target = None
    if to_person_id:
        target = _person_for_update(actor, to_person_id)
        if target.pk == link.person_id:
            raise ApplicationError(SPLIT_SAME)
    return _move_off(actor, link, target, "person.split")


@audited
def person_merge(*, actor: User, person_id: str, into_id: str) -> Person:
    """Merge the record ``person_id`` into ``into_id`` (two records of one civil servant):
    every link moves, agencies are joined, a NIP known to one only is kept, and the merged
    record points at the other. Both must be visible to the actor; two different NIPs are
    refused (two valid NIPs are two people)."""
    require(actor, "person.manage")
    if str(person_id) == str(into_id):
        raise ApplicationError(MERGE_SELF)
    # Lock in id order so two merges of the same pair cannot deadlock.
    ids = {str(key): _visible_person_pk(actor, str(key)) for key in (person_id, into_id)}
    in_order = sorted(ids.items(), key=lambda kv: kv[1])
    locked = {pk: _person_for_update(actor, key) for key, pk in in_order}
    source, target = locked[ids[str(person_id)]], locked[ids[str(into_id)]]
    if source.nip and target.nip and source.nip != target.nip:
        raise ApplicationError(MERGE_NIP_CONFLICT)
    before = {"nip": target.nip, "agencies": list(target.agencies)}
    moved = PersonLink.objects.filter(person=source).update(person=target)
    fields = ["merged_into"]
    nip = source.nip
    if nip:
        source.nip = ""
        fields.append("nip")
    source.merged_into = target
    source.save(update_fields=fields)
    target_fields = []
    if nip and not target.nip:
        target.nip = nip
        target_fields.append("nip")
    for agency in source.agencies:
        if _add_agency(target, agency) and "agencies" not in target_fields:
            target_fields.append("agencies")
    if target_fields:
        target.save(update_fields=target_fields)
    audit_record(
        actor=actor,
        action="person.merge",
        obj=target,
        before=before,
        after={
            "merged": str(source.public_id),
            "nip": target.nip,
            "agencies": target.agencies,
            "links_moved": moved,
        },
    )
    return target


REBUILD_BATCH = 500


def persons_rebuild(*, batch: int = REBUILD_BATCH, limit: int | None = None) -> int:
    """Link every report that has no person yet (oldest first, ``batch`` per transaction);
    how many links were made. Safe to run again: a linked report is skipped."""
    made, last = 0, 0
    while limit is None or made < limit:
        unlinked = (
            Report.objects.filter(pk__gt=last)
            .exclude(
                pk__in=PersonLink.objects.exclude(status=PersonLink.Status.REJECTED).values(
                    "report_id"
                )
            )
            .order_by("pk")[:batch]
        )
        reports = list(unlinked)
        if not reports:
            break
        with transaction.atomic(), audit_deferred():
            for report in reports:
                if report_person_link(report=report) is not None:
                    made += 1
        last = reports[-1].pk
    return made
