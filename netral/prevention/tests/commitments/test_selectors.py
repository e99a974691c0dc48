"""Reads for pacts, meetings, commitments and activities: jurisdiction scoping per role, the
meeting list's figures, the dashboard counts of prevention activities, and query counts that
do not grow with the number of rows."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netral.accounts.models import Role, User
from netral.prevention import commitments as services
from netral.prevention import commitments_selectors as selectors
from netral.prevention.models import ActivityKind, CommitmentStatus
from netral.prevention.tests.commitments.factories import commitment, meeting
from netral.regions.models import Region

pytestmark = pytest.mark.usefixtures("regions")
MakeUser = Callable[..., User]
SignIn = Callable[..., tuple[Client, User]]


def _activity(actor: User, office: str | None, kind: str, reach: int) -> None:
    services.activity_record(
        actor=actor,
        office_region=office,
        kind=kind,
        held_on=datetime.date(2024, 10, 1),
        place="Balai kota",
        audience="ASN",
        reach=reach,
    )


def test_prevention_activity_counts_per_kind_and_reach_scoped(make_user: MakeUser) -> None:
    ri = make_user(Role.BAWASLU_LEADER, None)
    _activity(ri, "32.75", ActivityKind.SOCIALISATION, 100)
    _activity(ri, "32.75", ActivityKind.SOCIALISATION, 50)
    _activity(ri, "32", ActivityKind.SOCIAL_MEDIA_PATROL, 0)
    _activity(ri, "33.74", ActivityKind.FIELD_PATROL, 30)
    _activity(ri, "", ActivityKind.SOCIALISATION, 500)  # Bawaslu RI's own
    meeting(ri, office="32.75")  # a coordination meeting of 17 people counts too

    national = selectors.prevention_activity_counts(actor=ri)
    assert national["total"] == 6 and national["reach"] == 697
    assert national["by_kind"] == {
        "socialisation": 3,
        "field_patrol": 1,
        "social_patrol": 1,
        "coordination": 1,
    }
    west_java = selectors.prevention_activity_counts(actor=ri, region="32")
    assert west_java["total"] == 4 and west_java["reach"] == 167
    assert west_java["reach_by_kind"]["coordination"] == 17

    bekasi = make_user(Role.BAWASLU_STAFF, "32.75")
    own = selectors.prevention_activity_counts(actor=bekasi)
    assert own["total"] == 3 and own["by_kind"]["field_patrol"] == 0  # zeros kept
    outside = selectors.prevention_activity_counts(
        actor=bekasi, region=Region.objects.get(code="33.74")
    )
    assert outside["total"] == 0 and outside["reach"] == 0
    admin = selectors.prevention_activity_counts(actor=make_user(Role.ADMIN, None))
    assert admin["total"] == 6  # dashboard viewers get the aggregates
    assert selectors.prevention_activity_counts(actor=make_user(Role.KPU, "32.75"))["total"] == 0


def test_prevention_activity_counts_is_one_query(
    make_user: MakeUser, django_assert_num_queries: Any
) -> None:
    ri = make_user(Role.BAWASLU_LEADER, None)
    for n in range(5):
        _activity(ri, "32.75", ActivityKind.FIELD_PATROL, n)
    with django_assert_num_queries(1):
        selectors.prevention_activity_counts(actor=ri, region="32")


def test_meeting_list_figures_do_not_multiply(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    held = meeting(staff, participants=[("Pemkot Bekasi", 10), ("Polres", 3), ("Kodim", 2)])
    commitment(staff, held, due_on=datetime.date(2024, 10, 1))
    commitment(staff, held, due_on=datetime.date(2024, 12, 1))
    done = commitment(staff, held, due_on=datetime.date(2024, 10, 1))
    services.commitment_status_update(actor=staff, commitment_id=done.pk, status="done")
    [row] = selectors.meeting_list(actor=staff, today=datetime.date(2024, 11, 10))
    names = ("people_total", "commitment_count", "pending_count", "overdue_count")
    assert [getattr(row, name) for name in names] == [15, 3, 2, 1]
    overdue = selectors.meeting_list(
        actor=staff, overdue_only=True, today=datetime.date(2024, 9, 30)
    )
    assert list(overdue) == []


def test_scoping_per_role(make_user: MakeUser) -> None:
    province = make_user(Role.BAWASLU_STAFF, "32")
    provincial = meeting(province, office="32")
    own = commitment(province, provincial, owner="32.75")
    theirs = commitment(province, provincial, owner="32.73")
    bekasi = make_user(Role.BAWASLU_STAFF, "32.75")
    assert list(selectors.meeting_list_for(actor=bekasi)) == []  # the province's meeting
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    assert list(selectors.commitment_list_for(actor=ppk)) == [own]
    assert list(selectors.meeting_list_for(actor=ppk)) == [provincial]
    assert selectors.meeting_commitments(actor=ppk, meeting=provincial) == [own]
    assert set(selectors.commitment_list_for(actor=province)) == {own, theirs}
    assert list(selectors.commitment_list_for(actor=make_user(Role.KPU, "32"))) == []
    assert list(selectors.commitment_list_for(actor=make_user(Role.PPK_OFFICE, "32"))) == []


def test_commitment_desk_puts_pending_first_and_filters_overdue(make_user: MakeUser) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    held = meeting(staff)
    early = commitment(staff, held, due_on=datetime.date(2024, 9, 20))
    services.commitment_status_update(
        actor=staff, commitment_id=early.pk, status=CommitmentStatus.DONE
    )
    late = commitment(staff, held, due_on=datetime.date(2024, 10, 5))
    future = commitment(staff, held, due_on=datetime.date(2024, 12, 5))
    today = datetime.date(2024, 11, 10)
    assert list(selectors.commitment_desk(actor=staff, today=today)) == [late, future, early]
    assert list(selectors.commitment_desk(actor=staff, today=today, overdue_only=True)) == [late]
    counts = selectors.commitment_counts(actor=staff, today=today)
    assert counts == {"total": 3, "overdue": 1, "open": 2, "in_progress": 0, "done": 1,
                      "not_done": 0}  # fmt: skip


@pytest.mark.parametrize(
    "name",
    [
        "commitments:pact_list",
        "commitments:meeting_list",
        "commitments:commitment_list",
        "commitments:activity_list",
    ],
)
def test_list_pages_query_count_does_not_grow_with_rows(
    sign_in: SignIn, django_assert_max_num_queries: Any, name: str
) -> None:
    client, staff = sign_in(Role.BAWASLU_STAFF, "32")

    def add(n: int) -> None:
        for i in range(n):
            held = meeting(staff, office="32.75", title=f"Rapat {i}")
            commitment(staff, held, owner="32.75")
            services.pact_record(
                actor=staff,
                region="32.75",
                signatory_name=f"Penanda {i}",
                signatory_position="Wali Kota Bekasi",
                signed_on=datetime.date(2022, 9, 27),
                occasion="Penandatanganan nasional",
            )

    add(2)
    url = reverse(name)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(10)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200
