"""Accepting a suggestion reaches everything that depends on the field: the case takes the
accepted violation type (while it is handled and still has the report's old one), and a
filled NIP moves the report onto the person with that NIP."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases.models import Case, Status
from netral.reports.models import Report
from netral.triage import suggestions
from netral.triage.models import Person, PersonLink
from netral.triage.tests.suggestions.conftest import CHRONOLOGY, NIP

pytestmark = pytest.mark.django_db
TYPE = "kegiatan_keberpihakan"


def test_accepting_the_type_gives_the_case_the_type_too(
    make_user: Callable[..., User], new_report: Report
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    suggestions.suggestion_accept(
        actor=staff, report_public_id=str(new_report.public_id), kind="violation_type", value=TYPE
    )
    case = Case.objects.get(reports=new_report)
    assert case.violation_type == TYPE
    entry = AuditEntry.objects.get(action="case.violation_type_follow")
    assert entry.object_id == str(case.pk) and entry.actor == staff


def test_a_decided_case_keeps_its_type(make_user: Callable[..., User], new_report: Report) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    Case.objects.filter(reports=new_report).update(status=Status.DECIDED)
    suggestions.suggestion_accept(
        actor=staff, report_public_id=str(new_report.public_id), kind="violation_type", value=TYPE
    )
    new_report.refresh_from_db()
    assert new_report.violation_type == TYPE
    assert Case.objects.get(reports=new_report).violation_type == ""


def test_a_type_set_on_the_case_itself_is_kept(
    make_user: Callable[..., User], new_report: Report
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    Case.objects.filter(reports=new_report).update(violation_type="pelibatan_asn_kampanye")
    suggestions.suggestion_accept(
        actor=staff, report_public_id=str(new_report.public_id), kind="violation_type", value=TYPE
    )
    assert Case.objects.get(reports=new_report).violation_type == "pelibatan_asn_kampanye"


def test_a_filled_nip_moves_the_report_onto_that_persons_record(
    make_user: Callable[..., User], new_report: Report, submit_report: Any
) -> None:
    # An earlier report about the same camat, with the NIP: that person exists.
    earlier = submit_report(
        chronology=CHRONOLOGY, reported_nip=NIP, reported_name="Bambang Wijaya", agency="Dinsos"
    )
    known = PersonLink.objects.get(report=earlier).person
    first = PersonLink.objects.get(report=new_report)
    assert first.person_id != known.pk  # linked by name to a person of its own
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    suggestions.suggestion_accept(
        actor=staff, report_public_id=str(new_report.public_id), kind="nip", value=NIP
    )
    active = PersonLink.objects.exclude(status=PersonLink.Status.REJECTED).get(report=new_report)
    assert active.person_id == known.pk
    assert (active.status, active.basis) == (PersonLink.Status.LINKED, PersonLink.Basis.NIP)
    first.refresh_from_db()
    assert first.status == PersonLink.Status.REJECTED  # kept as history
    assert "Kecamatan Bekasi Timur" in Person.objects.get(pk=known.pk).agencies
    entry = AuditEntry.objects.get(action="person.relink_nip")
    assert entry.actor == staff


def test_a_nip_filled_for_a_new_person_gives_that_person_the_nip(
    make_user: Callable[..., User], new_report: Report
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    suggestions.suggestion_accept(
        actor=staff, report_public_id=str(new_report.public_id), kind="nip", value=NIP
    )
    active = PersonLink.objects.exclude(status=PersonLink.Status.REJECTED).get(report=new_report)
    assert active.person.nip == NIP and active.basis == PersonLink.Basis.NIP
