"""The rollups the statistics read always equal a recount from the reports and cases.

Random workflows go through the real services (intake, registration, study, decision with
its follow-up, merge, handover, a corrected violation type, closing), then the rollups are
compared with a recount (``rollups_differences``), before and after folding, and the
dashboard's figures with the same figures counted from the rows. Runs on SQLite and, with
``DATABASE_URL``, on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from netral.accounts.models import Role, User
from netral.analytics.ikp import ikp_for_dashboard, ikp_for_region
from netral.analytics.models import CaseCount, ReportCount
from netral.analytics.rollups import rollups_differences, rollups_fold, rollups_rebuild
from netral.analytics.scope import scope_get, stage_windows
from netral.analytics.selectors import dashboard_get, report_cube, report_cube_from_rows
from netral.cases import services
from netral.cases.corrections import case_violation_type_follow
from netral.cases.models import Case
from netral.cases.tests.factories import case_from_report
from netral.common.errors import ApplicationError
from netral.elections.models import Election
from netral.reports.corrections import report_violation_type_set
from netral.reports.models import Report
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")

REGIONS = ("32.75", "32.01", "33.03")
TYPES = ("kampanye_media_sosial", "menghadiri_deklarasi", None)
STEPS = (
    "submit",
    "register",
    "register",
    "not_register",
    "start_clarification",
    "start_study",
    "record_study",
    "decide",
    "decide",
    "decide_nothing",
    "announce",
    "close",
    "extend",
    "merge",
    "handover",
    "retype",
)


def _step(name: str, actor: User, cases: list[Case], pick: int, other: int) -> None:
    case = cases[pick % len(cases)]
    formal = {r.code: True for r in requirement_list(kind="formal")}
    calls: dict[str, Callable[[], Any]] = {
        "register": lambda: services.case_register(actor=actor, case_id=case.pk, formal=formal),
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
        "merge": lambda: services.case_merge(
            actor=actor, case_id=case.pk, into_id=cases[other % len(cases)].pk
        ),
        "handover": lambda: services.case_handover(
            actor=actor, case_id=case.pk, to_region_code=REGIONS[other % 3][:2], reason="r"
        ),
        "retype": lambda: _retype(actor, case, TYPES[other % 2] or "kampanye_media_sosial"),
    }
    calls[name]()


def _retype(actor: User, case: Case, code: str) -> None:
    report = Report.objects.filter(case=case).first()
    if report is None:
        return
    before = report.violation_type
    report = report_violation_type_set(
        actor=actor, report_public_id=str(report.public_id), code=code
    )
    case_violation_type_follow(actor=actor, report=report, before=before)


def _submit(pick: int, other: int) -> Case:
    kwargs: dict[str, Any] = {"region": REGIONS[pick % 3]}
    if TYPES[other % 3]:
        kwargs["violation_type"] = TYPES[other % 3]
    case, _code = case_from_report(**kwargs)
    return case


def _assert_rollups_match() -> None:
    assert rollups_differences() == []
    now = timezone.now()
    election = Election.objects.filter(region_id="32.75").first()
    assert election is not None
    for code, election_id in (("", None), ("32", None), ("32.75", None), ("32.75", election.pk)):
        scope = scope_get(actor=None, region_code=code, election_id=election_id)
        windows = stage_windows(scope=scope)
        assert report_cube(scope, windows) == report_cube_from_rows(scope, windows)
        dashboard = dashboard_get(scope=scope, now=now)
        if scope.region is not None:
            # The regional page's own index, from the figures' scans, is the index itself.
            assert ikp_for_dashboard(dashboard) == ikp_for_region(
                region=scope.region, election=scope.election
            )


@settings(
    max_examples=6,
    deadline=None,
    # Shrinking replays whole workflows through the intake (scrypt): minutes, not seconds.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from(STEPS), st.integers(0, 5), st.integers(0, 5), st.booleans()),
        min_size=4,
        max_size=16,
    )
)
def test_random_workflows_keep_rollups_equal_to_a_recount(
    make_user: Callable[..., User], steps: list[tuple[str, int, int, bool]]
) -> None:
    staff = make_user(Role.BAWASLU_STAFF, None)
    leader = make_user(Role.BAWASLU_LEADER, None)
    cases = [_submit(0, 0)]
    for name, pick, other, by_leader in steps:
        if name == "submit":
            cases.append(_submit(pick, other))
            continue
        # A refused step changes nothing; the rollups must still agree.
        with contextlib.suppress(ApplicationError):
            _step(name, leader if by_leader else staff, cases, pick, other)
        if pick == 0:
            rollups_fold()  # folding in between changes no figure
    _assert_rollups_match()
    rollups_fold()
    assert not ReportCount.objects.filter(compacted_key__isnull=True).exists()
    _assert_rollups_match()


def test_bulk_paths_are_caught_by_the_check_and_repaired(
    make_user: Callable[..., User], capsys: pytest.CaptureFixture[str]
) -> None:
    case = _submit(0, 0)
    call_command("rollups_check")
    assert capsys.readouterr().out.strip().endswith("0 differences")
    # A bulk write bypasses the rollups: the check names it, the repair fixes it.
    Case.objects.filter(pk=case.pk).update(due_at=timezone.now() - datetime.timedelta(days=1))
    with pytest.raises(Exception, match="rollup differences"):
        call_command("rollups_check")
    assert "case" in capsys.readouterr().out
    call_command("rollups_check", "--repair")
    assert capsys.readouterr().out.strip().endswith("0 differences after repair")
    assert rollups_differences() == []


def test_deleting_reports_and_cases_takes_them_out() -> None:
    case = _submit(1, 1)
    Report.objects.filter(case=case).delete()
    Case.objects.filter(pk=case.pk).delete()
    assert rollups_differences() == []
    rollups_fold()
    assert not ReportCount.objects.exists()
    assert not CaseCount.objects.exists()
    assert rollups_rebuild() == (0, 0)
