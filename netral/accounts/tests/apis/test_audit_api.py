from collections.abc import Callable

import pytest
from django.test import Client

from netral.accounts.models import Role, User
from netral.accounts.services import api_token_create
from netral.audit.services import audit_record
from netral.audit.tests.tampering import tamper_update

pytestmark = pytest.mark.usefixtures("regions")


def get(client: Client, user: User, path: str) -> tuple[int, dict]:
    raw = api_token_create(actor=user, owner=user, name="t").raw
    response = client.get(path, headers={"Authorization": f"Bearer {raw}"})
    return response.status_code, response.json()


def test_admin_verifies_the_chain(client: Client, make_user: Callable[..., User]) -> None:
    admin = make_user(Role.ADMIN)
    entry = audit_record(actor=None, action="x", object_type="t", object_id=1)
    status, body = get(client, admin, "/api/audit/verify")
    assert status == 200 and body["intact"] is True and body["first_broken_seq"] is None
    tamper_update(entry.seq, action="y")
    status, body = get(client, admin, "/api/audit/verify")
    assert body["intact"] is False and body["first_broken_seq"] == entry.seq


@pytest.mark.parametrize(
    ("role", "region", "status"),
    [
        (Role.BAWASLU_LEADER, None, 200),
        (Role.ADMIN, None, 200),
        (Role.BAWASLU_LEADER, "32", 403),
        (Role.BAWASLU_STAFF, None, 403),
        (Role.BKN_OFFICER, None, 403),
    ],
)
def test_who_reads_the_trail(
    client: Client, make_user: Callable[..., User], role: str, region: str | None, status: int
) -> None:
    code, body = get(client, make_user(role, region), "/api/audit/entries?limit=5")
    assert code == status
    if status == 200:
        assert body and body[0]["action"] == "apitoken.create"
    else:
        assert body["detail"]
