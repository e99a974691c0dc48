"""The person page, search, and the repeat-offender flags on the case page and in the inbox
(issue #12 item 4), scoped by jurisdiction, with constant query counts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import SignIn
from netral.accounts.models import Role, User
from netral.cases.models import Verdict
from netral.followup.tests.factories import decided_case
from netral.triage.persons_selectors import (
    person_history_for,
    person_search,
    repeat_offender_counts,
)
from netral.triage.tests.persons.helpers import NIP, offence, person_of, plain

pytestmark = pytest.mark.usefixtures("elections")


def _page(client: Any, person: Any) -> Any:
    return client.get(
        reverse("triage_persons:person_detail", kwargs={"public_id": person.public_id})
    )


def test_a_province_sees_only_its_own_cases_and_another_gets_404(sign_in: SignIn) -> None:
    bekasi = plain(reported_nip=NIP, chronology="Unggahan kampanye di Bekasi oleh terlapor.")
    plain(reported_nip=NIP, region="11.71", chronology="Rapat pemenangan di Banda Aceh.")
    person = person_of(bekasi)
    jabar, _ = sign_in(Role.BAWASLU_STAFF, "32")
    body = _page(jabar, person).content.decode()
    assert "Dinas Pendidikan Kota Bekasi" in body and "Kota Banda Aceh" not in body
    assert body.count("history--report") == 1
    papua, _ = sign_in(Role.BAWASLU_STAFF, "94")
    assert _page(papua, person).status_code == 404
    national, _ = sign_in(Role.BAWASLU_STAFF)
    assert _page(national, person).content.decode().count("history--report") == 2
    ppk, _ = sign_in(Role.PPK_OFFICE, "32.75")
    assert _page(ppk, person).status_code == 403


def test_history_lists_verdicts_recommendations_newest_first(
    make_user: Callable[..., User],
) -> None:
    first = offence(make_user, reported_nip=NIP)
    second = offence(make_user, reported_nip=NIP)
    actor = make_user(Role.BAWASLU_STAFF, "32.75")
    history = person_history_for(actor=actor, public_id=str(person_of(first).public_id))
    kinds = [e.kind for e in history.entries]
    assert kinds.count("report") == 2 and kinds.count("decision") == 2
    assert kinds.count("recommendation") == 2
    assert [e.at for e in history.entries] == sorted((e.at for e in history.entries), reverse=True)
    assert {c.pk for c in history.cases} == {first.pk, second.pk}
    assert history.repeat_offender and history.offence_cases == 2


def test_no_violation_does_not_make_a_repeat_offender(make_user: Callable[..., User]) -> None:
    offence(make_user, reported_nip=NIP)
    cleared = decided_case(make_user, verdicts=[Verdict.NO_VIOLATION], reported_nip=NIP)
    actor = make_user(Role.BAWASLU_STAFF, "32.75")
    history = person_history_for(actor=actor, public_id=str(person_of(cleared).public_id))
    assert not history.repeat_offender and history.offence_cases == 0


def test_case_page_and_inbox_flag_a_repeat_offender(
    sign_in: SignIn, make_user: Callable[..., User]
) -> None:
    offence(make_user, reported_nip=NIP)
    latest = offence(make_user, reported_nip=NIP)
    once = offence(make_user, reported_nip="199001012015032002", reported_name="Siti Aminah")
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    page = client.get(reverse("cases:case_detail", kwargs={"case_id": latest.pk})).content.decode()
    assert 'id="orang-terlapor"' in page and "Pelanggar berulang: pelanggaran di 2 kasus" in page
    single = client.get(reverse("cases:case_detail", kwargs={"case_id": once.pk})).content
    assert "Pelanggar berulang" not in single.decode()
    inbox = client.get(reverse("cases:case_list"), {"status": "decided"}).content.decode()
    assert inbox.count(">Pelanggar berulang</a>") == 2  # both cases of the repeat offender


def test_inbox_flags_cost_constant_queries(sign_in: SignIn, make_user: Callable[..., User]) -> None:
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    offence(make_user, reported_nip=NIP)
    offence(make_user, reported_nip=NIP)
    url = reverse("cases:case_list")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(3):
        plain(reported_nip="", reported_name=f"Pegawai Nomor{i}", agency="Kelurahan Duren Jaya")
    with CaptureQueriesContext(connection) as more:
        client.get(url)
    assert len(more) == len(few)


def test_person_page_and_search_queries_do_not_grow(
    make_user: Callable[..., User], django_assert_num_queries: Any
) -> None:
    offence(make_user, reported_nip=NIP)
    person = person_of(offence(make_user, reported_nip=NIP))
    actor = make_user(Role.BAWASLU_STAFF, "32.75")
    with django_assert_num_queries(4):
        person_history_for(actor=actor, public_id=str(person.public_id))
    with django_assert_num_queries(2):
        rows = person_search(actor=actor, q="drs bambang")
    assert [r.person.pk for r in rows] == [person.pk] and rows[0].offence_cases == 2
    plain(reported_nip=NIP)
    with django_assert_num_queries(4):
        person_history_for(actor=actor, public_id=str(person.public_id))
    with django_assert_num_queries(2):
        assert [r.reports for r in person_search(actor=actor, q=NIP[:10])] == [3]


def test_search_page_by_nip_and_name(sign_in: SignIn) -> None:
    plain(reported_nip=NIP, reported_name="Drs. Bambang Wijaya")
    plain(reported_nip="", reported_name="Siti Aminah", agency="Kelurahan Margahayu")
    client, _ = sign_in(Role.BAWASLU_STAFF, "32.75")
    url = reverse("triage_persons:person_list")
    assert "Bambang Wijaya" in client.get(url, {"q": "1985 0317 2010"}).content.decode()
    by_name = client.get(url, {"q": "Hj. siti aminah, S.Pd"}).content.decode()
    assert "Siti Aminah" in by_name and "Bambang" not in by_name
    outside, _ = sign_in(Role.BAWASLU_STAFF, "11")
    assert "Bambang" not in outside.get(url, {"q": NIP}).content.decode()


def test_repeat_offender_counts_per_agency_and_region(make_user: Callable[..., User]) -> None:
    offence(make_user, reported_nip=NIP)
    offence(make_user, reported_nip=NIP, agency="Disdik Kota Bekasi")
    offence(make_user, reported_nip="199001012015032002", reported_name="Siti Aminah")
    jabar = make_user(Role.BAWASLU_STAFF, "32")
    counts = repeat_offender_counts(actor=jabar)
    assert counts.total == 1
    assert [(r.label, r.count) for r in counts.by_region] == [("Kota Bekasi", 1)]
    assert [r.count for r in counts.by_agency] == [1]  # the two spellings are one agency
    assert repeat_offender_counts(actor=jabar, region="32.01").total == 0
    aceh = make_user(Role.BAWASLU_STAFF, "11")
    assert repeat_offender_counts(actor=aceh).total == 0
