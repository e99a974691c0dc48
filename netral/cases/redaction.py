"""Redaction: spans of a text marked so that only the redacted version leaves Netral.

Staff mark spans on a chronology, a witness list, a reporter's message or clarification
minutes before it goes into the case file, a letter (the minutes) or an announcement. The
original is never changed (it stays sealed where it is); a :class:`Redaction` row keeps the
spans, the words they covered and the redacted version, so both versions are kept, and every
marking is audited (without the words themselves).

Where a text leaves, :class:`Redactor` applies the newest redaction of that text and then
removes every word redacted anywhere in the case from it, so a name redacted in the
chronology is gone from the witness list, the messages and the decision too.

Suggestions come from ``redaction_suggest`` (a bounded linear scan, plus a hook for the apps
above). Texts are bounded (:data:`MAX_TEXT`) and matched with ``str.find``, never with
regular expressions over what the public wrote.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_noop

from netral.accounts.models import User
from netral.accounts.permissions import jurisdiction_q, require
from netral.audit.services import audit_record, audited
from netral.cases.models import Case, Clarification, Redaction
from netral.cases.redaction_suggest import MAX_TEXT, Span, Suggestion, redaction_suggest
from netral.common.errors import ApplicationError, NotFound
from netral.common.identifiers import is_uuid
from netral.reports.models import Message, Report

MASK = "[disamarkan]"
MAX_SPANS = 200
MAX_TERM = 200
MAX_TERMS_INPUT = 5_000
MAX_CASE_TERMS = 2_000  # redacted words applied to one case's texts

# The same words as ``services.CASE_NOT_FOUND`` (services imports this module).
CASE_NOT_FOUND = gettext_noop("Kasus tidak ditemukan.")
TEXT_NOT_FOUND = gettext_noop("Teks yang akan disamarkan tidak ditemukan pada kasus ini.")
TEXT_TOO_LONG = gettext_noop("Teks terlalu panjang untuk disamarkan di sini.")
BAD_SPAN = gettext_noop("Bagian yang ditandai tidak sesuai dengan teks aslinya.")
TOO_MANY_SPANS = gettext_noop("Terlalu banyak bagian yang ditandai (paling banyak {max}).")
TERMS_TOO_LONG = gettext_noop("Daftar kata yang disamarkan terlalu panjang.")
NOTHING_MARKED = gettext_noop(
    "Tandai paling sedikit satu bagian atau tuliskan kata yang disamarkan."
)


# --- Applying ---------------------------------------------------------------------------


def spans_normalise(spans: Iterable[Span], *, length: int) -> list[Span]:
    """Sorted, merged spans within ``[0, length]``; ``BAD_SPAN`` for any outside."""
    ordered = sorted(spans)
    if len(ordered) > MAX_SPANS:
        raise ApplicationError(TOO_MANY_SPANS, params={"max": MAX_SPANS})
    merged: list[list[int]] = []
    for start, end in ordered:
        if not 0 <= start < end <= length:
            raise ApplicationError(BAD_SPAN)
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged]


def spans_of_terms(text: str, terms: Iterable[str]) -> list[Span]:
    """Every occurrence of each term in ``text`` (ignoring case)."""
    haystack, folded = _folded(text)
    spans: list[Span] = []
    for term in terms:
        needle = term.lower() if folded else term
        if not needle:
            continue
        at = haystack.find(needle)
        while at != -1 and len(spans) <= MAX_SPANS:
            spans.append((at, at + len(needle)))
            at = haystack.find(needle, at + len(needle))
    return spans


def _folded(text: str) -> tuple[str, bool]:
    """``text`` in lower case when that keeps every offset (it does but for a few letters,
    such as the dotted capital I); otherwise ``text`` itself (matching then keeps case)."""
    lower = text.lower()
    return (lower, True) if len(lower) == len(text) else (text, False)


def spans_apply(text: str, spans: list[Span]) -> str:
    """``text`` with each (normalised) span replaced by :data:`MASK`."""
    parts, at = [], 0
    for start, end in spans:
        parts += [text[at:start], MASK]
        at = end
    parts.append(text[at:])
    return "".join(parts)


def terms_remove(text: str, terms: Iterable[str]) -> str:
    """``text`` with every occurrence of every term masked (no cap on occurrences: a
    redacted word never slips through because it is frequent), one term after another."""
    for term in terms:
        text = _mask_every(text, term)
    return text


def _mask_every(text: str, term: str) -> str:
    haystack, folded = _folded(text)
    needle = term.lower() if folded else term
    hit = haystack.find(needle) if needle else -1
    if hit == -1:
        return text
    parts, at = [], 0
    while hit != -1:
        parts += [text[at:hit], MASK]
        at = hit + len(needle)
        hit = haystack.find(needle, at)
    parts.append(text[at:])
    return "".join(parts)


def terms_parse(raw: str) -> list[str]:
    """One word or phrase per line, as typed in the form (bounded)."""
    if len(raw) > MAX_TERMS_INPUT:
        raise ApplicationError(TERMS_TOO_LONG, field="terms")
    terms = [line.strip() for line in raw.splitlines()]
    return [t[:MAX_TERM] for t in terms if len(t) >= 2]


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


class Redactor:
    """What a case's texts look like once they leave: the newest redaction of each text, then
    every redacted word of the case removed. One query for the whole case."""

    def __init__(self, case_id: int) -> None:
        self.current: dict[tuple[str, str], Redaction] = {}
        for row in Redaction.objects.filter(case_id=case_id).order_by("-created_at", "-pk"):
            self.current.setdefault((row.target, row.target_id), row)
        words = {t for row in self.current.values() for t in row.terms if len(t) >= 2}
        # Longest first, so "Sutrisno Hadi" goes before "Sutrisno" leaves "Hadi" behind.
        self.terms = sorted(words, key=lambda t: (-len(t), t))[:MAX_CASE_TERMS]

    def text(self, target: str, target_id: object, original: str) -> str:
        row = self.current.get((target, str(target_id)))
        if row is not None and row.original_sha256 == sha256_text(original):
            original = row.redacted_text
        return self.clean(original)

    def clean(self, text: str) -> str:
        """Any text of the case (a decision, a name field) without the redacted words."""
        return terms_remove(text, self.terms) if self.terms else text

    @property
    def active(self) -> bool:
        return bool(self.terms)


# --- Which texts of a case can be redacted ----------------------------------------------


@dataclass(frozen=True)
class RedactableText:
    target: str
    target_id: str
    label: str
    text: str


def redactable_texts(*, case: Case) -> list[RedactableText]:
    """The texts of the case that may leave it: each report's chronology and witness list,
    the reporter's messages and the clarification minutes (non-empty ones)."""
    texts: list[RedactableText] = []
    reports = Report.objects.filter(case=case).order_by("submitted_at", "pk")
    for number, report in enumerate(reports, start=1):
        texts.append(
            RedactableText(
                Redaction.Target.CHRONOLOGY, str(report.public_id), f"#{number}", report.chronology
            )
        )
        if report.witnesses.strip():
            texts.append(
                RedactableText(
                    Redaction.Target.WITNESSES,
                    str(report.public_id),
                    f"#{number}",
                    report.witnesses,
                )
            )
    messages = Message.objects.filter(report__case=case, sender=Message.Sender.REPORTER).order_by(
        "created_at", "pk"
    )
    for message in messages:
        label = f"{message.created_at:%d-%m-%Y %H:%M}"
        texts.append(RedactableText(Redaction.Target.MESSAGE, str(message.pk), label, message.body))
    for item in Clarification.objects.filter(case=case).exclude(minutes=""):
        texts.append(
            RedactableText(Redaction.Target.MINUTES, str(item.pk), item.invitee_label, item.minutes)
        )
    return texts


