"""What a set of statistics covers: the whole country, one province (with its regencies and
cities) or one regency/city, optionally one election; and who may ask for it.

Every statistic filters through a ``Scope``, so a dashboard can never count a report outside
the region it was asked for, and staff can only ask for regions inside their jurisdiction
(others answer "not found", as for a region that does not exist).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Q

from netral.accounts.models import User
from netral.accounts.permissions import AnyUser, covers
from netral.common.errors import ApplicationError, NotFound
from netral.elections.lookups import stages_with_cycles
from netral.elections.models import Election, Stage
from netral.regions.lookups import child_codes, region_cached
from netral.regions.models import Region
from netral.rules.labels import rule_name

REGION_NOT_FOUND = "Wilayah dengan kode {code!r} tidak dikenal."
ELECTION_NOT_FOUND = "Pemilihan dengan id {id} tidak dikenal."
ELECTION_INVALID = "Parameter election harus berupa angka (id pemilihan), bukan {value!r}."

# Stage dates are calendar days in Bawaslu's announcements; the statistics read them in WIB.
STATS_TZ = ZoneInfo("Asia/Jakarta")


@dataclass(frozen=True)
class Scope:
    """A region (``None``: national) and an election (``None``: all)."""

    region: Region | None
    election: Election | None
    # The region's own code and its children's (empty for national): filters use IN lists,
    # which the region foreign-key indexes serve without a join.
    codes: tuple[str, ...] = ()

    @property
    def level(self) -> str:
        """``national``, ``province`` or ``regency``."""
        return "national" if self.region is None else self.region.level

    def reports_q(self) -> Q:
        """Reports whose event lies in the scope."""
        q = Q()
        if self.region is not None:
            q &= Q(region_id__in=self.codes)
        if self.election is not None:
            q &= Q(election_id=self.election.pk)
        return q

    def cases_q(self) -> Q:
        """Cases handled by an office in the scope."""
        q = Q()
        if self.region is not None:
            q &= Q(office_region_id__in=self.codes)
        if self.election is not None:
            q &= Q(election_id=self.election.pk)
        return q

    def query_params(self) -> dict[str, str]:
        params = {"region": self.region.code if self.region else ""}
        if self.election is not None:
            params["election"] = str(self.election.pk)
        return params


def _region_codes(region: Region) -> tuple[str, ...]:
    if region.level == Region.Level.PROVINCE:
        return (region.code, *child_codes(region.code))
    return (region.code,)


def _election(election_id: str | int | None) -> Election | None:
    if election_id in (None, ""):
        return None
    try:
        pk = int(election_id)
    except (TypeError, ValueError):
        raise ApplicationError(
            ELECTION_INVALID, params={"value": str(election_id)[:40]}, field="election"
        ) from None
    election = Election.objects.select_related("cycle").filter(pk=pk).first()
    if election is None:
        raise NotFound(ELECTION_NOT_FOUND, params={"id": pk}, field="election")
    return election


def scope_get(
    *, actor: AnyUser | None, region_code: str | None, election_id: str | int | None = None
) -> Scope:
    """The scope asked for. ``actor`` ``None`` is the public (aggregates of any region);
    staff without a region get their own jurisdiction, and a region outside it is
    ``NotFound`` like an unknown one."""
    code = (region_code or "").strip()
    if not code and isinstance(actor, User) and actor.jurisdiction_id is not None:
        code = actor.jurisdiction_id
    region: Region | None = None
    if code:
        region = region_cached(code)
        if region is None:
            raise NotFound(REGION_NOT_FOUND, params={"code": code[:20]}, field="region")
    if actor is not None and not covers(actor, region):
        raise NotFound(REGION_NOT_FOUND, params={"code": code[:20]}, field="region")
    election = _election(election_id)
    codes = _region_codes(region) if region is not None else ()
    return Scope(region=region, election=election, codes=codes)


@dataclass(frozen=True)
class StageWindow:
    """One stage of a cycle as a half-open interval of instants in WIB."""

    key: str  # "<cycle code>/<stage code>"
    code: str
    label: str
    cycle_id: int
    start: datetime.datetime
    end: datetime.datetime


def stage_windows(*, scope: Scope) -> list[StageWindow]:
    """The stages the scope's reports may fall in: the election's cycle, or every cycle.

    Latest-starting first, so a report in two overlapping stages counts in the later one
    (as ``ElectionCycle.stage_on`` does).
    """
    stages = stages_with_cycles()
    if scope.election is not None:
        return windows_of(s for s in stages if s.cycle_id == scope.election.cycle_id)
    return windows_of(stages)


def cycle_stage_windows(*, cycle_id: int) -> list[StageWindow]:
    """The stages of one cycle (a report's own), in ``stage_windows``' order."""
    return windows_of(s for s in stages_with_cycles() if s.cycle_id == cycle_id)


def windows_of(stages: Iterable[Stage]) -> list[StageWindow]:
    windows = []
    for stage in stages:
        start = datetime.datetime.combine(stage.start, datetime.time.min, STATS_TZ)
        end = datetime.datetime.combine(
            stage.end + datetime.timedelta(days=1), datetime.time.min, STATS_TZ
        )
        windows.append(
            StageWindow(
                key=f"{stage.cycle.code}/{stage.code}",
                code=stage.code,
                label=f"{rule_name(stage.cycle)} — {rule_name(stage)}",
                cycle_id=stage.cycle_id,
                start=start,
                end=end,
            )
        )
    windows.sort(key=lambda w: (w.start, w.key), reverse=True)
    return windows
