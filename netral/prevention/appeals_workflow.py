"""The appeal workflow as data, like ``followup.workflow``: each action, what it acts on (the
appeal, or one addressee's row), from which state, and the capability it needs. Services
check it before acting; the pages offer exactly the actions it allows.

Bawaslu: draft -> (edited any number of times) -> issued. The addressee's PPK office: on an
issued appeal, acknowledge once (who, position, when), then report follow-ups (circular
letters, briefings) as they happen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from netral.prevention.models import Appeal, AppealRecipient

Target = Literal["appeal", "recipient"]


def _draft(obj: Appeal | AppealRecipient) -> bool:
    appeal = obj if isinstance(obj, Appeal) else obj.appeal
    return appeal.status == Appeal.Status.DRAFT


def _issued(obj: Appeal | AppealRecipient) -> bool:
    appeal = obj if isinstance(obj, Appeal) else obj.appeal
    return appeal.status == Appeal.Status.ISSUED


def _not_acknowledged(obj: Appeal | AppealRecipient) -> bool:
    return isinstance(obj, AppealRecipient) and _issued(obj) and obj.acknowledged_at is None


@dataclass(frozen=True)
class Step:
    target: Target
    capability: str
    # Whether the step fits the object now; the service gives the reason when it does not.
    when: Callable[[Appeal | AppealRecipient], bool]


STEPS: dict[str, Step] = {
    "edit": Step("appeal", "appeal.issue", _draft),
    "issue": Step("appeal", "appeal.issue", _draft),
    "acknowledge": Step("recipient", "appeal.respond", _not_acknowledged),
    "follow_up": Step("recipient", "appeal.respond", _issued),
}

# The actions a PPK office takes on its row, in the order its desk shows them.
RECIPIENT_ACTIONS = tuple(name for name, step in STEPS.items() if step.target == "recipient")


def applies(name: str, obj: Appeal | AppealRecipient) -> bool:
    """Whether action ``name`` fits ``obj`` (an appeal or an addressee's row) now."""
    step = STEPS[name]
    wanted = Appeal if step.target == "appeal" else AppealRecipient
    return isinstance(obj, wanted) and step.when(obj)


def actions_for(obj: Appeal | AppealRecipient) -> list[str]:
    return [name for name in STEPS if applies(name, obj)]
