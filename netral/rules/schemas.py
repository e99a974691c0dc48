"""The shape of each rulebook data file (pydantic, frozen).

These models are both the schema the files are validated against and the in-memory objects
the rest of Netral reads: a loaded rule never changes while the process runs. Checks that
span entries or files (unique codes, references) live in ``checks.py``.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints

# A stable identifier other apps store in their rows: lower case, digits and underscores.
Code = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=60)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

ElectionKind = Literal["pilkada", "pemilu"]
ELECTION_KINDS: tuple[ElectionKind, ...] = ("pilkada", "pemilu")
ViolationKindCode = Literal["asn_neutrality", "criminal", "administrative", "ethics", "other_law"]
SanctionTrack = Literal["ethics", "discipline"]
DeadlineUnit = Literal["calendar_day", "working_day", "hour"]
DeadlineTrack = Literal["handling", "gakkumdu", "ppk"]
DeadlineEvent = Literal[
    "known",
    "discovered",
    "received",
    "registered",
    "decided",
    "deficiency_notified",
    "recommendation_received",
    "forwarded_to_police",
    "file_received",
    "file_returned",
    "file_complete",
    "case_filed",
    "verdict",
    "appeal_lodged",
]

# A violation type names this instead of a sanction code when the SKB gives none on a track.
NO_SANCTION = "none"


class _Entry(BaseModel):
    # Unknown keys are errors, so a misspelt field in a data file cannot pass silently.
    model_config = ConfigDict(extra="forbid", frozen=True, validate_by_name=True)


class _Sourced(_Entry):
    """An entry that may still await an official text (``confirmed = false``)."""

    confirmed: bool = True
    note: str = ""


# --- violation_types.toml --------------------------------------------------------------------


class ViolationKind(_Entry):
    code: ViolationKindCode
    name: Text
    name_en: Text
    forwarded_to: Text
    legal_basis: Text


class ViolationType(_Sourced):
    code: Code
    name: Text
    name_en: Text
    violation_kind: ViolationKindCode
    source: Literal["skb_2022", "pp94_2021", "uu1_2015", "uu7_2017"]
    legal_basis: Text
    ethics_sanction: Code
    discipline_sanction: Code
    share_2020: float | None = Field(default=None, ge=0, le=100)
    criminal_articles: tuple[Code, ...] = ()


class ViolationTypesFile(_Entry):
    kinds: tuple[ViolationKind, ...] = Field(min_length=1)
    violation_types: tuple[ViolationType, ...] = Field(min_length=1)


# --- sanctions.toml --------------------------------------------------------------------------


class SanctionOption(_Entry):
    code: Code
    name: Text
    name_en: Text
    months: StrictInt | None = Field(default=None, gt=0)
    allowance_cut_percent: StrictInt | None = Field(default=None, gt=0, le=100)


class Sanction(_Sourced):
    code: Code
    name: Text
    name_en: Text
    tracks: tuple[SanctionTrack, ...] = Field(min_length=1)
    severity: StrictInt = Field(ge=0)
    legal_basis: Text
    options: tuple[SanctionOption, ...] = ()


class SanctionsFile(_Entry):
    sanctions: tuple[Sanction, ...] = Field(min_length=1)


# --- criminal_articles.toml ------------------------------------------------------------------


class CriminalArticle(_Sourced):
    code: Code
    election_kind: ElectionKind
    law: Text
    article: Text
    prohibition: Text | None = None
    offender: Text
    offender_en: Text
    description: Text
    description_en: Text
    prison_min_months: StrictInt | None = Field(default=None, ge=0)
    prison_max_months: StrictInt = Field(gt=0)
    fine_min_rp: StrictInt | None = Field(default=None, ge=0)
    fine_max_rp: StrictInt = Field(gt=0)
    penalty_mode: Literal["and_or", "and"]


class CriminalArticlesFile(_Entry):
    criminal_articles: tuple[CriminalArticle, ...] = Field(min_length=1)


# --- deadlines.toml --------------------------------------------------------------------------


class DeadlineRule(_Sourced):
    code: Code
    name: Text
    name_en: Text
    track: DeadlineTrack
    days: StrictInt | None = Field(default=None, gt=0)
    hours: StrictInt | None = Field(default=None, gt=0)
    unit: DeadlineUnit
    from_: DeadlineEvent = Field(alias="from")
    extends: Code | None = None
    legal_basis: Text
    unit_confirmed: bool = True

    @property
    def amount(self) -> int:
        """The count in ``unit`` (hours for an hour rule, days otherwise)."""
        value = self.hours if self.unit == "hour" else self.days
        assert value is not None  # guaranteed by the unit check in checks.py
        return value


class DeadlinesFile(_Entry):
    pilkada: tuple[DeadlineRule, ...] = Field(min_length=1)
    pemilu: tuple[DeadlineRule, ...] = Field(min_length=1)
    common: tuple[DeadlineRule, ...] = ()


# --- office_hours.toml -----------------------------------------------------------------------


class OfficeHours(_Entry):
    legal_basis: Text
    weekdays: tuple[Annotated[StrictInt, Field(ge=1, le=7)], ...] = Field(min_length=1)
    opens: datetime.time
    closes: datetime.time
    round_the_clock_stages: tuple[Code, ...] = ()

    def accepts_reports(self, *, local: datetime.datetime, stage: str | None) -> bool:
        """Whether an office receives reports at ``local`` (the office's own time zone).

        Perbawaslu 8/2020 as amended by 9/2024: Monday to Friday 08.00-16.00, round the
        clock during the listed stages (quiet period, voting, recapitulation).
        """
        if stage is not None and stage in self.round_the_clock_stages:
            return True
        return local.isoweekday() in self.weekdays and self.opens <= local.time() < self.closes


# --- collective_leave.toml -------------------------------------------------------------------


class CollectiveLeaveDay(_Sourced):
    date: datetime.date
    name: Text
    source: Text


class CollectiveLeaveFile(_Entry):
    days: tuple[CollectiveLeaveDay, ...] = ()


# --- requirements.toml -----------------------------------------------------------------------


class Requirement(_Sourced):
    code: Code
    kind: Literal["formal", "material"]
    name: Text
    name_en: Text
    legal_basis: Text
    fields: tuple[Code, ...] = ()
    deadline: Code | None = None


class RequirementsFile(_Entry):
    completion_deadline: Code
    requirements: tuple[Requirement, ...] = Field(min_length=1)


# Every file a rulebook version folder must hold, with its schema.
FILE_SCHEMAS: dict[str, type[_Entry]] = {
    "violation_types.toml": ViolationTypesFile,
    "sanctions.toml": SanctionsFile,
    "criminal_articles.toml": CriminalArticlesFile,
    "deadlines.toml": DeadlinesFile,
    "office_hours.toml": OfficeHours,
    "collective_leave.toml": CollectiveLeaveFile,
    "requirements.toml": RequirementsFile,
}
