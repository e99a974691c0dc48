from collections.abc import Callable

import pytest

from netral.accounts.models import Role, User
from netral.accounts.services import user_create
from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError, PermissionDenied
from netral.regions.models import Region

pytestmark = pytest.mark.usefixtures("regions")

PASSWORD = "a-long-enough-passphrase-77"


def test_admin_creates_a_staff_account_with_audit(make_user: Callable[..., User]) -> None:
    admin = make_user(Role.ADMIN)
    user = user_create(
        actor=admin,
        username="siti",
        password=PASSWORD,
        role=Role.BAWASLU_STAFF,
        jurisdiction=Region.objects.get(code="32.75"),
    )
    assert user.check_password(PASSWORD)
    assert user.office_level == "regency"
    assert not user.is_staff  # only administrators reach the back office
    entry = AuditEntry.objects.get(action="user.create", object_id=str(user.pk))
    assert entry.actor_id == admin.pk
    assert entry.after == {"username": "siti", "role": "bawaslu_staff", "jurisdiction": "32.75"}


def test_non_admin_cannot_create_accounts(make_user: Callable[..., User]) -> None:
    leader = make_user(Role.BAWASLU_LEADER)
    with pytest.raises(PermissionDenied):
        user_create(actor=leader, username="x", password=PASSWORD, role="bkn", jurisdiction=None)
    assert not User.objects.filter(username="x").exists()


def test_ppk_needs_a_region() -> None:
    with pytest.raises(ApplicationError) as error:
        user_create(actor=None, username="ppk", password=PASSWORD, role="ppk", jurisdiction=None)
    assert error.value.field == "role"
    assert "wilayah kerja" in error.value.message


@pytest.mark.parametrize(
    ("username", "password", "role", "field"),
    [
        ("dup", PASSWORD, "bkn", "username"),
        ("new", "short", "bkn", "password"),
        ("new", PASSWORD, "wizard", "role"),
    ],
)
def test_bad_input_names_the_field(username: str, password: str, role: str, field: str) -> None:
    user_create(actor=None, username="dup", password=PASSWORD, role="bkn", jurisdiction=None)
    with pytest.raises(ApplicationError) as error:
        user_create(actor=None, username=username, password=password, role=role, jurisdiction=None)
    assert error.value.field == field
    assert User.objects.count() == 1
