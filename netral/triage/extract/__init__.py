"""Extraction from report text, pasted posts and news articles (issue #12, item 1).

``extract(text, reference_date=...)`` returns every entity found, in text order, each with
its exact span (``text[start:end] == entity.text``). Suggestions only: nothing is stored.

Bounded for hostile input: at most ``MAX_TEXT`` characters (longer is refused with a
reason); one linear tokenizer pass, then extractors that walk the tokens with small state
machines and fixed look-ahead, so the work grows linearly with the text.

Numbers are claimed once: where a NIP, an act's "10/2016", an amount and a date would read
the same digits, the first kind in ``CLAIM_ORDER`` keeps them. Names (agencies, positions)
may overlap ("Kepala Dinas Pendidikan": a position and an agency); nothing is kept inside an
address.
"""

from __future__ import annotations

import datetime

from netral.common import clock
from netral.common.errors import ApplicationError
from netral.triage.extract.agencies import extract_agencies, extract_positions
from netral.triage.extract.candidates import extract_candidate_pairs
from netral.triage.extract.dates import MAX_YEAR, MIN_YEAR, extract_dates
from netral.triage.extract.entity import Entity, Kind
from netral.triage.extract.identifiers import extract_identifiers
from netral.triage.extract.legal import extract_legal_refs
from netral.triage.extract.money import extract_money
from netral.triage.extract.tokens import tokenize
from netral.triage.extract.urls import extract_urls

__all__ = ["MAX_TEXT", "TEXT_TOO_LONG", "Entity", "Kind", "extract"]

MAX_TEXT = 20_000
TEXT_TOO_LONG = "Teks terlalu panjang: paling banyak {limit} karakter."
REFERENCE_OUT_OF_RANGE = "Tanggal acuan harus antara tahun {low} dan {high}."

# Kinds that read digits, in the order they claim them.
CLAIM_ORDER: tuple[Kind, ...] = ("nip", "nik", "legal_ref", "money", "date", "candidate_pair")


def _overlaps(a: Entity, b: Entity) -> bool:
    return a.start < b.end and b.start < a.end


def extract(text: str, *, reference_date: datetime.date | None = None) -> list[Entity]:
    """Every entity in ``text``; relative dates count from ``reference_date`` (the report's
    date; default the domain's today). Raises ``ApplicationError`` for a text over
    ``MAX_TEXT`` characters or a reference date outside the years dates are read in."""
    if len(text) > MAX_TEXT:
        raise ApplicationError(TEXT_TOO_LONG, field="text", params={"limit": MAX_TEXT})
    ref = reference_date or clock.today()
    if not MIN_YEAR < ref.year < MAX_YEAR:
        raise ApplicationError(
            REFERENCE_OUT_OF_RANGE,
            field="reference_date",
            params={"low": MIN_YEAR + 1, "high": MAX_YEAR - 1},
        )
    tokens = tokenize(text)
    urls = extract_urls(text)

    def outside_urls(found: list[Entity]) -> list[Entity]:
        return [e for e in found if not any(_overlaps(e, u) for u in urls)]

    by_kind: dict[Kind, list[Entity]] = {
        "nip": [],
        "nik": [],
        "legal_ref": extract_legal_refs(text, tokens, ref),
        "money": extract_money(text, tokens),
        "date": extract_dates(text, tokens, ref),
        "candidate_pair": extract_candidate_pairs(text, tokens),
    }
    for found in extract_identifiers(text, tokens, ref):
        by_kind[found.kind].append(found)
    claimed: list[Entity] = []
    for kind in CLAIM_ORDER:
        for found in outside_urls(by_kind[kind]):
            if not any(_overlaps(found, other) for other in claimed):
                claimed.append(found)
    names = outside_urls(extract_agencies(text, tokens) + extract_positions(text, tokens))
    return sorted(claimed + names + urls, key=lambda e: (e.start, e.end, e.kind))
