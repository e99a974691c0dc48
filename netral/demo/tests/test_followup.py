"""The synthetic follow-up of the demo data set: consistent with the workflow's rules."""

from __future__ import annotations

from typing import Any

import pytest
from django.db.models import Count

from netral.accounts.models import Role
from netral.cases.models import Case, Status, Verdict
from netral.demo.followup import demo_followups_load
from netral.followup.models import ENDED, CriminalStep, Recommendation, RecStatus, Sanction
from netral.followup.tests.factories import decided_case

pytestmark = pytest.mark.usefixtures("elections")


def _decided_without_followups(make_user: Any, n: int, verdicts: list[str]) -> list[Case]:
    cases = [decided_case(make_user, verdicts=verdicts) for _ in range(n)]
    Recommendation.objects.filter(case__in=cases).delete()
    return cases


def test_every_decided_case_gets_its_followups_once(make_user: Any) -> None:
    cases = _decided_without_followups(
        make_user, 6, [Verdict.ASN_NEUTRALITY, Verdict.CRIMINAL, Verdict.ADMINISTRATIVE]
    )
    Case.objects.filter(pk=cases[0].pk).update(status=Status.CLOSED)
    issuer = make_user(Role.BAWASLU_LEADER, "32.75")
    assert demo_followups_load(seed=1, issuer=issuer) == 18
    assert demo_followups_load(seed=1, issuer=issuer) == 0  # only cases without any
    per_case = Recommendation.objects.values("case").annotate(n=Count("pk"))
    assert {row["n"] for row in per_case} == {3}
    closed = Recommendation.objects.filter(case=cases[0])
    assert all(rec.status in ENDED for rec in closed)
    for rec in Recommendation.objects.filter(addressee="bkn"):
        assert rec.subject_nip == "198503172010011004" and rec.ppk_region_id == "32.75"
        if rec.status in (RecStatus.SANCTIONED, RecStatus.NOT_IMPOSED):
            sanction = Sanction.objects.get(recommendation=rec)
            assert sanction.imposed == (rec.status == RecStatus.SANCTIONED)
            assert rec.assessed_at is not None and rec.ended_at is not None
            assert rec.ended_at >= rec.assessed_at >= rec.issued_at
        if rec.status == RecStatus.ASSESSED:
            assert rec.due_at is not None and rec.assessed_at is not None
            assert rec.due_at > rec.assessed_at
    for rec in Recommendation.objects.filter(addressee="gakkumdu"):
        stages = list(
            CriminalStep.objects.filter(recommendation=rec).values_list("stage", flat=True)
        )
        assert stages[0] == "forwarding" and stages[-1] == rec.criminal_stage
        open_steps = CriminalStep.objects.filter(recommendation=rec, completed_at__isnull=True)
        assert open_steps.count() == (1 if rec.status == RecStatus.IN_PROGRESS else 0)


def test_same_seed_same_outcomes(make_user: Any) -> None:
    _decided_without_followups(make_user, 4, [Verdict.ASN_NEUTRALITY])
    issuer = make_user(Role.BAWASLU_LEADER, "32.75")
    demo_followups_load(seed=7, issuer=issuer)
    first = list(Recommendation.objects.order_by("number").values_list("number", "status"))
    Sanction.objects.all().delete()
    Recommendation.objects.all().delete()
    demo_followups_load(seed=7, issuer=issuer)
    assert list(Recommendation.objects.order_by("number").values_list("number", "status")) == (
        first
    )
