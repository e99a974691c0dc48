import datetime
import functools
from collections.abc import Callable
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction

from netral.audit.models import GENESIS_HASH, AuditEntry, ChainHead
from netral.audit.selectors import audit_verify
from netral.audit.services import audit_record
from netral.common.tests.concurrency import threads

pytestmark = pytest.mark.usefixtures("regions")


def test_entries_are_chained(make_user: Callable[..., Any]) -> None:
    # Any account will do; the trail sits below accounts, so its tests don't import them.
    actor = make_user("admin")
    start = ChainHead.objects.get_or_create(pk=1)[0].seq
    first = audit_record(
        actor=actor, action="demo.change", obj=actor, before={"a": 1}, after={"a": 2}
    )
    second = audit_record(
        actor=None, action="demo.reveal", object_type="report", object_id=7, reason="kajian"
    )
    assert second.seq == first.seq + 1 == start + 2
    assert second.prev_hash == first.hash
    assert (second.actor_label, second.object_type, second.object_id) == ("sistem", "report", "7")
    assert (first.actor_label, first.before, first.after) == (actor.username, {"a": 1}, {"a": 2})
    head = ChainHead.objects.get(pk=1)
    assert (head.seq, head.hash) == (second.seq, second.hash)
    assert audit_verify() is None


def test_first_entry_links_to_genesis() -> None:
    assert not AuditEntry.objects.exists()  # each test starts from an empty trail
    entry = audit_record(actor=None, action="x", object_type="t", object_id=1)
    assert entry.prev_hash == GENESIS_HASH


def test_values_are_stored_as_plain_json() -> None:
    entry = audit_record(
        actor=None,
        action="x",
        object_type="t",
        object_id=1,
        after={"when": datetime.date(2024, 11, 27), "n": (1, 2)},
    )
    entry.refresh_from_db()
    assert entry.after == {"when": "2024-11-27", "n": [1, 2]}
    assert audit_verify() is None


def test_entries_cannot_be_changed_through_the_orm() -> None:
    entry = audit_record(actor=None, action="x", object_type="t", object_id=1)
    entry.reason = "diubah"
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()


def test_the_database_refuses_updates() -> None:
    entry = audit_record(actor=None, action="x", object_type="t", object_id=1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(reason="diubah")
    entry.refresh_from_db()
    assert entry.reason == ""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite relies on the chain")
def test_postgresql_refuses_deletes() -> None:
    entry = audit_record(actor=None, action="x", object_type="t", object_id=1)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_a_rolled_back_change_leaves_no_entry() -> None:
    before = AuditEntry.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic():
        audit_record(actor=None, action="x", object_type="t", object_id=1)
        raise RuntimeError("the change failed")
    assert AuditEntry.objects.count() == before
    assert audit_verify() is None


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_keep_the_chain_gapless() -> None:
    def write(worker: int) -> None:
        for i in range(10):
            with transaction.atomic():
                audit_record(actor=None, action="load", object_type="t", object_id=f"{worker}-{i}")

    with threads() as start:
        for n in range(4):
            start(functools.partial(write, n))
    seqs = list(AuditEntry.objects.order_by("seq").values_list("seq", flat=True))
    assert seqs == list(range(1, 41))
    assert audit_verify() is None


def test_deferred_entries_go_in_with_the_new_head_in_one_statement() -> None:
    """Issue #13 item 3: the chain head is read under lock, then the entries and the new head
    are one INSERT on PostgreSQL (the head's UPDATE a second statement on SQLite); what the
    caller holds is what was stored."""
    from django.test.utils import CaptureQueriesContext

    from netral.audit.services import audit_deferred

    audit_record(actor=None, action="first", object_type="t", object_id=0)  # the head exists
    with CaptureQueriesContext(connection) as queries, transaction.atomic(), audit_deferred():
        one = audit_record(actor=None, action="a", object_type="t", object_id=1)
        two = audit_record(actor=None, action="b", object_type="t", object_id=2, after=[1])
    writes = [q["sql"] for q in queries.captured_queries if "audit_" in q["sql"]]
    assert len(writes) == (2 if connection.vendor == "postgresql" else 3), writes
    stored = {e.pk: e for e in AuditEntry.objects.filter(pk__in=[one.pk, two.pk])}
    assert [(stored[e.pk].seq, stored[e.pk].hash) for e in (one, two)] == [
        (one.seq, one.hash),
        (two.seq, two.hash),
    ]
    assert stored[one.pk].before is None and stored[two.pk].after == [1]
    head = ChainHead.objects.get(pk=1)
    assert (head.seq, head.hash) == (two.seq, two.hash)
    assert audit_verify() is None
