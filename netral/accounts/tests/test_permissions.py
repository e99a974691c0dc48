"""The authorization matrix: roles x capabilities, and jurisdictions x regions."""

from collections.abc import Callable

import pytest
from django.contrib.auth.models import AnonymousUser

from netral.accounts.models import Role, User
from netral.accounts.permissions import can, covers, jurisdiction_q, require
from netral.common.errors import PermissionDenied
from netral.elections.models import Election
from netral.regions.models import Region

pytestmark = pytest.mark.usefixtures("elections")

STAFF, LEADER, BKN, PPK, GAKKUMDU, KPU, ADMIN = (
    Role.BAWASLU_STAFF,
    Role.BAWASLU_LEADER,
    Role.BKN_OFFICER,
    Role.PPK_OFFICE,
    Role.GAKKUMDU,
    Role.KPU,
    Role.ADMIN,
)

# Written out by hand (not derived from CAPABILITIES) so a change to the table must be
# deliberate here too.
EXPECTED_ROLES = {
    "case.view": {STAFF, LEADER},
    "case.handle": {STAFF, LEADER},
    "case.decide": {LEADER},
    "identity.reveal_request": {STAFF, LEADER},
    "identity.reveal_approve": {LEADER},
    "evidence.open_original": {LEADER},
    "recommendation.assess": {BKN},
    "sanction.record": {PPK},
    "criminal.track": {GAKKUMDU},
    "administrative.respond": {KPU},
    "user.manage": {ADMIN},
    "audit.verify": {ADMIN},
    "workspace.view": {STAFF, LEADER, BKN, PPK, GAKKUMDU, KPU, ADMIN},
}


@pytest.mark.parametrize("capability", sorted(EXPECTED_ROLES))
@pytest.mark.parametrize("role", list(Role))
def test_role_capabilities(make_user: Callable[..., User], role: Role, capability: str) -> None:
    user = make_user(role, "32.75")
    assert can(user, capability) == (role in EXPECTED_ROLES[capability])


# (jurisdiction of the user, region of the object) -> covered?
REGION_CASES = [
    (None, "32", True),
    (None, "32.75", True),
    (None, None, True),
    ("32", "32", True),
    ("32", "32.75", True),
    ("32", "32.01", True),
    ("32", "11", False),
    ("32", "11.01", False),
    ("32", None, False),
    ("32.75", "32.75", True),
    ("32.75", "32", False),
    ("32.75", "32.01", False),
    ("32.75", "11.01", False),
    ("32.75", None, False),
    ("11.01", "32.75", False),
]


@pytest.mark.parametrize(("jurisdiction", "region", "expected"), REGION_CASES)
@pytest.mark.parametrize("role", [STAFF, LEADER, BKN, GAKKUMDU, KPU])
def test_jurisdiction_matrix(
    make_user: Callable[..., User],
    role: Role,
    jurisdiction: str | None,
    region: str | None,
    expected: bool,
) -> None:
    user = make_user(role, jurisdiction)
    target = Region.objects.get(code=region) if region else None
    assert covers(user, target) is expected
    election = (
        Election.objects.get(region=target) if target else Election.objects.get(region__isnull=True)
    )
    capability = {
        STAFF: "case.handle",
        LEADER: "case.decide",
        BKN: "recommendation.assess",
        GAKKUMDU: "criminal.track",
        KPU: "administrative.respond",
    }[role]
    assert can(user, capability, election) is expected
    if not expected:
        with pytest.raises(PermissionDenied):
            require(user, capability, election)


def test_right_region_wrong_role_is_refused(make_user: Callable[..., User]) -> None:
    ppk = make_user(PPK, "32.75")
    election = Election.objects.get(region_id="32.75")
    assert covers(ppk, election.region)
    assert not can(ppk, "case.decide", election)


def test_anonymous_and_inactive_users_can_do_nothing(make_user: Callable[..., User]) -> None:
    election = Election.objects.get(region_id="32.75")
    assert not can(AnonymousUser(), "workspace.view")
    assert not covers(AnonymousUser(), election.region)
    leader = make_user(LEADER, None)
    leader.is_active = False
    assert not can(leader, "case.decide", election)


def test_unknown_capability_is_a_programming_error(make_user: Callable[..., User]) -> None:
    with pytest.raises(KeyError):
        can(make_user(ADMIN), "case.teleport")


@pytest.mark.parametrize(
    ("jurisdiction", "expected"),
    [(None, 546), ("32", 28), ("32.75", 1), ("34", 5)],
)
def test_jurisdiction_q_scopes_queries(
    make_user: Callable[..., User], jurisdiction: str | None, expected: int
) -> None:
    user = make_user(STAFF, jurisdiction)
    assert Election.objects.filter(jurisdiction_q(user)).count() == expected


def test_jurisdiction_q_for_anonymous_is_empty() -> None:
    assert not Election.objects.filter(jurisdiction_q(AnonymousUser())).exists()
