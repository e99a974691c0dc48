"""Locks that serialise the country (PostgreSQL only: SQLite locks the whole database, so
there is nothing to show there; CI runs the suite on PostgreSQL too).

A case action locks its own case row, and the shared chain head only as its last write. So
while one office's action is held open, with its rows locked, another office's action in the
same election cycle completes; and two merges naming the same pair of cases in opposite
order both finish without a deadlock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from netral.accounts.models import Role
from netral.audit.models import AuditEntry
from netral.audit.selectors import audit_verify
from netral.cases import services
from netral.cases.models import Case, Status
from netral.cases.tests.factories import case_from_report
from netral.common.tests.concurrency import PG_ONLY, WAIT, lock_timeout, threads

pytestmark = [*PG_ONLY, pytest.mark.usefixtures("elections")]


@pytest.fixture
def in_thread() -> Iterator[Callable[..., threading.Thread]]:
    with threads() as start:
        yield start


def test_another_office_acts_while_one_case_action_holds_its_locks(
    make_user: Any, in_thread: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    bekasi_case, _ = case_from_report(region="32.75", agency="Dinas Pendidikan Kota Bekasi")
    bandung_case, _ = case_from_report(region="32.73", agency="Dinas Pendidikan Kota Bandung")
    assert bekasi_case.election.cycle_id == bandung_case.election.cycle_id  # Pilkada 2024
    bekasi = make_user(Role.BAWASLU_STAFF, "32.75")
    bandung = make_user(Role.BAWASLU_STAFF, "32.73")

    # Pause the Bekasi action after it locked and saved its case, before it commits.
    locked, release = threading.Event(), threading.Event()
    notify = services._notify_reporters

    def pause(case: Case) -> None:
        notify(case)
        if case.pk == bekasi_case.pk:
            locked.set()
            assert release.wait(WAIT)

    monkeypatch.setattr(services, "_notify_reporters", pause)
    held = in_thread(
        lambda: services.case_request_completion(
            actor=bekasi, case_id=bekasi_case.pk, missing=["Fotokopi KTP"]
        )
    )
    assert locked.wait(WAIT)
    try:
        lock_timeout(3)  # before the fix: "canceling statement due to lock timeout"
        services.case_request_completion(
            actor=bandung, case_id=bandung_case.pk, missing=["Fotokopi KTP"]
        )
        bandung_case.refresh_from_db()
        assert bandung_case.status == Status.INCOMPLETE
        bekasi_case.refresh_from_db()
        assert bekasi_case.status == Status.RECEIVED  # still held open
    finally:
        release.set()
        held.join(WAIT)
    bekasi_case.refresh_from_db()
    assert bekasi_case.status == Status.INCOMPLETE
    assert audit_verify() is None
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, len(seqs) + 1))


def test_merges_in_opposite_order_do_not_deadlock(
    make_user: Any, in_thread: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A->B and B->A at once: one merges, the other is refused by the workflow (its target
    has left it), and neither dies of a deadlock."""
    first, _ = case_from_report()
    second, _ = case_from_report()
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    both_in = threading.Barrier(2, timeout=WAIT)
    real = services.case_list_for

    arrived: set[str] = set()

    def case_list_for(*, actor: Any) -> Any:
        # Both merges reach their first lock at the same moment.
        name = threading.current_thread().name
        if name.startswith("merge") and name not in arrived:
            arrived.add(name)
            both_in.wait()
        return real(actor=actor)

    monkeypatch.setattr(services, "case_list_for", case_list_for)
    outcomes: list[str] = []

    def merge(case_id: int, into_id: int) -> Callable[[], None]:
        def run() -> None:
            threading.current_thread().name = f"merge-{case_id}"
            try:
                services.case_merge(actor=staff, case_id=case_id, into_id=into_id)
                outcomes.append("merged")
            except services.ApplicationError as refused:
                outcomes.append(f"refused: {refused.message}")

        return run

    threads = [in_thread(merge(first.pk, second.pk)), in_thread(merge(second.pk, first.pk))]
    for thread in threads:
        thread.join(WAIT)
    assert sorted(outcomes)[0] == "merged" and len(outcomes) == 2
    statuses = sorted(
        Case.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True)
    )
    assert Status.MERGED in statuses
    assert audit_verify() is None
