"""The shape of ``retention.toml``: how long Netral keeps each kind of data.

One rule per kind of data, each with its period (days after the case's handling ended), how
many days before expiry the office is warned, and its legal basis. No regulation found sets
these periods for Bawaslu's violation records: each rule says so (``confirmed = false``)
until an official retention schedule (jadwal retensi arsip) is adopted.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictInt, model_validator

from netral.rules.schemas import Code, Text, _Sourced

# What a rule erases (``netral.operations.retention`` words each one). These core kinds must
# each have a rule; a rule may also name a kind an app registers in ``netral.common.retention``
# (its case notes, derived signatures, event log...), which operations checks is registered.
DataKind = Literal[
    "identity",  # the reporter's identity and contact address
    "evidence_original",  # evidence originals as received (with their file names)
    "clean_copy",  # the cleaned copies of evidence
    "messages",  # messages between reporter and office
    "closed_case",  # everything of a closed case except what the statistics count
    "rejected_report",  # everything of a report that was not registered, likewise
]
DATA_KINDS: tuple[DataKind, ...] = (
    "identity",
    "evidence_original",
    "clean_copy",
    "messages",
    "closed_case",
    "rejected_report",
)

DUPLICATE_RULE = "two retention rules for {data!r}"
MISSING_RULE = "no retention rule for {data!r}"
WARN_AFTER_EXPIRY = "warn_days ({warn}) must be shorter than keep_days ({keep})"


class RetentionRule(_Sourced):
    code: Code
    data: Code  # a DataKind or a registered kind (``netral.common.retention``)
    # Kept this many days after the case's handling ended (closed or not registered).
    keep_days: StrictInt = Field(ge=1, le=36500)
    # The office is warned this many days before the data goes.
    warn_days: StrictInt = Field(ge=0, le=365)
    basis: Text

    @model_validator(mode="after")
    def _warn_before(self) -> RetentionRule:
        if self.warn_days >= self.keep_days:
            raise ValueError(WARN_AFTER_EXPIRY.format(warn=self.warn_days, keep=self.keep_days))
        return self


class RetentionFile(_Sourced):
    rules: tuple[RetentionRule, ...]

    @model_validator(mode="after")
    def _one_per_kind(self) -> RetentionFile:
        seen = [rule.data for rule in self.rules]
        for data in seen:
            if seen.count(data) > 1:
                raise ValueError(DUPLICATE_RULE.format(data=data))
        for data in DATA_KINDS:
            if data not in seen:
                raise ValueError(MISSING_RULE.format(data=data))
        return self
