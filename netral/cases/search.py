"""Full-text search over the cases staff may see.

The index (``CaseSearch``) holds one normalised document per case; writes keep it in step
(``case_search_refresh``: case opened or registered, reports merged in, a reporter's message,
a NIP filled in, information turned into a report) inside the write's own transaction, so a
rolled-back action leaves the index as it was. A search never reads the index alone: it
narrows the jurisdiction-scoped case list (``case_list_for``), so it cannot return a case
outside the searcher's jurisdiction, whatever the index holds.

Matching: each word of the query must begin a word of the document (a word of one or two
characters must be the whole word), the parts of one query word (``32.75``, ``007/Reg``)
following each other. PostgreSQL answers from a GIN index over
the generated ``to_tsvector('simple', document)`` (no stemming: names, NIP and Indonesian text
as written);
SQLite (development, the embedded install) from ``LIKE '% word%'`` over the same document
(a scan, fine for one office's cases).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import QuerySet
from django.utils import timezone

from netral.cases.models import Case, CaseSearch
from netral.reports.models import Message, Report

# Bounds on what one search may ask (the form caps the text at 200 characters as well).
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 8
# Bounds on one case's document: a case with hundreds of long messages stays searchable by
# its first megabyte-ish of text without growing the index without limit.
MAX_PART_CHARS = 20_000
MAX_DOCUMENT_CHARS = 200_000

# A run of anything that is not a letter or digit (underscore included). A single character
# class with "+": linear, no backtracking whatever the input.
_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """Casefolded, accents removed, words separated by single spaces: ``"Rosé/PL 32.75"`` ->
    ``"rose pl 32 75"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", bare.casefold()).strip()


def query_words(q: str) -> list[list[str]]:
    """The query as words, each a list of tokens that must follow each other; at most
    ``MAX_QUERY_WORDS`` words from the first ``MAX_QUERY_CHARS`` characters."""
    words = []
    for raw in q[:MAX_QUERY_CHARS].split():
        tokens = normalise(raw).split()
        if tokens:
            words.append(tokens)
        if len(words) == MAX_QUERY_WORDS:
            break
    return words


def _parts(case: Case, reports: list[Report], messages: list[Message]) -> Iterator[str]:
    if case.register_number:
        yield case.register_number
    for report in reports:
        yield from (report.reported_name, report.reported_nip, report.agency)
        yield report.chronology[:MAX_PART_CHARS]
    for message in messages:
        yield message.body[:MAX_PART_CHARS]


def case_document(case: Case, reports: list[Report], messages: list[Message]) -> str:
    """The searchable text of a case: what staff with access to it read on its pages, and
    nothing of the reporter's identity (``Reporter`` is never read here)."""
    text = normalise(" ".join(p for p in _parts(case, reports, messages) if p))
    return f" {text[:MAX_DOCUMENT_CHARS]} "


def case_search_refresh(*, case_ids: Iterable[int]) -> None:
    """Rebuild the index rows of ``case_ids`` from what is stored now (a few queries for any
    number of cases). Call inside the transaction of the write that changed them."""
    ids = sorted(set(case_ids))
    if not ids:
        return
    cases = Case.objects.filter(pk__in=ids).only("pk", "register_number")
    reports: dict[int, list[Report]] = {}
    for report in (
        Report.objects.filter(case_id__in=ids)
        .only("pk", "case_id", "reported_name", "reported_nip", "agency", "chronology")
        .order_by("submitted_at", "pk")
    ):
        assert report.case_id is not None
        reports.setdefault(report.case_id, []).append(report)
    messages: dict[int, list[Message]] = {}
    for message in (
        Message.objects.filter(report__case_id__in=ids, sender=Message.Sender.REPORTER)
        .select_related("report")
        .only("pk", "body", "report__case_id")
        .order_by("created_at", "pk")
    ):
        case_id = message.report.case_id
        assert case_id is not None
        messages.setdefault(case_id, []).append(message)
    now = timezone.now()
    rows = [
        CaseSearch(
            case_id=case.pk,
            document=case_document(case, reports.get(case.pk, []), messages.get(case.pk, [])),
            updated_at=now,
        )
        for case in cases
    ]
    CaseSearch.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["case"],
        update_fields=["document", "updated_at"],
    )


def case_search_rebuild(*, batch_size: int = 1000) -> int:
    """Rebuild the whole index in batches (after a bulk load or a restore); returns how many
    cases were indexed. Idempotent."""
    done = 0
    last = 0
    while True:
        ids = list(
            Case.objects.filter(pk__gt=last)
            .order_by("pk")
            .values_list("pk", flat=True)[:batch_size]
        )
        if not ids:
            return done
        case_search_refresh(case_ids=ids)
        done += len(ids)
        last = ids[-1]


# A word shorter than this matches whole words only: "Dinas 7" must not find every case
# whose register number holds "75".
MIN_PREFIX = 3


def _prefix(token: str) -> bool:
    return len(token) >= MIN_PREFIX


def _tsquery(words: list[list[str]]) -> str:
    """``[["dinas"], ["32", "75"]]`` -> ``('dinas':*) & ('32' <-> '75')``. Tokens are letters
    and digits only (``normalise``), so quoting them is enough to keep them lexemes."""
    parts = []
    for tokens in words:
        lexemes = [f"'{t}'" for t in tokens]
        if _prefix(tokens[-1]):
            lexemes[-1] += ":*"
        parts.append(f"({' <-> '.join(lexemes)})")
    return " & ".join(parts)


def search_matches(q: str) -> QuerySet[CaseSearch] | None:
    """Index rows matching ``q``; ``None`` when ``q`` holds no word (no narrowing at all).
    Only for narrowing a jurisdiction-scoped case list (``case_search_filter``)."""
    words = query_words(q)
    if not words:
        return None
    rows = CaseSearch.objects.all()
    if connection.vendor == "postgresql":
        query = SearchQuery(_tsquery(words), config="simple", search_type="raw")
        return rows.filter(document_tsv=query)
    for tokens in words:
        end = "" if _prefix(tokens[-1]) else " "
        rows = rows.filter(document__contains=" " + " ".join(tokens) + end)
    return rows


def case_search_filter(cases: QuerySet[Case], q: str) -> QuerySet[Case]:
    """Narrow ``cases`` (already scoped to the actor) to those matching ``q`` in the index
    (register numbers included: ``007/Reg`` is the words "007" then "reg..."). Only the
    index: an ``icontains`` on the register number beside it made PostgreSQL scan every case
    (0.5 s at 100,000 cases, ``bench.inbox``)."""
    matches = search_matches(q)
    if matches is None:
        return cases
    # A subquery rather than a join keeps each case once without DISTINCT.
    return cases.filter(pk__in=matches.values("case_id"))
