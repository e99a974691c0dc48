"""The person record for the demo data set (``netral.demo.data``): every demo report linked to
its reported civil servant, as the ``report_submitted`` hook links live reports.

The demo inserts its reports in bulk, past the hook, so the persons are inserted in bulk too
(one person per valid NIP, one per report without one; no fuzzy proposals, no audit entries:
they are synthetic). The live path, ``triage.persons.persons_rebuild``, audits every link and
takes about 20 ms a report, two minutes for the demo's 6,000. ``demo_persons_delete`` removes
the persons no report points at any more.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef
from django.utils import timezone

from netral.common import clock
from netral.common.identifiers import nip_parse
from netral.reports.models import Report
from netral.triage.models import Person, PersonLink
from netral.triage.person_names import name_key

BATCH = 1000


def _valid_nip(report: Report) -> str:
    try:
        return nip_parse(
            report.reported_nip.strip(), today=timezone.localdate(report.submitted_at)
        ).nip
    except ValueError:
        return ""


def demo_persons_load() -> int:
    """Link the demo reports without a person; returns how many persons were made."""
    now = clock.now()
    linked = PersonLink.objects.exclude(status=PersonLink.Status.REJECTED).values("report_id")
    reports = Report.objects.exclude(pk__in=linked).order_by("submitted_at", "pk")
    known = dict(Person.objects.exclude(nip="").values_list("nip", "pk"))
    persons: dict[str, Person] = {}  # key: NIP, or "report:<id>" for a report without one
    planned: list[tuple[Report, str, str]] = []  # report, person key, basis
    for report in reports.only("pk", "reported_nip", "reported_name", "agency", "submitted_at"):
        nip = _valid_nip(report) if report.reported_nip else ""
        key = nip or f"report:{report.pk}"
        if not nip and not name_key(report.reported_name):
            continue
        if key not in persons and nip not in known:
            persons[key] = Person(
                nip=nip,
                name=report.reported_name.strip()[:200],
                name_key=name_key(report.reported_name)[:200],
                agencies=[],
                created_at=now,
            )
        person = persons.get(key)
        agency = report.agency.strip()
        if (
            person is not None
            and agency
            and agency.casefold() not in map(str.casefold, person.agencies)
        ):
            person.agencies.append(agency)
        planned.append((report, key, PersonLink.Basis.NIP if nip else PersonLink.Basis.NEW))
    Person.objects.bulk_create(persons.values(), batch_size=BATCH)
    ids = {key: person.pk for key, person in persons.items()} | known
    PersonLink.objects.bulk_create(
        (
            PersonLink(
                report=report,
                person_id=ids[key],
                status=PersonLink.Status.LINKED,
                basis=basis,
                score=1.0,
                created_at=now,
            )
            for report, key, basis in planned
        ),
        batch_size=BATCH,
    )
    return len(persons)


def demo_persons_delete() -> int:
    """Delete the persons no report points at any more (after the demo reports went)."""
    orphans = Person.objects.exclude(Exists(PersonLink.objects.filter(person=OuterRef("pk"))))
    # A merged person points at the one it went into: clear those pointers first.
    Person.objects.filter(merged_into__in=orphans).update(merged_into=None)
    deleted, _ = orphans.delete()
    return deleted
