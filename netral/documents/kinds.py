"""Which official documents exist, as the apps that issue them declare them.

An issuing app keeps a ``document_kinds`` module that calls :func:`register_kind` for each of
its documents (cases: registration notices, clarification papers, announcements; follow-up:
recommendation letters; reports: the receipt). ``DocumentsConfig.ready`` imports those
modules, so every kind is known before the first request. The stored kind stays a plain
string: adding a kind needs no migration here, and documents imports nothing from the apps
above it.

Each document is about one subject, named by a type the kind declares and an id, e.g.
("case", "12"), ("clarification", "3"), ("report", "<public id>"), ("recommendation", "5").
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Kind:
    code: str
    label: str | Promise
    subject_type: str
    # A series of its own ("IKR": numbers NTR/<year>/IKR-<office>/<n>) for documents the
    # public can cause, so they never take numbers from the office's letters; "" shares it.
    series: str = ""


@dataclass(frozen=True)
class Subject:
    """What a document is about: a subject type its kind names, and that subject's id."""

    type: str
    id: str

    @classmethod
    def of(cls, type_: str, id_: object) -> Subject:
        return cls(type=type_, id=str(id_))


_KINDS: dict[str, Kind] = {}


def register_kind(code: str, label: str | Promise, *, subject_type: str, series: str = "") -> str:
    """Declare a kind of document; returns its code. Registering the same kind again is a
    no-op (modules may be imported twice); a different kind under a taken code is an error."""
    if series and not (series.isascii() and series.isalpha() and series.isupper()):
        raise ValueError(f"document series {series!r}: capital letters only")
    kind = Kind(code=code, label=label, subject_type=subject_type, series=series)
    known = _KINDS.setdefault(code, kind)
    if known != kind:
        raise ValueError(f"document kind {code!r} is already registered as {known!r}")
    return code


def kind_get(code: str) -> Kind | None:
    return _KINDS.get(code)


def kind_label(code: str) -> str:
    """The kind's name in the active language; the code itself for a kind no app declares
    any more (its documents still verify)."""
    kind = _KINDS.get(code)
    return str(kind.label) if kind is not None else code


def kinds_all() -> list[Kind]:
    return list(_KINDS.values())
