"""The shape of each rulebook data file (pydantic, frozen).

These models are both the schema the files are validated against and the in-memory objects
the rest of Netral reads: a loaded rule never changes while the process runs. Checks that
span entries or files (unique codes, references) live in ``checks.py``.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictInt, StringConstraints, model_validator

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


# --- ikp.toml --------------------------------------------------------------------------------
# The election vulnerability index (Indeks Kerawanan Pemilu), Bawaslu's IKP 2024 method: four
# dimensions, sub-dimensions and indicators, each indicator normalised to 0-100 and weighted.

IkpSource = Literal["netral", "imported"]
# What Netral computes from its own data (``netral.analytics.ikp``); ``imported`` indicators
# read ``IndicatorValue`` rows instead.
IkpMetric = Literal[
    "reports_per_stage",
    "reports_of_kind",
    "violations_confirmed",
    "recurrence_share",
    "late_share",
]
WEIGHT_TOLERANCE = 1e-6
WEIGHTS_NOT_ONE = "weights of {what} add up to {total}, not 1"
UNKNOWN_IKP_REF = "unknown {what} {code!r}"
IKP_METRIC_NEEDS = "a netral indicator needs `metric`; an imported one must not have it"
IKP_RANGE = "normalisation range is empty: min {low} >= max {high}"
IKP_CLASSES_GAP = "classes must cover 0-100 in order without gaps"


class IkpClass(_Sourced):
    code: Literal["low", "medium", "high"]
    name: Text
    name_en: Text
    # A score belongs to the first class whose ``upper`` it does not exceed.
    lower: float = Field(ge=0, le=100)
    upper: float = Field(ge=0, le=100)


class IkpDimension(_Sourced):
    code: Code
    name: Text
    name_en: Text
    weight: float = Field(gt=0, le=1)


class IkpSubdimension(_Sourced):
    code: Code
    dimension: Code
    name: Text
    name_en: Text
    weight: float = Field(gt=0, le=1)


class IkpIndicator(_Sourced):
    code: Code
    subdimension: Code
    name: Text
    name_en: Text
    source: IkpSource
    metric: IkpMetric | None = None
    # Parameters of the metric: a stage code for ``reports_per_stage``, a violation kind for
    # ``reports_of_kind``.
    stage: Code | None = None
    violation_kind: ViolationKindCode | None = None
    unit: Text
    weight: float = Field(gt=0, le=1)
    # Linear min-max normalisation: raw ``min`` -> 0, raw ``max`` -> 100, clipped outside.
    min: float
    max: float
    # ``lower``: a lower raw value is more vulnerable (the normalised value is reversed).
    direction: Literal["higher", "lower"] = "higher"


class IkpFile(_Entry):
    method: Text
    legal_basis: Text
    classes: tuple[IkpClass, ...] = Field(min_length=1)
    dimensions: tuple[IkpDimension, ...] = Field(min_length=1)
    subdimensions: tuple[IkpSubdimension, ...] = Field(min_length=1)
    indicators: tuple[IkpIndicator, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _references_and_weights(self) -> IkpFile:
        """Every reference resolves and the weights at each level add up to 1."""
        problems: list[str] = []
        for seq, what in (
            (self.dimensions, "dimension"),
            (self.subdimensions, "subdimension"),
            (self.indicators, "indicator"),
        ):
            codes = [e.code for e in seq]
            problems += [f"{what} {c!r} appears twice" for c in set(codes) if codes.count(c) > 1]
        dims = {d.code for d in self.dimensions}
        subs = {s.code for s in self.subdimensions}
        problems += [
            UNKNOWN_IKP_REF.format(what="dimension", code=s.dimension)
            for s in self.subdimensions
            if s.dimension not in dims
        ]
        problems += [
            UNKNOWN_IKP_REF.format(what="subdimension", code=i.subdimension)
            for i in self.indicators
            if i.subdimension not in subs
        ]
        for i in self.indicators:
            if (i.source == "netral") != (i.metric is not None):
                problems.append(f"indicator {i.code!r}: {IKP_METRIC_NEEDS}")
            if i.min >= i.max:
                problems.append(f"indicator {i.code!r}: " + IKP_RANGE.format(low=i.min, high=i.max))
        groups: list[tuple[str, list[float]]] = [
            ("the dimensions", [d.weight for d in self.dimensions])
        ]
        groups += [
            (f"dimension {d!r}", [s.weight for s in self.subdimensions if s.dimension == d])
            for d in dims
        ]
        groups += [
            (f"subdimension {s!r}", [i.weight for i in self.indicators if i.subdimension == s])
            for s in subs
        ]
        for what, weights in groups:
            total = round(sum(weights), 9)
            if abs(total - 1) > WEIGHT_TOLERANCE:
                problems.append(WEIGHTS_NOT_ONE.format(what=what, total=total))
        previous = 0.0
        for cls in self.classes:
            if cls.lower > previous + 0.011 or cls.upper <= cls.lower:
                problems.append(IKP_CLASSES_GAP)
                break
            previous = cls.upper
        if previous != 100:
            problems.append(IKP_CLASSES_GAP)
        if problems:
            raise ValueError("; ".join(sorted(set(problems))))
        return self
