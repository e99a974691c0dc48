"""Staff actions on the suggestions beside a report: accept or reject one (plain forms, no
JavaScript needed; post/redirect/get back to the report page).

Thin: the form carries the kind and value, ``netral.triage.suggestions`` decides. A report
the actor may not see is the 404 page, a role without ``case.handle`` the 403 page; any
other refusal goes back to the report page with its message.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.common.web import back_to, domain_errors
from netral.triage import suggestions
from netral.triage.models import Suggestion

ACCEPTED = gettext_noop("Saran diterima dan kolomnya diisi.")
REJECTED = gettext_noop("Saran ditolak; laporan tidak berubah.")
BAD_FORM = gettext_noop("Formulir saran tidak lengkap atau tidak valid.")

REPORT_PAGE = back_to("reports_staff:report_detail", "public_id")


class DecisionForm(forms.Form):
    kind = forms.ChoiceField(choices=Suggestion.Kind.choices)
    value = forms.CharField(max_length=60)


def _decide(request: HttpRequest, public_id: uuid.UUID, *, accept: bool) -> HttpResponse:
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _(BAD_FORM))
        return redirect("reports_staff:report_detail", public_id=public_id)
    decide = suggestions.suggestion_accept if accept else suggestions.suggestion_reject
    decide(
        actor=request_staff(request),
        report_public_id=str(public_id),
        kind=form.cleaned_data["kind"],
        value=form.cleaned_data["value"],
    )
    messages.success(request, _(ACCEPTED if accept else REJECTED))
    return redirect(f"{REPORT_PAGE(public_id=public_id)}#saran")


@never_cache
@require_POST
@staff_required("case.handle")
@domain_errors(back=REPORT_PAGE)
def suggestion_accept(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _decide(request, public_id, accept=True)


@never_cache
@require_POST
@staff_required("case.handle")
@domain_errors(back=REPORT_PAGE)
def suggestion_reject(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _decide(request, public_id, accept=False)
