"""Writes for early warnings: the daily computation and the office's acknowledgement.

``warnings_compute`` evaluates every region for one day (``warnings_signals.evaluate`` over
``warnings_selectors.region_facts``) and keeps one ``EarlyWarning`` per region and day: run
again the same day it refreshes the open warnings' numbers and never adds a second row nor
touches an acknowledged one. ``warning_acknowledge`` lets the Bawaslu office with
jurisdiction acknowledge a warning and record what it did. Both are audited.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_record, audited
from netral.common import clock
from netral.common.errors import ApplicationError, Conflict
from netral.common.text import clean_text
from netral.prevention.models import EarlyWarning
from netral.prevention.warnings_selectors import region_facts, warning_get_for
from netral.prevention.warnings_signals import evaluate
from netral.regions.models import Region
from netral.rules.selectors import rulebook_get

WIB = ZoneInfo("Asia/Jakarta")
ACTION_MAX = 4000
ACTION_REQUIRED = "Tuliskan tindakan yang dilakukan atas peringatan ini."
ACTION_TOO_LONG = "Catatan tindakan paling panjang {max} karakter."
ALREADY_ACKNOWLEDGED = "Peringatan ini sudah ditindaklanjuti pada {at}."


@dataclass(frozen=True)
class ComputeResult:
    day: datetime.date
    regions: int
    created: int
    refreshed: int

    @property
    def raised(self) -> int:
        return self.created + self.refreshed


def _as_of(day: datetime.date) -> datetime.datetime:
    """The instant the day's deadlines are read at: now for today, the day's end before."""
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(), WIB)
    return min(clock.now(), end)


@audited
def warnings_compute(
    *, day: datetime.date | None = None, regions: list[Region] | None = None
) -> ComputeResult:
    """Compute the early warnings of ``day`` (the domain clock's today by default) for every
    region (or ``regions``). Idempotent per region and day."""
    day = day or clock.today()
    rulebook = rulebook_get()
    rules = rulebook.warnings
    facts = region_facts(day=day, now=_as_of(day), rules=rules, regions=regions)
    existing = {
        w.region_id: w
        for w in EarlyWarning.objects.filter(computed_for=day, region_id__in=list(facts))
        .select_for_update(of=("self",))
        .order_by("pk")
    }
    created = refreshed = 0
    now = timezone.now()
    for code, fact in facts.items():
        result = evaluate(fact, rules, day_iso=day.isoformat())
        if not result.raised:
            continue
        fields = {
            "score": result.score,
            "signals": result.signals,
            "actions": result.actions,
            "stage_code": fact.stage.code if fact.stage else "",
            "election_id": fact.stage.election_id if fact.stage else None,
            "rulebook_version": rulebook.version,
        }
        fired = [s["code"] for s in result.signals if s["fired"]]
        warning = existing.get(code)
        if warning is None:
            warning = EarlyWarning.objects.create(
                region_id=code, computed_for=day, created_at=now, **fields
            )
            audit_record(
                actor=None,
                action="warning.raise",
                obj=warning,
                after={"score": result.score, "signals": fired},
            )
            created += 1
        elif warning.status == EarlyWarning.Status.OPEN:
            before = {"score": warning.score, "signals": [s["code"] for s in warning.fired]}
            if warning.signals == result.signals and warning.actions == result.actions:
                continue
            for name, value in fields.items():
                setattr(warning, name, value)
            warning.save(update_fields=list(fields))
            audit_record(
                actor=None,
                action="warning.refresh",
                obj=warning,
                before=before,
                after={"score": result.score, "signals": fired},
            )
            refreshed += 1
    return ComputeResult(day=day, regions=len(facts), created=created, refreshed=refreshed)


@audited
def warning_acknowledge(*, actor: User, warning_id: int, action_taken: str) -> EarlyWarning:
    """The office with jurisdiction acknowledges a warning and records what it did."""
    warning = warning_get_for(actor=actor, warning_id=warning_id, for_update=True)  # 404
    require(actor, "warning.acknowledge", warning)  # 403
    if warning.status == EarlyWarning.Status.ACKNOWLEDGED:
        at = timezone.localtime(warning.acknowledged_at or timezone.now(), WIB)
        raise Conflict(ALREADY_ACKNOWLEDGED, params={"at": f"{at:%d-%m-%Y %H:%M}"})
    text = clean_text(action_taken or "").strip()
    if not text:
        raise ApplicationError(ACTION_REQUIRED, field="action_taken")
    if len(text) > ACTION_MAX:
        raise ApplicationError(ACTION_TOO_LONG, params={"max": ACTION_MAX}, field="action_taken")
    warning.status = EarlyWarning.Status.ACKNOWLEDGED
    warning.acknowledged_by = actor
    warning.acknowledged_at = clock.now()
    warning.action_taken = text
    warning.save(update_fields=["status", "acknowledged_by", "acknowledged_at", "action_taken"])
    audit_record(
        actor=actor,
        action="warning.acknowledge",
        obj=warning,
        before=EarlyWarning.Status.OPEN,
        after={"status": warning.status, "action_taken": text},
    )
    return warning
