"""My work: what waits for the signed-in person, gathered from the apps that own it.

Accounts stands below the apps that know the work (reports, cases, follow-up), so it offers a
hook they answer in their ``AppConfig.ready``: each handler returns the sections it owns for
the actor (an empty list when the role has none), already scoped to the actor's jurisdiction
through that app's selectors. The staff home page shows the sections; the menu shows their
total (``counts_only``: each handler then counts, it does not load rows).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from netral.common.hooks import Hook

if TYPE_CHECKING:
    from netral.accounts.models import User

# How many rows a section lists on the home page; its link leads to the full list.
SECTION_ROWS = 8


@dataclass(frozen=True)
class WorkItem:
    """One row: what it is, where to open it, a short note and its deadline (if any)."""

    label: str
    url: str
    note: str = ""
    due_at: datetime.datetime | None = None
    late: bool = False


@dataclass(frozen=True)
class WorkSection:
    """One block of the home page. ``order`` places it (lower first); ``count`` is the whole
    number waiting, ``items`` the first ``SECTION_ROWS`` of them."""

    key: str
    title: str
    count: int
    order: int
    items: list[WorkItem] = field(default_factory=list)
    more_url: str = ""
    empty: str = ""


@dataclass(frozen=True)
class WorkRequest:
    actor: User
    now: datetime.datetime
    counts_only: bool = False


# Each handler: the sections its app owns for the actor (possibly none).
my_work_sections: Hook[WorkRequest, list[WorkSection]] = Hook("accounts.my_work_sections")


def my_work(*, actor: User, now: datetime.datetime, counts_only: bool = False) -> list[WorkSection]:
    """Every section for ``actor``, in page order."""
    request = WorkRequest(actor=actor, now=now, counts_only=counts_only)
    sections = [s for answer in my_work_sections.ask(request) for s in answer]
    return sorted(sections, key=lambda s: (s.order, s.key))


def my_work_total(*, actor: User, now: datetime.datetime) -> int:
    """How many things wait for ``actor`` in all (the menu's count)."""
    return sum(s.count for s in my_work(actor=actor, now=now, counts_only=True))
