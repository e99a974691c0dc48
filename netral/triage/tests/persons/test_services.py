"""Staff decisions on the person record (issue #12 item 4): confirming and rejecting a
proposed match, splitting a wrong match off and merging two records; each audited, refused
to the wrong role (403) and invisible outside the jurisdiction (404)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.triage.models import Person, PersonLink
from netral.triage.persons import (
    person_link_confirm,
    person_link_reject,
    person_merge,
    person_split,
)
from netral.triage.tests.persons.helpers import NIP, link_of, plain

pytestmark = pytest.mark.usefixtures("elections")
OTHER_NIP = "199001012015032002"


def _proposal() -> tuple[PersonLink, Person]:
    known = plain(reported_nip=NIP, reported_name="Ahmad Yani")
    guess = plain(reported_nip="", reported_name="H. Ahmad Yani, S.Pd", agency="Disdik Kota Bekasi")
    link = link_of(guess)
    assert link.status == "proposed"
    return link, link_of(known).person


def test_confirm_links_the_report_and_is_audited(make_user: Callable[..., User]) -> None:
    link, person = _proposal()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    confirmed = person_link_confirm(actor=staff, link_id=link.pk)
    assert confirmed.status == "linked" and confirmed.decided_by == staff
    person.refresh_from_db()
    assert "Disdik Kota Bekasi" in person.agencies
    entry = AuditEntry.objects.get(action="person.link_confirm")
    assert entry.actor_id == staff.pk and (entry.after or {})["person"] == str(person.public_id)
    with pytest.raises(ApplicationError):
        person_link_confirm(actor=staff, link_id=link.pk)  # decided already


def test_reject_makes_a_person_of_its_own_and_is_kept(make_user: Callable[..., User]) -> None:
    link, person = _proposal()
    staff = make_user(Role.BAWASLU_STAFF, "32")
    moved = person_link_reject(actor=staff, link_id=link.pk)
    link.refresh_from_db()
    assert link.status == "rejected" and moved.person_id != person.pk
    assert moved.status == "linked" and moved.basis == "staff"
    assert (AuditEntry.objects.get(action="person.link_reject").after or {})["from_person"] == str(
        person.public_id
    )


def test_wrong_role_and_wrong_region(make_user: Callable[..., User]) -> None:
    link, _ = _proposal()
    with pytest.raises(PermissionDenied):
        person_link_confirm(actor=make_user(Role.BKN_OFFICER), link_id=link.pk)
    with pytest.raises(NotFound):
        person_link_confirm(actor=make_user(Role.BAWASLU_STAFF, "11.71"), link_id=link.pk)
    link.refresh_from_db()
    assert link.status == "proposed"
    assert not AuditEntry.objects.filter(action__startswith="person.link_").exists()


def test_split_moves_a_report_off_and_keeps_the_history(make_user: Callable[..., User]) -> None:
    first = plain(reported_nip=NIP, reported_name="Ahmad Yani")
    wrong = plain(reported_nip=NIP, reported_name="Ahmad Yani")
    person, link = link_of(first).person, link_of(wrong)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    moved = person_split(actor=staff, person_id=str(person.public_id), link_id=link.pk)
    assert moved.person_id != person.pk and moved.person.nip == ""
    assert PersonLink.objects.get(pk=link.pk).status == "rejected"
    assert AuditEntry.objects.get(action="person.split").actor_id == staff.pk
    # Back onto the first person, named explicitly.
    again = person_split(
        actor=staff,
        person_id=str(moved.person.public_id),
        link_id=moved.pk,
        to_person_id=str(person.public_id),
    )
    assert again.person_id == person.pk
    with pytest.raises(NotFound):
        person_split(
            actor=make_user(Role.BAWASLU_STAFF, "11"),
            person_id=str(person.public_id),
            link_id=again.pk,
        )


def test_merge_moves_links_and_keeps_the_nip(make_user: Callable[..., User]) -> None:
    with_nip = link_of(plain(reported_nip=NIP, reported_name="Ahmad Yani")).person
    by_name = link_of(
        plain(reported_nip="", reported_name="Yani", agency="Kecamatan Bekasi Utara")
    ).person
    leader = make_user(Role.BAWASLU_LEADER, "32.75")
    merged = person_merge(
        actor=leader, person_id=str(with_nip.public_id), into_id=str(by_name.public_id)
    )
    with_nip.refresh_from_db()
    assert merged.nip == NIP and with_nip.nip == "" and with_nip.merged_into_id == merged.pk
    assert set(merged.agencies) == {"Kecamatan Bekasi Utara", "Dinas Pendidikan Kota Bekasi"}
    assert PersonLink.objects.filter(person=merged).count() == 2
    entry = AuditEntry.objects.get(action="person.merge")
    after = entry.after or {}
    assert after["merged"] == str(with_nip.public_id) and after["links_moved"] == 1
    with pytest.raises(NotFound):  # merged away
        person_merge(actor=leader, person_id=str(with_nip.public_id), into_id=str(merged.public_id))


def test_merge_refuses_two_nips_and_itself(make_user: Callable[..., User]) -> None:
    one = link_of(plain(reported_nip=NIP)).person
    two = link_of(plain(reported_nip=OTHER_NIP, reported_name="Siti Aminah")).person
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    with pytest.raises(ApplicationError):
        person_merge(actor=staff, person_id=str(one.public_id), into_id=str(two.public_id))
    with pytest.raises(ApplicationError):
        person_merge(actor=staff, person_id=str(one.public_id), into_id=str(one.public_id))
    with pytest.raises(PermissionDenied):
        person_merge(
            actor=make_user(Role.PPK_OFFICE, "32.75"),
            person_id=str(one.public_id),
            into_id=str(two.public_id),
        )
    assert not AuditEntry.objects.filter(action="person.merge").exists()