def redactable_get(*, case: Case, target: str, target_id: str) -> RedactableText:
    """One redactable text of the case, or ``NotFound``."""
    text: str | None = None
    if target in (Redaction.Target.CHRONOLOGY, Redaction.Target.WITNESSES) and is_uuid(target_id):
        report = Report.objects.filter(case=case, public_id=target_id).first()
        if report is not None:
            target_id = str(report.public_id)  # one spelling, as the case file looks it up
            text = report.chronology if target == Redaction.Target.CHRONOLOGY else report.witnesses
    elif target == Redaction.Target.MESSAGE and target_id.isdigit() and len(target_id) < 12:
        message = Message.objects.filter(
            report__case=case, pk=int(target_id), sender=Message.Sender.REPORTER
        ).first()
        text = message.body if message is not None else None
    elif target == Redaction.Target.MINUTES and target_id.isdigit() and len(target_id) < 12:
        item = Clarification.objects.filter(case=case, pk=int(target_id)).first()
        text = item.minutes if item is not None else None
    if not text:
        raise NotFound(TEXT_NOT_FOUND)
    return RedactableText(target, target_id, "", text)


def redaction_current(*, case: Case, target: str, target_id: str) -> Redaction | None:
    return Redaction.objects.filter(case=case, target=target, target_id=target_id).first()


