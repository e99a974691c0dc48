"""Suggestions for redaction: names after a form of address, phone numbers, 16-digit NIKs,
addresses, and each name of a witness list, found by a linear scan over at most
:data:`MAX_TEXT` characters (no regular expressions over what the public wrote).

Cases stands below triage and may not import its extractors: apps above add their own
suggestions through the ``redaction_suggesters`` hook.
"""

from __future__ import annotations

from dataclasses import dataclass

from netral.cases.models import Redaction
from netral.common.hooks import Hook

MAX_TEXT = 20_000
MAX_SUGGESTIONS = 100

Span = tuple[int, int]


@dataclass(frozen=True)
class Suggestion:
    start: int
    end: int
    kind: str  # name | phone | nik | address
    text: str

    @property
    def value(self) -> str:
        """The form value of the checkbox: ``"start-end"``."""
        return f"{self.start}-{self.end}"


@dataclass(frozen=True)
class SuggestRequest:
    target: str
    text: str


# Apps above cases (triage, with its entity extractors) may add suggestions: each handler
# answers the suggestions it finds in the (bounded) text.
redaction_suggesters: Hook[SuggestRequest, list[Suggestion]] = Hook("cases.redaction_suggesters")


# --- Scanning ---------------------------------------------------------------------------

ADDRESS_FORMS = frozenset({"bapak", "pak", "bpk", "ibu", "bu", "sdr", "sdri", "saudara"})
ADDRESS_FORMS_ALSO = frozenset({"saudari", "bernama", "an", "a.n", "inisial"})
NAME_LEADS = ADDRESS_FORMS | ADDRESS_FORMS_ALSO
PLACE_LEADS = frozenset(
    {"jl", "jln", "jalan", "gg", "gang", "perum", "perumahan", "komplek", "kompleks"}
    | {"dusun", "kp", "kampung", "desa", "kelurahan", "rt", "rw", "blok"}
)
NAME_MAX_WORDS = 4
PLACE_MAX_WORDS = 10
PHONE_CHARS = frozenset("0123456789+-. ()")


def _tokens(text: str) -> list[Span]:
    """(start, end) of each run of non-space characters."""
    out: list[Span] = []
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        j = i
        while j < n and not text[j].isspace():
            j += 1
        if j > i:
            out.append((i, j))
        i = j
    return out


def _core(text: str, span: Span) -> Span:
    """``span`` without the punctuation around the word."""
    start, end = span
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def _word(text: str, span: Span) -> str:
    start, end = _core(text, span)
    return text[start:end].casefold()


def _ends_clause(text: str, span: Span) -> bool:
    return text[span[1] - 1] in ",;:!?()" or (text[span[1] - 1] == "." and span[1] - span[0] > 4)


def _names(text: str, tokens: list[Span]) -> list[Suggestion]:
    found = []
    for index, token in enumerate(tokens):
        if _word(text, token) not in NAME_LEADS or _ends_clause(text, token):
            continue
        words: list[Span] = []
        for following in tokens[index + 1 : index + 1 + NAME_MAX_WORDS]:
            start, end = _core(text, following)
            if start == end or not text[start].isupper():
                break
            words.append((start, end))
            if _ends_clause(text, following):
                break
        if words:
            start, end = words[0][0], words[-1][1]
            found.append(Suggestion(start, end, "name", text[start:end]))
    return found


def _places(text: str, tokens: list[Span]) -> list[Suggestion]:
    found = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        lead = _core(text, token)
        # "Jl." leads an address; "balai desa." ends a sentence.
        if _word(text, token) not in PLACE_LEADS or (token[1] > lead[1] and lead[1] - lead[0] > 3):
            index += 1
            continue
        last = index
        for step in range(index + 1, min(len(tokens), index + 1 + PLACE_MAX_WORDS)):
            if "\n" in text[tokens[step - 1][1] : tokens[step][0]]:
                break
            last = step
            if text[tokens[step][1] - 1] in ".;" and tokens[step][1] - tokens[step][0] > 4:
                break
        start, end = _core(text, (token[0], tokens[last][1]))
        if last > index and start < end:
            found.append(Suggestion(token[0], end, "address", text[token[0] : end]))
        index = last + 1
    return found


def _numbers(text: str) -> list[Suggestion]:
    """Phone numbers (9-15 digits from 0, 62 or +62) and 16-digit NIKs, in one pass."""
    found = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if not (char.isdigit() or char == "+") or (i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        j, digits = i, 0
        while j < n and text[j] in PHONE_CHARS:
            if text[j].isdigit():
                digits += 1
            elif j > i and not text[j - 1].isdigit() and text[j - 1] != ")":
                break  # two separators in a row: the number ended before
            j += 1
        end = j
        while end > i and not text[end - 1].isdigit():
            end -= 1
        raw = text[i:end]
        plain = raw.lstrip("+(")
        if digits == 16 and raw.isdigit():
            found.append(Suggestion(i, end, "nik", raw))
        elif 9 <= digits <= 15 and (plain.startswith("0") or plain.startswith("62")):
            found.append(Suggestion(i, end, "phone", raw))
        i = max(j, i + 1)
    return found


def _witness_lines(text: str) -> list[Suggestion]:
    """Each line (or ``;`` item) of a witness list names someone: the part before "(" or ","."""
    found = []
    start = 0
    for index in range(len(text) + 1):
        if index < len(text) and text[index] not in "\n;":
            continue
        line_end = index
        cut = start
        while cut < line_end and text[cut] not in "(,":
            cut += 1
        name_start, name_end = _core(text, (start, cut))
        if name_end > name_start:
            found.append(Suggestion(name_start, name_end, "name", text[name_start:name_end]))
        start = index + 1
    return found


def redaction_suggest(*, target: str, text: str) -> list[Suggestion]:
    """Spans worth redacting in ``text`` (its first :data:`MAX_TEXT` characters), in order,
    not overlapping (the earlier, longer one wins)."""
    text = text[:MAX_TEXT]
    tokens = _tokens(text)
    found = _names(text, tokens) + _places(text, tokens) + _numbers(text)
    if target == Redaction.Target.WITNESSES:
        found += _witness_lines(text)
    for extra in redaction_suggesters.ask(SuggestRequest(target=target, text=text)):
        found += [s for s in extra if 0 <= s.start < s.end <= len(text)]
    found.sort(key=lambda s: (s.start, -s.end))
    kept: list[Suggestion] = []
    for suggestion in found:
        if kept and suggestion.start < kept[-1].end:
            continue
        kept.append(suggestion)
    return kept[:MAX_SUGGESTIONS]
