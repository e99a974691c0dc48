"""Periodic jobs of operations: retention warnings and the retention run."""

import datetime

from netral.common import schedule
from netral.operations.retention import describe, retention_run
from netral.operations.retention_warnings import retention_warnings_send


def retention() -> str:
    """Erase what expired today, rule by rule; the result says how much per rule."""
    outcomes = retention_run(dry_run=False)
    done = [f"{o.rule.code}: {describe(o.counts)}" for o in outcomes if o.counts]
    return "; ".join(done) or "nothing expired"


def retention_warnings() -> str:
    return f"{retention_warnings_send()} e-mail"


schedule.register(
    "operations.retention_warnings",
    retention_warnings,
    at=datetime.time(6, 30),
    summary="Peringatkan kantor sebelum data kasus dihapus",
)
schedule.register(
    "operations.retention",
    retention,
    at=datetime.time(3, 0),
    summary="Hapus data yang melewati masa retensi",
)
