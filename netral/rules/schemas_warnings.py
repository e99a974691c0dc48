"""The shape of ``warnings.toml``: how early warnings are computed per region.

The thresholds are Netral's own method, not law: the file is ``confirmed = false`` as a whole
and states its statistical test in ``method``. Each signal names the points it adds when it
fires and the actions a warning proposes for it; a warning is raised when the fired signals'
points reach ``raise_at`` and at least one of them is an event signal (not only the region's
IKP class or its election stage).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictInt, model_validator

from netral.rules.schemas import Code, Text, _Entry, _Sourced

# What a warning may propose (the pages and the API word each one).
ActionCode = Literal[
    "appeal",  # send an appeal from the template for the stage (appeals.toml)
    "social_media_patrol",  # a social-media patrol of the agency most reported
    "ppk_reminder",  # remind the PPK (through BKN) of its overdue recommendations
    "appeal_reminder",  # remind the regional government to acknowledge the appeal
    "repeat_review",  # review the civil servants reported again and again
]

NO_EVENT_SIGNAL = "raise_at {raise_at} cannot be reached by event signals alone"


class _Signal(_Entry):
    # Points the signal adds to the region's score when it fires (0: shown, never counted).
    points: StrictInt = Field(ge=0, le=10)
    actions: tuple[ActionCode, ...] = ()


class RiseSignal(_Signal):
    """This week's reports and findings against the region's baseline (the Poisson test)."""


class CountSignal(_Signal):
    # Fires when the count reaches this.
    threshold: StrictInt = Field(ge=1)


class RepeatSignal(CountSignal):
    # A civil servant (one NIP) is a repeat offender when reported in this many cases...
    min_cases: StrictInt = Field(ge=2)
    # ...within this many days before the day computed.
    window_days: StrictInt = Field(ge=7, le=730)


class StageSignal(_Signal):
    # A stage starting within this many days is the region's "next" stage.
    lookahead_days: StrictInt = Field(ge=0, le=90)


class IkpSignal(_Signal):
    # IKP classes (ikp.toml codes) that fire the signal.
    classes: tuple[Literal["low", "medium", "high"], ...] = Field(min_length=1)


class Signals(_Entry):
    rise: RiseSignal
    ppk_overdue: CountSignal
    repeat_offenders: RepeatSignal
    appeals_unacknowledged: CountSignal
    risk_stage: StageSignal
    ikp_class: IkpSignal

    @property
    def event_codes(self) -> tuple[str, ...]:
        """Signals about what happened in the region (the others are its context)."""
        return ("rise", "ppk_overdue", "repeat_offenders", "appeals_unacknowledged")


class WarningsFile(_Sourced):
    method: Text
    # Weeks before the current one that make a region's own baseline.
    baseline_weeks: StrictInt = Field(ge=2, le=52)
    # One-sided significance level of the rise test.
    alpha: float = Field(gt=0, lt=0.5)
    # A week with fewer reports and findings than this never raises a rise signal.
    min_count: StrictInt = Field(ge=1)
    # A baseline mean below this is raised to it, so a region without history does not find
    # its first reports infinitely unlikely.
    min_baseline_mean: float = Field(gt=0, le=10)
    # Election stage codes counted as risk stages (IKP 2024, seed 000).
    risk_stages: tuple[Code, ...] = Field(min_length=1)
    # A warning is raised when the fired signals' points reach this.
    raise_at: StrictInt = Field(ge=1, le=50)
    signals: Signals

    @model_validator(mode="after")
    def _reachable(self) -> WarningsFile:
        events = sum(getattr(self.signals, code).points for code in self.signals.event_codes)
        context = self.signals.risk_stage.points + self.signals.ikp_class.points
        if events + context < self.raise_at or events == 0:
            raise ValueError(NO_EVENT_SIGNAL.format(raise_at=self.raise_at))
        return self
