"""What every extractor returns: one entity with its span in the text it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal[
    "nip", "nik", "date", "legal_ref", "money", "candidate_pair", "agency", "position", "url"
]


@dataclass(frozen=True)
class Entity:
    kind: Kind
    text: str
    start: int
    end: int
    valid: bool = True
    value: dict[str, Any] = field(default_factory=dict)
    reason: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "valid": self.valid,
            "value": self.value,
            "reason": self.reason,
        }


def entity(kind: Kind, source: str, start: int, end: int, **rest: Any) -> Entity:
    """An entity whose ``text`` is exactly ``source[start:end]``."""
    return Entity(kind, source[start:end], start, end, **rest)
