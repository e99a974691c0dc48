"""The shape of ``appeals.toml``: appeal (imbauan) templates and their deadlines.

No statute sets how fast a regional government must acknowledge or act on a Bawaslu appeal:
both deadlines are Netral's working defaults, ``confirmed = false`` until an official text
names them. Each template names the election stages it serves and cites its legal basis.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictInt, model_validator

from netral.rules.schemas import Code, Text, _Entry, _Sourced

DUPLICATE_TEMPLATE = "template {code!r} appears twice"


class AppealDeadline(_Sourced):
    days: StrictInt = Field(gt=0, le=90)
    # Counted in days as ``rules.deadlines`` counts them (the issue day not counted).
    unit: Literal["working_day", "calendar_day"] = "working_day"


class AppealTemplate(_Sourced):
    code: Code
    title: Text
    title_en: Text
    # Election stage codes (``elections/data/*.toml``) the template is written for.
    stages: tuple[Code, ...] = Field(min_length=1)
    subject: Text
    # Placeholders filled when a draft is made: {addressee}, {election}, {office}, {stage}.
    body: Text
    legal_basis: tuple[Text, ...] = Field(min_length=1)


class AppealsFile(_Entry):
    acknowledge: AppealDeadline
    follow_up: AppealDeadline
    templates: tuple[AppealTemplate, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_codes(self) -> AppealsFile:
        codes = [t.code for t in self.templates]
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise ValueError("; ".join(DUPLICATE_TEMPLATE.format(code=c) for c in twice))
        return self
