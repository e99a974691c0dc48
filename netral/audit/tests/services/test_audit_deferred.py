"""``audit_deferred`` / ``audited``: a service's entries are appended as its last write, so
the chain head (one row for the whole country) is locked only from there to the commit."""

import functools

import pytest
from django.db import transaction

from netral.audit.models import AuditEntry, ChainHead
from netral.audit.selectors import audit_verify
from netral.audit.services import audit_deferred, audit_record, audited
from netral.common.tests.concurrency import threads

pytestmark = pytest.mark.usefixtures("regions")


def test_entries_wait_for_the_end_of_the_block_then_chain_in_order() -> None:
    with transaction.atomic(), audit_deferred():
        first = audit_record(actor=None, action="a", object_type="t", object_id=1)
        with audit_deferred():  # a nested service hands its entries up
            second = audit_record(actor=None, action="b", object_type="t", object_id=2)
        assert not AuditEntry.objects.exists()
        assert ChainHead.objects.filter(seq__gt=0).count() == 0  # head untouched so far
    assert (first.seq, second.seq) == (1, 2) and second.prev_hash == first.hash
    assert audit_verify() is None


def test_a_failed_block_leaves_no_entry() -> None:
    @audited
    def refused() -> None:
        audit_record(actor=None, action="x", object_type="t", object_id=1)
        raise ValueError("rule broken")

    with pytest.raises(ValueError):
        refused()
    with transaction.atomic(), audit_deferred():
        try:
            with audit_deferred():
                audit_record(actor=None, action="dropped", object_type="t", object_id=1)
                raise ValueError
        except ValueError:
            pass
        audit_record(actor=None, action="kept", object_type="t", object_id=2)
    assert list(AuditEntry.objects.values_list("action", flat=True)) == ["kept"]


@pytest.mark.django_db(transaction=True)
def test_concurrent_deferred_writers_keep_the_chain_gapless() -> None:
    @audited
    def write(worker: int, i: int) -> None:
        for part in range(3):
            audit_record(
                actor=None, action="load", object_type="t", object_id=f"{worker}-{i}-{part}"
            )

    def run(worker: int) -> None:
        for i in range(10):
            write(worker, i)

    with threads() as start:
        for n in range(4):
            start(functools.partial(run, n))
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, 121))
    assert audit_verify() is None
