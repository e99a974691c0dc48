"""Fixtures for the appeals tests: Bawaslu offices at three levels, PPK offices, elections."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from netral.accounts.models import User
from netral.elections.models import Election
from netral.prevention import appeals as services
from netral.prevention.models import Appeal

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def bekasi_election(elections: None) -> Election:
    return Election.objects.get(region_id="32.75", office=Election.Office.WALIKOTA)


@pytest.fixture
def jabar_election(elections: None) -> Election:
    return Election.objects.get(region_id="32", office=Election.Office.GUBERNUR)


@pytest.fixture
def bekasi_office(make_user: Callable[..., User]) -> User:
    return make_user("bawaslu_staff", "32.75", email="bawaslu.bekasi@example.org")


@pytest.fixture
def jabar_office(make_user: Callable[..., User]) -> User:
    return make_user("bawaslu_staff", "32")


@pytest.fixture
def bekasi_ppk(make_user: Callable[..., User]) -> User:
    return make_user("ppk", "32.75", email="bkpsdm@bekasikota.example.org")


@pytest.fixture
def make_appeal(bekasi_office: User, bekasi_election: Election) -> Callable[..., Appeal]:
    def make(
        actor: User | None = None,
        *,
        election: Election | None = None,
        regions: tuple[str, ...] = ("32.75",),
        template: str = "campaign",
        issue: bool = False,
    ) -> Appeal:
        who = actor or bekasi_office
        appeal = services.appeal_draft_create(
            actor=who,
            election_id=(election or bekasi_election).pk,
            template_code=template,
            recipient_region_codes=list(regions),
        )
        if issue:
            appeal = services.appeal_issue(actor=who, appeal_id=appeal.pk)
        return appeal

    return make


def only(items: Any) -> Any:
    (item,) = items
    return item
