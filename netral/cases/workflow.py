"""The case workflow as data: which action moves a case from which states to which, and
who may take it. Services consult this table; nothing else changes a case's status.

received -> (incomplete ->) registered | not_registered -> clarification -> study ->
decided -> announced -> closed. A case merged into another leaves the workflow.
"""

from __future__ import annotations

from dataclasses import dataclass

from netral.cases.models import Status


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    target: str
    capability: str


TRANSITIONS: dict[str, Transition] = {
    "request_completion": Transition(
        frozenset({Status.RECEIVED}), Status.INCOMPLETE, "case.handle"
    ),
    "register": Transition(
        frozenset({Status.RECEIVED, Status.INCOMPLETE}), Status.REGISTERED, "case.handle"
    ),
    "not_register": Transition(
        frozenset({Status.RECEIVED, Status.INCOMPLETE}), Status.NOT_REGISTERED, "case.handle"
    ),
    "start_clarification": Transition(
        frozenset({Status.REGISTERED}), Status.CLARIFICATION, "case.handle"
    ),
    "start_study": Transition(
        frozenset({Status.REGISTERED, Status.CLARIFICATION}), Status.STUDY, "case.handle"
    ),
    "decide": Transition(frozenset({Status.STUDY}), Status.DECIDED, "case.decide"),
    "announce": Transition(
        frozenset({Status.DECIDED, Status.NOT_REGISTERED}), Status.ANNOUNCED, "case.handle"
    ),
    "close": Transition(frozenset({Status.ANNOUNCED}), Status.CLOSED, "case.handle"),
    "merge": Transition(
        frozenset({Status.RECEIVED, Status.INCOMPLETE, Status.REGISTERED}),
        Status.MERGED,
        "case.handle",
    ),
}

# Actions that change a case but not its status, with the states they are allowed in.
IN_PLACE: dict[str, Transition] = {
    # Anonymous information taken up as a finding (temuan): only while the office still
    # handles it; a decided, announced, closed or merged case keeps what it was decided as.
    "to_finding": Transition(
        frozenset(
            {
                Status.RECEIVED,
                Status.INCOMPLETE,
                Status.REGISTERED,
                Status.CLARIFICATION,
                Status.STUDY,
            }
        ),
        "",  # the status stays
        "finding.create",
    ),
    # Anonymous information whose reporter stepped forward within the reporting window: a
    # laporan from then on, in the same states. Taken by the reporter through the receipt
    # code (``reports.step_forward``), so no staff capability.
    "to_report": Transition(
        frozenset(
            {
                Status.RECEIVED,
                Status.INCOMPLETE,
                Status.REGISTERED,
                Status.CLARIFICATION,
                Status.STUDY,
            }
        ),
        "",  # the status stays
        "",
    ),
}

# States in which the office may still extend the deadline or hand the case over.
OPEN_FOR_HANDLING = frozenset(
    {Status.RECEIVED, Status.INCOMPLETE, Status.REGISTERED, Status.CLARIFICATION, Status.STUDY}
)
FINAL = frozenset({Status.CLOSED, Status.MERGED})


def allowed(status: str, action: str) -> bool:
    return status in TRANSITIONS[action].sources


def actions_from(status: str) -> list[str]:
    return [name for name, t in TRANSITIONS.items() if status in t.sources]