# --- Writing ----------------------------------------------------------------------------


@audited
def redaction_save(
    *,
    actor: User,
    case_id: int,
    target: str,
    target_id: str,
    spans: list[Span],
    terms: Iterable[str] = (),
) -> Redaction:
    """Mark ``spans`` of one text of the case, and every occurrence of ``terms`` in it; the
    redacted version is stored beside the untouched original. Audited ("case.redaction")
    with the number of spans and both versions' SHA-256, never the redacted words."""
    require(actor, "case.view")
    case = (
        Case.objects.filter(jurisdiction_q(actor, "office_region"), pk=case_id)
        .select_for_update(of=("self",))
        .first()
    )
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    require(actor, "case.redact", case)
    found = redactable_get(case=case, target=target, target_id=target_id)
    original, target_id = found.text, found.target_id
    if len(original) > MAX_TEXT:
        raise ApplicationError(TEXT_TOO_LONG)
    marked = spans_normalise([*spans, *spans_of_terms(original, terms)], length=len(original))
    if not marked:
        raise ApplicationError(NOTHING_MARKED)
    covered = sorted({original[start:end].strip()[:MAX_TERM] for start, end in marked})
    redacted = spans_apply(original, marked)
    row = Redaction.objects.create(
        case=case,
        target=target,
        target_id=target_id,
        original_sha256=sha256_text(original),
        spans=[list(span) for span in marked],
        terms=[term for term in covered if len(term) >= 2],
        redacted_text=redacted,
        created_by=actor,
        created_at=timezone.now(),
    )
    audit_record(
        actor=actor,
        action="case.redaction",
        obj=case,
        after={
            "redaction": row.pk,
            "target": target,
            "target_id": target_id,
            "spans": len(marked),
            "original_sha256": row.original_sha256,
            "redacted_sha256": sha256_text(redacted),
        },
    )
    return row


def spans_parse(values: Iterable[str]) -> list[Span]:
    """Checkbox values ``"start-end"`` into spans (``BAD_SPAN`` for anything else)."""
    spans = []
    for value in list(values)[: MAX_SPANS + 1]:
        start, dash, end = value.partition("-")
        if not (dash and start.isdigit() and end.isdigit() and len(value) <= 13):
            raise ApplicationError(BAD_SPAN)
        spans.append((int(start), int(end)))
    return spans


__all__ = [
    "MASK",
    "RedactableText",
    "Redactor",
    "Suggestion",
    "redactable_get",
    "redactable_texts",
    "redaction_current",
    "redaction_save",
    "redaction_suggest",
    "spans_apply",
    "spans_normalise",
    "spans_parse",
    "terms_parse",
    "terms_remove",
]
