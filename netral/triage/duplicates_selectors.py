"""The duplicate look-up: the reports most like an incoming one, among those the actor may
see (``report_list_for``: the jurisdiction of the office handling each report).

Candidates come from index probes only: the NIP column, then the text and name LSH keys
(``ReportSignatureKey``, grouped by report and ranked by how many keys each shares). Each
key contributes at most ``PER_KEY`` rows, the newest (a backward index-only range scan): a
common name's band can be shared by thousands of reports in its province, and reading them
all made the slowest look-ups at a million reports; the text keys and the NIP still reach
an older duplicate of a common name. The
few candidates are then kept only where ``report_list_for`` lets the actor see them (a
primary-key look-up; scoping inside the probes made PostgreSQL join every report of the
jurisdiction), and only those are scored (``duplicates.score``): a report outside the
actor's jurisdiction never appears, nor counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connection

from netral.accounts.models import User
from netral.reports.models import Report
from netral.reports.selectors import report_list_for
from netral.triage.duplicates import THRESHOLD, Signature, score, unpack
from netral.triage.models import ReportSignature, ReportSignatureKey

# Candidates per probe: the best-ranked by shared keys (a common name can share keys with
# thousands of reports; only the closest are worth scoring).
CANDIDATES = 40
PER_KEY = 100
MAX_MATCHES = 10


@dataclass(frozen=True)
class Match:
    # Only ``pk`` and ``public_id`` are loaded: callers that show more fetch what they show.
    report: Report
    score: float
    reasons: list[str]


_SIGNATURE_COLUMNS = (
    "report_id",
    "reported_nip",
    "name_key",
    "agency_key",
    "region_code",
    "event_date",
    "text_minhash",
)


def _stored(nip: str, name: str, agency: str, region: str, date: Any, minhash: bytes) -> Signature:
    return Signature(
        nip=nip,
        name=name,
        agency=agency,
        region_code=region,
        event_date=date,
        minhash=unpack(minhash),
    )


def _by_keys(keys: list[int], exclude: int) -> list[int]:
    """The reports sharing most of ``keys`` (at most ``PER_KEY`` newest per key), best
    first. One statement of per-key sub-selects (portable: SQLite has no LATERAL)."""
    if not keys:
        return []
    # Only constants are formatted in (the table's name, two integers); keys are parameters.
    table = ReportSignatureKey._meta.db_table
    one = (
        f"SELECT * FROM (SELECT report_id FROM {table} WHERE key = %s AND report_id <> %s "  # noqa: S608
        f"ORDER BY report_id DESC LIMIT {PER_KEY})"
    )
    # Aliases for PostgreSQL, which wants every sub-select in FROM named.
    parts = [f"{one} AS k{i}" for i in range(len(keys))]
    sql = (
        f"SELECT report_id FROM ({' UNION ALL '.join(parts)}) AS probe "  # noqa: S608
        f"GROUP BY report_id ORDER BY COUNT(*) DESC, report_id DESC LIMIT {CANDIDATES}"
    )
    params: list[int] = []
    for key in keys:
        params += [key, exclude]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


def duplicate_matches(
    *,
    actor: User,
    probe: Signature,
    exclude_report_id: int | None = None,
    limit: int = MAX_MATCHES,
    threshold: float = THRESHOLD,
) -> list[Match]:
    """The reports the actor may see that likely tell the same event as ``probe``, best
    first, with the reasons. Raises ``PermissionDenied`` for a role that sees no reports."""
    visible = report_list_for(actor=actor)
    exclude = exclude_report_id or 0  # ids start at 1
    ids: set[int] = set()
    if probe.nip:
        ids.update(
            ReportSignature.objects.filter(reported_nip=probe.nip)
            .exclude(report_id=exclude)
            .order_by("-report_id")
            .values_list("report_id", flat=True)[:CANDIDATES]
        )
    ids.update(_by_keys(probe.text_keys(), exclude))
    ids.update(_by_keys(probe.name_keys(), exclude))
    if not ids:
        return []
    # Tuples, not model instances: at a million reports the ORM's own work was most of the
    # look-up's time. The visible candidates' public ids come with the scoping query.
    public_ids = dict(visible.filter(pk__in=ids).values_list("pk", "public_id"))
    if not public_ids:
        return []
    scored = []
    rows = ReportSignature.objects.filter(report_id__in=public_ids).values_list(*_SIGNATURE_COLUMNS)
    for report_id, *fields in rows:
        stored = _stored(*fields)
        value, _none = score(probe, stored, explain=False)
        if value >= threshold:
            scored.append((value, report_id, stored))
    scored.sort(key=lambda item: (-item[0], -item[1]))
    return [
        Match(
            report=Report(pk=report_id, public_id=public_ids[report_id]),
            score=value,
            reasons=score(probe, stored)[1],
        )
        for value, report_id, stored in scored[:limit]
    ]
