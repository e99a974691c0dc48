from __future__ import annotations

import datetime
from typing import Any

from netral.triage.extract import Entity, extract

REF = datetime.date(2024, 9, 20)  # a Friday


def found(text: str, kind: str, *, ref: datetime.date = REF) -> list[Entity]:
    entities = extract(text, reference_date=ref)
    for e in entities:
        assert text[e.start : e.end] == e.text, e
    return [e for e in entities if e.kind == kind]


def one(text: str, kind: str, **kw: Any) -> Entity:
    hits = found(text, kind, **kw)
    assert len(hits) == 1, hits
    return hits[0]


def span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)
