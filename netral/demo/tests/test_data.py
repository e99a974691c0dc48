"""The demo data set: shares as the seeds give them, every Pilkada election covered, cases
consistent with the workflow, reproducible, and receipt codes that really track."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.test import Client

from netral.cases.models import Case, Status, Verdict
from netral.demo import names as demo_names
from netral.demo.data import demo_data_load
from netral.demo.plan import (
    POSITION_SHARES,
    context_load,
    demo_plan,
    largest_remainder,
    violation_type_shares,
)
from netral.elections.models import Election
from netral.reports.models import Report, Reporter
from netral.reports.subjects import position_class_infer
from netral.rules.selectors import violation_type_list

pytestmark = pytest.mark.usefixtures("elections")

SEED_SHARES = {vt.code: vt.share_2020 for vt in violation_type_list() if vt.share_2020}
DECIDED_PATH = (Status.DECIDED, Status.ANNOUNCED, Status.CLOSED)


def rows_digest() -> str:
    rows = Report.objects.order_by("submitted_at", "reported_name", "region_id").values_list(
        "region_id", "violation_type", "case__status", "reported_name", "submitted_at"
    )
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def test_largest_remainder_is_exact_and_sums_up() -> None:
    counts = largest_remainder(2000, {"a": 30.4, "b": 22.4, "c": 47.2})
    assert counts == {"a": 608, "b": 448, "c": 944}
    odd = largest_remainder(7, {"a": 1, "b": 1, "c": 1})
    assert sum(odd.values()) == 7 and sorted(odd.values()) == [2, 2, 3]


def test_violation_shares_keep_the_seeds_and_their_ranking() -> None:
    shares = violation_type_shares()
    assert sum(shares.values()) == pytest.approx(100)
    assert len(SEED_SHARES) == 5
    for code, share in SEED_SHARES.items():
        assert shares[code] == share
    others = [s for code, s in shares.items() if code not in SEED_SHARES]
    assert max(others) < min(SEED_SHARES.values())


def test_every_listed_position_is_inferred_as_its_class() -> None:
    for position_class, roles in demo_names.ROLES.items():
        for position, _agency in roles:
            text = position.format(n=3, place="Sukamaju")
            assert position_class_infer(text) == position_class, text


def test_loaded_data_matches_the_seeds_and_the_workflow() -> None:
    summary = demo_data_load(seed=7, reports=2000)
    assert summary.reports == Report.objects.count() == 2000
    reports = list(Report.objects.values("violation_type", "position_class", "kind", "case_id"))
    # Violation types: the 2020 seeds within 0.5 percentage points (exact by construction).
    types = Counter(r["violation_type"] for r in reports)
    for code, share in SEED_SHARES.items():
        assert abs(100 * types[code] / 2000 - share) < 0.5, code
    assert [code for code, _ in types.most_common(5)] == sorted(
        SEED_SHARES, key=lambda c: -SEED_SHARES[c]
    )
    positions = Counter(r["position_class"] for r in reports)
    for position_class, share in POSITION_SHARES.items():
        assert abs(100 * positions[position_class] / 2000 - share) < 0.5
    # Every Pilkada 2024 election has reports; the seeds' provinces have the most.
    pilkada = set(Election.objects.filter(cycle__code="pilkada-2024").values_list("pk", flat=True))
    assert set(Report.objects.values_list("election_id", flat=True)) == pilkada
    provinces = Counter(
        code.split(".")[0] for code in Report.objects.values_list("region_id", flat=True)
    )
    top = {code for code, _ in provinces.most_common(5)}
    assert top == {"74", "52", "33", "73", "35"}
    # Every report has a case; every identified laporan its (encrypted) reporter.
    assert all(r["case_id"] for r in reports)
    assert Reporter.objects.count() == sum(1 for r in reports if r["kind"] == "laporan")
    assert_cases_consistent()
    # The tracking reports went through the real intake: real receipt digests.
    assert len(summary.tracking) == 3
    assert Report.objects.exclude(receipt_digest__startswith="demo-").count() == 3


def assert_cases_consistent() -> None:
    statuses = Counter(Case.objects.values_list("status", flat=True))
    assert set(statuses) == set(Status.values)
    for case in Case.objects.all():
        if case.registered_at is not None:
            assert case.register_number and case.checklist["formal"]
            assert case.registered_at >= case.received_at
        else:
            assert case.register_number is None
        if case.status in DECIDED_PATH and case.registered_at is not None:
            assert case.decided_at and case.verdicts and case.study_conclusion
            assert case.decided_at > case.registered_at
            assert set(case.verdicts) <= set(Verdict.values)
        if case.decided_at is None:
            assert case.verdicts == []
        if case.status == Status.NOT_REGISTERED or (
            case.status in DECIDED_PATH[1:] and case.registered_at is None
        ):
            assert case.not_registered_reason
        if case.status in (Status.ANNOUNCED, Status.CLOSED):
            assert case.announced_at and case.public_summary
        if case.status == Status.CLOSED:
            assert case.closed_at and case.announced_at and case.closed_at > case.announced_at
        if case.status == Status.INCOMPLETE:
            assert case.completion_due_at and case.checklist["missing"]
        if case.status == Status.MERGED:
            assert case.merged_into_id and not case.reports.exists()
        if case.origin in ("laporan", "temuan"):
            assert case.due_at and case.due_at > case.received_at


def test_same_seed_same_rows_other_seed_other_rows() -> None:
    # The first load is rolled back, not deleted: rows deleted inside the test's transaction
    # stay in PostgreSQL's indexes until it ends, and made the second load take minutes.
    # (Deleting the demo is tested with the command's reset.)
    first_load = transaction.savepoint()
    demo_data_load(seed=11, reports=1200)
    first = rows_digest()
    transaction.savepoint_rollback(first_load)
    assert not Report.objects.exists() and not Case.objects.exists()
    demo_data_load(seed=11, reports=1200)
    assert rows_digest() == first
    ctx = context_load()
    plan = [
        (r.report.region_id, r.report.violation_type)
        for r in demo_plan(ctx=ctx, seed=12, total=1200)
    ]
    again = [
        (r.report.region_id, r.report.violation_type)
        for r in demo_plan(ctx=ctx, seed=12, total=1200)
    ]
    other = [
        (r.report.region_id, r.report.violation_type)
        for r in demo_plan(ctx=ctx, seed=13, total=1200)
    ]
    assert plan == again != other


def test_a_printed_code_tracks_through_the_public_page(client: Client) -> None:
    summary = demo_data_load(seed=3, reports=1200)
    announced = next(t for t in summary.tracking if t.status == "Status diumumkan")
    response = client.post("/lacak/", {"receipt_code": announced.code})
    assert response.status_code == 302
    page = client.get(response["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert "Status diumumkan" in body and "Kota Bekasi" in body


def test_command_refuses_a_second_load_and_resets(settings: Any) -> None:
    settings.NETRAL_DEMO = True
    out = io.StringIO()
    call_command("load_demo_data", "--reports", "600", stdout=out)
    assert "Loaded 600 demo reports" in out.getvalue()
    with pytest.raises(CommandError, match="already loaded"):
        call_command("load_demo_data", "--reports", "600", stdout=out)
    call_command("load_demo_data", "--reports", "700", "--reset", stdout=out)
    assert "Deleted 600 demo reports" in out.getvalue()
    assert Report.objects.count() == 700
