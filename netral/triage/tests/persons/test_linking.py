"""Linking reports to persons (issue #12 item 4): exact NIP links, fuzzy proposals by name
and agency with titles ignored, a new person otherwise, and the idempotent rebuild."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from netral.audit.models import AuditEntry
from netral.reports.models import Report
from netral.triage.models import Person, PersonLink
from netral.triage.person_names import name_key, name_similarity
from netral.triage.persons import report_person_link
from netral.triage.tests.persons.helpers import NIP, link_of, plain, report_of

pytestmark = pytest.mark.usefixtures("elections")


def test_a_valid_nip_links_exactly_to_one_person() -> None:
    first = plain(reported_nip=NIP, reported_name="Bambang Wijaya")
    second = plain(reported_nip=NIP, reported_name="B. Wijaya, S.Pd", agency="Disdik Kota Bekasi")
    a, b = link_of(first), link_of(second)
    assert a.person_id == b.person_id
    assert (a.status, a.basis, b.status, b.basis) == ("linked", "nip", "linked", "nip")
    person = a.person
    person.refresh_from_db()
    assert person.nip == NIP
    assert person.agencies == ["Dinas Pendidikan Kota Bekasi", "Disdik Kota Bekasi"]
    assert AuditEntry.objects.filter(action="person.link", object_id=str(b.pk)).exists()


def test_an_invalid_nip_is_not_an_identity() -> None:
    # The form refuses such a NIP; an imported finding may still carry one. Birth month 13.
    plain(reported_nip=NIP, reported_name="Bambang Wijaya")
    case = plain(reported_nip="", reported_name="Siti Aminah", agency="Kecamatan Bekasi Timur")
    report = report_of(case)
    PersonLink.objects.filter(report=report).delete()
    Report.objects.filter(pk=report.pk).update(reported_nip="198513172010011004")
    report.refresh_from_db()
    link = report_person_link(report=report)
    # Not the NIP's owner: only the earlier record of the same name and agency, proposed.
    assert link is not None and link.person.nip == "" and link.basis == "name_agency"
    assert report_person_link(report=report) is None  # already linked


def test_titles_are_ignored_and_a_likely_match_is_only_proposed() -> None:
    known = plain(
        reported_nip=NIP, reported_name="Ahmad Yani", agency="Dinas Pendidikan Kota Bekasi"
    )
    guess = plain(
        reported_nip="",
        reported_name="Drs. H. Achmad Yani, M.Si",
        agency="Disdik Kota Bekasi",
    )
    link = link_of(guess)
    assert link.status == "proposed" and link.basis == "name_agency"
    assert link.person_id == link_of(known).person_id
    assert 0.85 <= link.score < 1
    assert AuditEntry.objects.filter(action="person.propose", object_id=str(link.pk)).exists()


def test_another_agency_or_another_name_is_a_new_person() -> None:
    plain(reported_nip=NIP, reported_name="Ahmad Yani", agency="Dinas Pendidikan Kota Bekasi")
    elsewhere = plain(
        reported_nip="", reported_name="Ahmad Yani", agency="Dinas Kesehatan Kota Bogor"
    )
    other = plain(
        reported_nip="", reported_name="Ahmad Fauzi", agency="Dinas Pendidikan Kota Bekasi"
    )
    for case in (elsewhere, other):
        assert (link_of(case).status, link_of(case).basis) == ("linked", "new")
    assert Person.objects.count() == 3


def test_name_normalisation() -> None:
    assert name_key("Drs. H. Ahmad Yani, S.Pd., M.Si") == name_key("yani AHMAD")
    assert name_key("Hj. Siti Aminah S.Pd") == "aminah siti"
    assert name_similarity("M. Ridwan", "Muhammad Ridwan") < 0.85  # an initial is not enough
    assert name_similarity("x" * 10_000, "y") == 0.0  # bounded input


def test_rebuild_links_existing_reports_once() -> None:
    plain(reported_nip=NIP)
    plain(reported_nip="", reported_name="Rudi Hartono", agency="Kelurahan Margahayu")
    PersonLink.objects.all().delete()
    Person.objects.all().delete()
    call_command("persons_rebuild", "--batch", "1")
    assert PersonLink.objects.count() == Report.objects.count() == 2
    call_command("persons_rebuild")
    assert PersonLink.objects.count() == 2 and Person.objects.count() == 2
