"""The staff case page tells whether each reported civil servant pledged neutrality for the
case's election (prevention's ``case_sections`` handler), to those who may see the case."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from conftest import SignIn
from netral.cases.tests.factories import case_from_report
from netral.elections.models import Election
from netral.prevention.pledges import pledge_submit
from netral.prevention.pledges_selectors import case_reported_pledges

pytestmark = pytest.mark.usefixtures("elections")

PLEDGED_NIP = "198503172010011004"
OTHER_NIP = "199001012015032002"


def _pledge(nip: str, election_id: int) -> Any:
    return pledge_submit(
        nip=nip,
        name="Bambang Wijaya",
        agency="Dinas Pendidikan Kota Bekasi",
        region="32.75",
        election=election_id,
    ).pledge


def _page(client: Any, case_id: int) -> Any:
    return client.get(reverse("cases:case_detail", kwargs={"case_id": case_id}))


def test_case_page_shows_the_pledge_of_the_reported(sign_in: SignIn) -> None:
    case, _ = case_from_report(reported_nip=PLEDGED_NIP)
    pledge = _pledge(PLEDGED_NIP, case.election_id)
    client, _ = sign_in("bawaslu_staff", "32.75")
    body = _page(client, case.pk).content.decode()
    assert "Ikrar netralitas: sudah berikrar pada" in body
    assert pledge.number and pledge.number in body
    assert "**************1004" in body and PLEDGED_NIP not in body.split('id="ikrar"')[1]


def test_case_page_says_no_pledge_for_this_election(sign_in: SignIn) -> None:
    case, _ = case_from_report(reported_nip=OTHER_NIP, reported_name="Siti Aminah")
    other = Election.objects.exclude(pk=case.election_id).first()
    assert other is not None
    _pledge(OTHER_NIP, other.pk)  # pledged, but for another election
    client, _ = sign_in("bawaslu_staff", "32.75")
    body = _page(client, case.pk).content.decode()
    assert "Ikrar netralitas: tidak tercatat untuk pemilihan ini" in body
    assert "sudah berikrar" not in body


def test_case_page_without_a_nip_has_no_pledge_section(sign_in: SignIn) -> None:
    case, _ = case_from_report(reported_nip="")
    client, _ = sign_in("bawaslu_staff", "32.75")
    body = _page(client, case.pk).content.decode()
    assert _page(client, case.pk).status_code == 200
    assert 'id="ikrar"' not in body


def test_staff_outside_the_jurisdiction_see_nothing(sign_in: SignIn) -> None:
    case, _ = case_from_report(reported_nip=PLEDGED_NIP)
    _pledge(PLEDGED_NIP, case.election_id)
    client, _ = sign_in("bawaslu_staff", "11.71")
    response = _page(client, case.pk)
    body = response.content.decode()
    assert response.status_code in (403, 404)
    assert 'id="ikrar"' not in body and "sudah berikrar" not in body


def test_lookup_costs_two_queries_whatever_the_reports(
    django_assert_num_queries: Any,
) -> None:
    case, _ = case_from_report(reported_nip=PLEDGED_NIP)
    _pledge(PLEDGED_NIP, case.election_id)
    with django_assert_num_queries(2):
        rows = case_reported_pledges(case_id=case.pk, election_id=case.election_id)
    assert [row.pledge is not None for row in rows] == [True]
