"""Property: whatever sequence of actions random people try, the workflow holds.

No illegal state is reached, nobody outside the jurisdiction (or without the right) changes
anything, every change leaves its audit entry, and the deadline never moves earlier.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry
from netral.cases import services
from netral.cases.models import Case
from netral.cases.tests.factories import case_from_report
from netral.cases.workflow import TRANSITIONS
from netral.common.errors import ApplicationError
from netral.rules.selectors import requirement_list

ACTORS = [
    (Role.BAWASLU_STAFF, "32.75"),
    (Role.BAWASLU_LEADER, "32.75"),
    (Role.BAWASLU_LEADER, "32"),
    (Role.BAWASLU_STAFF, "11.01"),
    (Role.BAWASLU_LEADER, "11"),
    (Role.PPK_OFFICE, "32.75"),
    (Role.BKN_OFFICER, None),
]
ACTIONS = [
    "request_completion",
    "register",
    "register_incomplete",
    "not_register",
    "start_clarification",
    "start_study",
    "record_study",
    "decide",
    "decide_nothing",
    "announce",
    "close",
    "extend",
]


def attempt(action: str, actor: User, case: Case) -> None:
    formal = {r.code: True for r in requirement_list(kind="formal")}
    calls: dict[str, Callable[[], Any]] = {
        "request_completion": lambda: services.case_request_completion(
            actor=actor, case_id=case.pk, missing=["saksi"]
        ),
        "register": lambda: services.case_register(actor=actor, case_id=case.pk, formal=formal),
        "register_incomplete": lambda: services.case_register(
            actor=actor, case_id=case.pk, formal={}
        ),
        "not_register": lambda: services.case_not_register(
            actor=actor, case_id=case.pk, reason="expired", note=""
        ),
        "start_clarification": lambda: services.case_start_clarification(
            actor=actor, case_id=case.pk
        ),
        "start_study": lambda: services.case_start_study(actor=actor, case_id=case.pk),
        "record_study": lambda: services.case_record_study(
            actor=actor, case_id=case.pk, facts="f", analysis="a", conclusion="c"
        ),
        "decide": lambda: services.case_decide(
            actor=actor, case_id=case.pk, verdicts=["asn_neutrality"], reason="pleno"
        ),
        "decide_nothing": lambda: services.case_decide(
            actor=actor, case_id=case.pk, verdicts=[], reason="pleno"
        ),
        "announce": lambda: services.case_announce(actor=actor, case_id=case.pk, summary="s"),
        "close": lambda: services.case_close(actor=actor, case_id=case.pk),
        "extend": lambda: services.case_extend(actor=actor, case_id=case.pk, reason="r"),
    }
    calls[action]()


@pytest.mark.usefixtures("elections")
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(ACTIONS), st.integers(0, len(ACTORS) - 1)), max_size=14
    )
)
def test_random_action_sequences_keep_the_workflow(
    make_user: Callable[..., User], steps: list[tuple[str, int]]
) -> None:
    people = [make_user(role, region) for role, region in ACTORS]
    case, _ = case_from_report()
    for action, who in steps:
        actor = people[who]
        before = Case.objects.get(pk=case.pk)
        entries_before = AuditEntry.objects.filter(
            object_id=str(case.pk), object_type="cases.case"
        ).count()
        try:
            attempt(action, actor, case)
            succeeded = True
        except ApplicationError:  # NotFound and PermissionDenied included
            succeeded = False
        after = Case.objects.get(pk=case.pk)
        entries_after = AuditEntry.objects.filter(
            object_id=str(case.pk), object_type="cases.case"
        ).count()
        role, region = ACTORS[who]
        outsider = region is not None and region.startswith("11")
        if outsider or role in (Role.PPK_OFFICE, Role.BKN_OFFICER):
            assert not succeeded
        if not succeeded:
            assert (after.status, after.due_at, after.register_number) == (
                before.status,
                before.due_at,
                before.register_number,
            )
            assert entries_after == entries_before
            continue
        assert entries_after == entries_before + 1
        base = action.removesuffix("_incomplete").removesuffix("_nothing")
        if base in TRANSITIONS:
            assert before.status in TRANSITIONS[base].sources
            assert after.status == TRANSITIONS[base].target
        else:
            assert after.status == before.status
        if before.due_at is not None:
            assert after.due_at is not None and after.due_at >= before.due_at
