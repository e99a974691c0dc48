"""Appeal reads: scoping (offices covered; a PPK office only its own region, exactly), the
list's counts in one query, the per-region overview with the silent regions first."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.utils import timezone

from netral.accounts.models import User
from netral.elections.models import Election
from netral.prevention import appeals as services
from netral.prevention import appeals_selectors as selectors
from netral.prevention.models import Appeal, AppealRecipient

pytestmark = pytest.mark.django_db

MakeAppeal = Callable[..., Appeal]
REGIONS = ("32", "32.01", "32.73", "32.75")


def _ack(ppk: User, appeal: Appeal, region: str) -> None:
    recipient = AppealRecipient.objects.get(appeal=appeal, region_id=region)
    services.appeal_acknowledge(actor=ppk, recipient_id=recipient.pk, name="A", position="B")


def test_office_list_counts_in_one_query(
    make_appeal: MakeAppeal,
    jabar_office: User,
    jabar_election: Election,
    make_user: Callable[..., User],
    django_assert_num_queries: Any,
) -> None:
    for _ in range(3):
        appeal = make_appeal(jabar_office, election=jabar_election, regions=REGIONS, issue=True)
    _ack(make_user("ppk", "32.75"), appeal, "32.75")
    make_appeal()  # a Kota Bekasi draft: covered by the provincial office too
    later = timezone.now() + datetime.timedelta(days=40)
    with django_assert_num_queries(1):
        rows: list[Any] = list(selectors.appeal_office_list(actor=jabar_office, now=later))
    assert len(rows) == 4
    draft, newest = rows[0], rows[1]
    assert draft.status == Appeal.Status.DRAFT and draft.n_recipients == 1
    assert (newest.n_recipients, newest.n_acknowledged, newest.n_silent) == (4, 1, 3)
    assert newest.n_overdue == 3  # 40 days later, three never acknowledged
    silent = selectors.appeal_office_list(actor=jabar_office, silent_only=True)
    assert {a.status for a in silent} == {Appeal.Status.ISSUED}


def test_offices_see_what_they_cover(
    make_appeal: MakeAppeal,
    jabar_office: User,
    bekasi_office: User,
    jabar_election: Election,
    make_user: Callable[..., User],
) -> None:
    provincial = make_appeal(jabar_office, election=jabar_election, regions=("32.75",))
    city = make_appeal()
    assert set(selectors.appeal_list_for(actor=jabar_office)) == {provincial, city}
    assert set(selectors.appeal_list_for(actor=bekasi_office)) == {city}
    assert set(selectors.appeal_list_for(actor=make_user("bawaslu_staff", "32.73"))) == set()
    assert set(selectors.appeal_list_for(actor=make_user("bawaslu_leader"))) == {provincial, city}
    assert not selectors.appeal_list_for(actor=make_user("bkn")).exists()


def test_ppk_sees_only_issued_appeals_addressed_to_its_region(
    make_appeal: MakeAppeal,
    jabar_office: User,
    jabar_election: Election,
    bekasi_ppk: User,
    make_user: Callable[..., User],
) -> None:
    to_bekasi = make_appeal(issue=True)
    to_bogor = make_appeal(jabar_office, election=jabar_election, regions=("32.01",), issue=True)
    make_appeal()  # a draft to Kota Bekasi: not delivered yet
    assert list(selectors.appeal_list_for(actor=bekasi_ppk)) == [to_bekasi]
    assert [r.appeal for r in selectors.appeal_ppk_desk(actor=bekasi_ppk)] == [to_bekasi]
    governor = make_user("ppk", "32")
    assert not selectors.appeal_list_for(actor=governor).exists()
    with pytest.raises(services.NotFound):
        selectors.appeal_get_for(actor=bekasi_ppk, appeal_id=to_bogor.pk)


def test_region_overview_puts_silent_regions_first(
    make_appeal: MakeAppeal,
    jabar_office: User,
    jabar_election: Election,
    make_user: Callable[..., User],
    django_assert_num_queries: Any,
) -> None:
    first = make_appeal(jabar_office, election=jabar_election, regions=REGIONS, issue=True)
    second = make_appeal(jabar_office, election=jabar_election, regions=REGIONS, issue=True)
    for region in ("32", "32.75"):
        ppk = make_user("ppk", region)
        _ack(ppk, first, region)
        _ack(ppk, second, region)
    _ack(make_user("ppk", "32.01"), first, "32.01")
    with django_assert_num_queries(1):
        rows = selectors.appeal_region_overview(actor=jabar_office)
    by_code = {r.region_code: r for r in rows}
    assert [r.region_code for r in rows][:2] == ["32.73", "32.01"]
    assert (by_code["32.73"].appeals, by_code["32.73"].silent) == (2, 2)
    assert (by_code["32.01"].acknowledged, by_code["32.01"].silent) == (1, 1)
    assert by_code["32.75"].silent == 0
    # A regency office sees its own appeals only: none here.
    assert selectors.appeal_region_overview(actor=make_user("bawaslu_staff", "32.75")) == []
