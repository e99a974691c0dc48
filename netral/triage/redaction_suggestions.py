"""What triage's extractors add to the redaction suggestions of the cases app (through
``cases.redaction_suggest.redaction_suggesters``): NIKs its validator accepts and links
(a social-media address can name a witness as surely as a name)."""

from __future__ import annotations

from netral.cases.redaction_suggest import Suggestion, SuggestRequest
from netral.triage.extract import extract

KINDS = {"nik": "nik", "url": "link"}


def redaction_entities(request: SuggestRequest) -> list[Suggestion]:
    return [
        Suggestion(found.start, found.end, KINDS[found.kind], found.text)
        for found in extract(request.text)
        if found.kind in KINDS and found.valid
    ]
