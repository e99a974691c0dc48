"""The case page's case-file panel (``cases/_casefile.html``): the latest files of the case
and the texts that can be redacted, for a viewer who may build case files."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template

from netral.accounts.models import User
from netral.accounts.permissions import can
from netral.cases.casefile import RECIPIENTS, case_files_for
from netral.cases.models import Case, CaseFile, Redaction
from netral.cases.redaction import RedactableText, redactable_texts

register = template.Library()
SHOWN = 5


@dataclass(frozen=True)
class TextRow:
    text: RedactableText
    target_label: str
    redacted: bool


@dataclass(frozen=True)
class CaseFilePanel:
    files: list[CaseFile]
    texts: list[TextRow]
    recipients: list[tuple[str, str, bool]]  # code, label, entitled to the identity
    can_redact: bool


@register.simple_tag(takes_context=True)
def casefile_panel(context: dict[str, Any], case: Case) -> CaseFilePanel | None:
    request = context.get("request")
    user = getattr(request, "user", None)
    if not isinstance(user, User) or not can(user, "casefile.build", case):
        return None
    marked = set(Redaction.objects.filter(case=case).values_list("target", "target_id").distinct())
    labels = dict(Redaction.Target.choices)
    return CaseFilePanel(
        files=list(case_files_for(actor=user, case=case)[:SHOWN]),
        texts=[
            TextRow(t, str(labels[t.target]), (t.target, t.target_id) in marked)
            for t in redactable_texts(case=case)
        ],
        recipients=[
            (code, str(label), RECIPIENTS[code].identity)
            for code, label in CaseFile.Recipient.choices
        ],
        can_redact=can(user, "case.redact", case),
    )
