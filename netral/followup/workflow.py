"""The follow-up workflow as data, like ``cases.workflow``: each action on a recommendation,
whose recommendations it applies to (addressee), from which statuses, and who may take it.
Services check it before acting; the desk pages offer exactly the actions it allows.

BKN: issued -> assessed (passed to the PPK) -> sanctioned | not imposed; past the PPK's
deadline BKN records a measure. Gakkumdu: in progress, stage by stage, -> concluded.
KPU, DKPP, other agencies: issued -> responded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from netral.common import clock
from netral.followup import criminal
from netral.followup.models import Addressee, Recommendation, RecStatus


def _always(rec: Recommendation) -> bool:
    return True


def _ppk_overdue(rec: Recommendation) -> bool:
    return rec.due_at is not None and rec.due_at < clock.now()


def _has_next_stage(rec: Recommendation) -> bool:
    return bool(criminal.next_stages(rec.criminal_stage))


def _may_end(rec: Recommendation) -> bool:
    return bool(rec.criminal_stage) and criminal.STAGES[rec.criminal_stage].may_end


@dataclass(frozen=True)
class Step:
    addressees: frozenset[str]
    statuses: frozenset[str]
    # The capability, per addressee where it differs (who records an answer).
    capability: str | dict[str, str]
    # A further condition the page checks before offering it (the service gives the reason).
    when: Callable[[Recommendation], bool] = _always

    def capability_for(self, rec: Recommendation) -> str:
        if isinstance(self.capability, str):
            return self.capability
        return self.capability[rec.addressee]


# Who records the answer: KPU itself; for DKPP and other agencies, Bawaslu staff enter the
# answer they received.
RESPONDERS: dict[str, str] = {
    Addressee.KPU: "administrative.respond",
    Addressee.DKPP: "case.handle",
    Addressee.OTHER: "case.handle",
}

BKN = frozenset({Addressee.BKN})
GAKKUMDU = frozenset({Addressee.GAKKUMDU})

STEPS: dict[str, Step] = {
    "assess": Step(BKN, frozenset({RecStatus.ISSUED}), "recommendation.assess"),
    "sanction": Step(BKN, frozenset({RecStatus.ASSESSED}), "sanction.record"),
    "measure": Step(BKN, frozenset({RecStatus.ASSESSED}), "recommendation.assess", _ppk_overdue),
    "advance": Step(
        GAKKUMDU, frozenset({RecStatus.IN_PROGRESS}), "criminal.track", _has_next_stage
    ),
    "conclude": Step(GAKKUMDU, frozenset({RecStatus.IN_PROGRESS}), "criminal.track", _may_end),
    "respond": Step(frozenset(RESPONDERS), frozenset({RecStatus.ISSUED}), RESPONDERS),
}


def applies(name: str, rec: Recommendation) -> bool:
    """Whether action ``name`` fits this recommendation now (addressee, status, condition)."""
    step = STEPS[name]
    return rec.addressee in step.addressees and rec.status in step.statuses and step.when(rec)


def actions_for(rec: Recommendation) -> list[str]:
    return [name for name in STEPS if applies(name, rec)]
