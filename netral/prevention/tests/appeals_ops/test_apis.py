"""The appeals API for partner systems: a PPK office's token sees only the issued appeals
addressed to its region, with its own row, and acknowledges them; a Bawaslu token sees the
appeals of the offices it covers. Appeals are drafted and issued through the services."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.services import api_token_create
from netral.elections.models import Election
from netral.prevention.appeals import (
    appeal_acknowledge,
    appeal_draft_create,
    appeal_follow_up_record,
    appeal_issue,
)
from netral.prevention.models import Appeal, AppealRecipient

pytestmark = pytest.mark.usefixtures("elections")

URL = "/api/prevention/appeals"


def bearer(user: User) -> dict[str, str]:
    issued = api_token_create(actor=user, owner=user, name="sistem")
    return {"Authorization": f"Bearer {issued.raw}"}


def appeal(actor: User, regions: list[str], *, issue: bool = True) -> Appeal:
    office = actor.jurisdiction_id
    election = Election.objects.get(region_id=office or "32", cycle__code="pilkada-2024")
    draft = appeal_draft_create(
        actor=actor,
        election_id=election.pk,
        template_code="campaign",
        recipient_region_codes=regions,
    )
    return appeal_issue(actor=actor, appeal_id=draft.pk) if issue else draft


@pytest.fixture
def offices(make_user: Callable[..., User]) -> dict[str, User]:
    return {
        "jabar": make_user(Role.BAWASLU_STAFF, "32"),
        "bekasi": make_user(Role.BAWASLU_STAFF, "32.75"),
        "jateng": make_user(Role.BAWASLU_STAFF, "33"),
        "ri": make_user(Role.BAWASLU_LEADER),
    }


def test_a_ppk_office_sees_only_issued_appeals_addressed_to_it(
    offices: dict[str, User], make_user: Callable[..., User]
) -> None:
    to_bekasi = appeal(offices["jabar"], ["32", "32.75", "32.73"])
    own = appeal(offices["bekasi"], ["32.75"])
    appeal(offices["jabar"], ["32.73"])  # not to Bekasi
    appeal(offices["bekasi"], ["32.75"], issue=False)  # a draft
    appeal(offices["jateng"], ["33.74"])
    ppk = make_user(Role.PPK_OFFICE, "32.75")

    page = Client().get(URL, headers=bearer(ppk)).json()

    assert page["count"] == 2
    assert [a["id"] for a in page["results"]] == [own.pk, to_bekasi.pk]
    first = page["results"][1]
    assert first["status"] == "issued" and first["number"].startswith("NTR/")
    assert first["verify_url"] and first["acknowledge_due_at"] and first["follow_up_due_at"]
    assert first["legal_basis"][0].startswith("UU 20/2023")
    # Only its own addressee row, not the governor's nor Bandung's.
    [row] = first["recipients"]
    assert row["region"] == "32.75" and row["acknowledged"] is False
    assert row["addressee"] == "Wali Kota Bekasi" and row["follow_ups"] == []
    # The governor's office (the province's PPK) does not see the city's appeal.
    governor = make_user(Role.PPK_OFFICE, "32")
    listed = Client().get(URL, headers=bearer(governor)).json()
    assert [a["id"] for a in listed["results"]] == [to_bekasi.pk]
    assert [r["region"] for r in listed["results"][0]["recipients"]] == ["32"]


def test_bawaslu_sees_the_appeals_of_the_offices_it_covers(offices: dict[str, User]) -> None:
    provincial = appeal(offices["jabar"], ["32", "32.75"])
    city = appeal(offices["bekasi"], ["32.75"])
    draft = appeal(offices["bekasi"], ["32.75"], issue=False)
    other = appeal(offices["jateng"], ["33"])
    client = Client()

    jabar = client.get(URL, headers=bearer(offices["jabar"])).json()
    assert {a["id"] for a in jabar["results"]} == {provincial.pk, city.pk, draft.pk}
    listed = {a["id"]: a for a in jabar["results"]}
    assert [r["region"] for r in listed[provincial.pk]["recipients"]] == ["32", "32.75"]
    issued = client.get(URL, {"status": "issued"}, headers=bearer(offices["jabar"])).json()
    assert {a["id"] for a in issued["results"]} == {provincial.pk, city.pk}

    bekasi = client.get(URL, headers=bearer(offices["bekasi"])).json()
    assert {a["id"] for a in bekasi["results"]} == {city.pk, draft.pk}
    national = client.get(URL, headers=bearer(offices["ri"])).json()
    assert national["count"] == 4 and other.pk in {a["id"] for a in national["results"]}


def test_the_list_is_paged(offices: dict[str, User], make_user: Callable[..., User]) -> None:
    made = [appeal(offices["bekasi"], ["32.75"]) for _ in range(5)]
    headers = bearer(make_user(Role.PPK_OFFICE, "32.75"))
    client = Client()
    first = client.get(URL, {"limit": 2}, headers=headers).json()
    second = client.get(URL, {"limit": 2, "offset": 2}, headers=headers).json()
    last = client.get(URL, {"limit": 2, "offset": 4}, headers=headers).json()
    assert first["count"] == second["count"] == last["count"] == 5
    ids = [a["id"] for page in (first, second, last) for a in page["results"]]
    assert ids == [a.pk for a in reversed(made)]
    assert client.get(URL, {"limit": 101}, headers=headers).status_code == 422
    assert client.get(URL, {"offset": -1}, headers=headers).status_code == 422


def test_pending_keeps_the_appeals_still_waiting_for_an_answer(
    offices: dict[str, User], make_user: Callable[..., User]
) -> None:
    done, waiting = (appeal(offices["bekasi"], ["32.75"]) for _ in range(2))
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    row = AppealRecipient.objects.get(appeal=done)
    appeal_acknowledge(actor=ppk, recipient_id=row.pk, name="Dr. Ahmad", position="Sekda")
    appeal_follow_up_record(
        actor=ppk,
        recipient_id=row.pk,
        kind="briefing",
        date=timezone.localdate(row.appeal.issued_at) if row.appeal.issued_at else None,
        asn_reached=250,
    )
    client = Client()
    page = client.get(URL, {"pending": True}, headers=bearer(ppk)).json()
    assert [a["id"] for a in page["results"]] == [waiting.pk]
    everything = client.get(URL, headers=bearer(ppk)).json()
    answered = next(a for a in everything["results"] if a["id"] == done.pk)
    [mine] = answered["recipients"]
    assert mine["acknowledged"] and mine["acknowledger_name"] == "Dr. Ahmad"
    assert mine["followed_up_at"] is not None
    assert [(f["kind"], f["asn_reached"]) for f in mine["follow_ups"]] == [("briefing", 250)]


def _queries(client: Client, headers: dict[str, str]) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(URL, headers=headers).status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", [Role.PPK_OFFICE, Role.BAWASLU_STAFF])
def test_the_list_costs_the_same_queries_for_one_or_many_appeals(
    offices: dict[str, User], make_user: Callable[..., User], role: str
) -> None:
    viewer = make_user(role, "32.75")
    headers = bearer(viewer)
    client = Client()
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    first = appeal(offices["bekasi"], ["32.75"])
    row = AppealRecipient.objects.get(appeal=first)
    appeal_acknowledge(actor=ppk, recipient_id=row.pk, name="Dr. Ahmad", position="Sekda")
    _queries(client, headers)  # the token's first use is recorded once
    one = _queries(client, headers)
    for _ in range(6):
        made = appeal(offices["bekasi"], ["32.75"])
        recipient = AppealRecipient.objects.get(appeal=made)
        appeal_follow_up_record(
            actor=ppk,
            recipient_id=recipient.pk,
            kind="briefing",
            date=timezone.localdate(made.issued_at) if made.issued_at else None,
            asn_reached=10,
        )
    many = _queries(client, headers)
    assert many == one
    assert one <= 6  # token and user, count, page, addressee rows, follow-ups


def test_a_ppk_office_acknowledges_through_the_api(
    offices: dict[str, User], make_user: Callable[..., User]
) -> None:
    issued = appeal(offices["jabar"], ["32", "32.75"])
    ppk = make_user(Role.PPK_OFFICE, "32.75")
    headers = bearer(ppk)
    client = Client()
    url = f"{URL}/{issued.pk}/acknowledge"
    body = {"name": "Dr. Ahmad Fauzi", "position": "Sekretaris Daerah Kota Bekasi"}

    done = client.post(url, body, "application/json", headers=headers)

    assert done.status_code == 200, done.content
    [row] = done.json()["recipients"]
    assert row["acknowledged"] and row["acknowledger_name"] == "Dr. Ahmad Fauzi"
    assert row["acknowledger_position"] == "Sekretaris Daerah Kota Bekasi"
    stored = AppealRecipient.objects.get(appeal=issued, region_id="32.75")
    assert stored.acknowledged_by == ppk and stored.acknowledged_at is not None
    # The governor's row is untouched.
    assert AppealRecipient.objects.get(appeal=issued, region_id="32").acknowledged_at is None

    again = client.post(url, {**body, "name": "Orang Lain"}, "application/json", headers=headers)
    assert again.status_code == 409
    assert "Dr. Ahmad Fauzi" in again.json()["detail"]
    stored.refresh_from_db()
    assert stored.acknowledger_name == "Dr. Ahmad Fauzi"


def test_acknowledgement_refusals(offices: dict[str, User], make_user: Callable[..., User]) -> None:
    issued = appeal(offices["jabar"], ["32.73"])
    draft = appeal(offices["bekasi"], ["32.75"], issue=False)
    mine = appeal(offices["bekasi"], ["32.75"])
    client = Client()
    ppk = bearer(make_user(Role.PPK_OFFICE, "32.75"))
    body = {"name": "Dr. Ahmad", "position": "Sekda"}

    def post(appeal_id: int, payload: Any, headers: dict[str, str]) -> Any:
        url = f"{URL}/{appeal_id}/acknowledge"
        return client.post(url, payload, "application/json", headers=headers)

    # Not addressed to it, a draft, or no such appeal: all "not found".
    for appeal_id in (issued.pk, draft.pk, 987654321):
        refused = post(appeal_id, body, ppk)
        assert refused.status_code == 404 and refused.json()["detail"]
    # Wrong role: Bawaslu issues, it does not acknowledge.
    staff = post(mine.pk, body, bearer(offices["bekasi"]))
    assert staff.status_code == 403 and staff.json()["detail"]
    # Bad input, with the field at fault.
    blank = post(mine.pk, {"name": "  ", "position": "Sekda"}, ppk)
    assert blank.status_code == 400 and blank.json()["field"] == "name"
    long = post(mine.pk, {"name": "A" * 300, "position": "Sekda"}, ppk)
    assert long.status_code == 400 and long.json()["field"] == "name"
    missing = post(mine.pk, {"name": "Dr. Ahmad"}, ppk)
    assert missing.status_code == 422 and "position" in missing.json()["detail"]
    not_json = client.post(f"{URL}/{mine.pk}/acknowledge", "{nope", "application/json", headers=ppk)
    assert not_json.status_code == 400 and not_json.json()["detail"]
    assert AppealRecipient.objects.get(appeal=mine).acknowledged_at is None
    # Without a token.
    assert client.get(URL).status_code == 401
    assert post(mine.pk, body, {}).status_code == 401


def test_roles_without_appeals_are_refused(make_user: Callable[..., User]) -> None:
    headers = bearer(make_user(Role.BKN_OFFICER))
    refused = Client().get(URL, headers=headers)
    assert refused.status_code == 403 and refused.json()["detail"]
