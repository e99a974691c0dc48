"""Staff pages for cases: the office's inbox (nearest deadline first) and the case page with
one small form per workflow action allowed now.

Thin: forms carry input, services decide. A case outside the jurisdiction is the 404 page, an
action the role may not take the 403 page (``netral.common.web``); other domain errors go back
to the case page with the message (400). Every page is ``no-store``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.models import User
from netral.accounts.permissions import can, has_capability
from netral.cases import clarification, services
from netral.cases import forms as case_forms
from netral.cases.countdown import case_clock
from netral.cases.documents import case_documents_available
from netral.cases.hooks import CaseEvent, case_sections, flags_of
from netral.cases.inbox_sort import inbox_columns, inbox_sort_parse, inbox_sorted
from netral.cases.models import Case, Status
from netral.cases.selectors import (
    case_detail_for,
    case_inbox,
    case_merge_candidates,
    case_reports,
    inbox_elections,
    inbox_stages,
)
from netral.cases.timeline import case_timeline, verdict_labels
from netral.cases.workflow import OPEN_FOR_HANDLING, TRANSITIONS, actions_from
from netral.common import clock
from netral.common.errors import NotFound
from netral.common.web import ActionPanel, action_post, back_to, domain_errors
from netral.rules.labels import rule_name
from netral.rules.selectors import requirement_list, violation_type_list

PAGE_SIZE = 50
REGISTER_HINT = gettext_lazy(
    "Registrasi hanya dapat dilakukan bila semua syarat dicentang. Bila ada yang belum "
    "terpenuhi, minta kelengkapan atau tetapkan tidak diregistrasi."
)
ORIGIN_LABELS = {
    "laporan": gettext_lazy("Laporan"),
    "informasi": gettext_lazy("Informasi"),
    "temuan": gettext_lazy("Temuan"),
}


@dataclass(frozen=True)
class Action:
    label: Any
    form: type[forms.Form]
    capability: str
    perform: Callable[[User, int, Any], Any]
    # Extra form arguments drawn from the actor and the case (choices that depend on them).
    form_kwargs: Callable[[User, Case], dict[str, Any]] | None = None


# Each action: its button, its form, who may take it, and the service it calls.
ACTIONS: dict[str, Action] = {
    "register": Action(
        gettext_lazy("Registrasi"),
        case_forms.RegisterForm,
        "case.handle",
        lambda actor, pk, f: services.case_register(
            actor=actor, case_id=pk, formal=f.formal(), material=f.material()
        ),
    ),
    "not_register": Action(
        gettext_lazy("Tidak diregistrasi"),
        case_forms.NotRegisterForm,
        "case.handle",
        lambda actor, pk, f: services.case_not_register(
            actor=actor, case_id=pk, reason=f.cleaned_data["reason"], note=f.cleaned_data["note"]
        ),
    ),
    "request_completion": Action(
        gettext_lazy("Minta kelengkapan"),
        case_forms.RequestCompletionForm,
        "case.handle",
        lambda actor, pk, f: services.case_request_completion(
            actor=actor, case_id=pk, missing=f.cleaned_data["missing"]
        ),
    ),
    "start_clarification": Action(
        gettext_lazy("Mulai klarifikasi"),
        case_forms.EmptyForm,
        "case.handle",
        lambda actor, pk, f: services.case_start_clarification(actor=actor, case_id=pk),
    ),
    "start_study": Action(
        gettext_lazy("Mulai kajian"),
        case_forms.EmptyForm,
        "case.handle",
        lambda actor, pk, f: services.case_start_study(actor=actor, case_id=pk),
    ),
    "record_study": Action(
        gettext_lazy("Simpan kajian"),
        case_forms.RecordStudyForm,
        "case.handle",
        lambda actor, pk, f: services.case_record_study(actor=actor, case_id=pk, **f.cleaned_data),
    ),
    "decide": Action(
        gettext_lazy("Putuskan (pleno)"),
        case_forms.DecideForm,
        "case.decide",
        lambda actor, pk, f: services.case_decide(
            actor=actor,
            case_id=pk,
            verdicts=f.cleaned_data["verdicts"],
            reason=f.cleaned_data["reason"],
        ),
    ),
    "announce": Action(
        gettext_lazy("Umumkan status"),
        case_forms.AnnounceForm,
        "case.handle",
        lambda actor, pk, f: services.case_announce(
            actor=actor, case_id=pk, summary=f.cleaned_data["summary"]
        ),
    ),
    "close": Action(
        gettext_lazy("Tutup kasus"),
        case_forms.EmptyForm,
        "case.handle",
        lambda actor, pk, f: services.case_close(actor=actor, case_id=pk),
    ),
    "extend": Action(
        gettext_lazy("Perpanjang tenggat"),
        case_forms.ExtendForm,
        "case.handle",
        lambda actor, pk, f: services.case_extend(
            actor=actor, case_id=pk, reason=f.cleaned_data["reason"]
        ),
    ),
    "merge": Action(
        gettext_lazy("Gabungkan ke kasus lain"),
        case_forms.MergeForm,
        "case.handle",
        lambda actor, pk, f: services.case_merge(
            actor=actor, case_id=pk, into_id=f.cleaned_data["into_id"]
        ),
        form_kwargs=lambda actor, case: {
            "candidates": case_merge_candidates(actor=actor, case=case)
        },
    ),
    "handover": Action(
        gettext_lazy("Limpahkan ke kantor lain"),
        case_forms.HandoverForm,
        "case.handle",
        lambda actor, pk, f: services.case_handover(
            actor=actor,
            case_id=pk,
            to_region_code=f.cleaned_data["to_region_code"],
            reason=f.cleaned_data["reason"],
        ),
    ),
    "clarification_invite": Action(
        gettext_lazy("Undang klarifikasi"),
        case_forms.ClarificationInviteForm,
        "case.handle",
        lambda actor, pk, f: clarification.clarification_invite(
            actor=actor, case_id=pk, **f.cleaned_data
        ),
    ),
    "clarification_minutes": Action(
        gettext_lazy("Catat berita acara"),
        case_forms.ClarificationMinutesForm,
        "case.handle",
        lambda actor, pk, f: clarification.clarification_record_minutes(
            actor=actor,
            clarification_id=f.cleaned_data["clarification"],
            attended=f.cleaned_data["attended"],
            minutes=f.cleaned_data["minutes"],
            files=f.cleaned_data["attachments"],
        ),
        form_kwargs=lambda actor, case: {"case": case},
    ),
}
assert set(TRANSITIONS) <= set(ACTIONS)


def _form(action: Action, actor: User, case: Case, *args: Any) -> forms.Form:
    extra = action.form_kwargs(actor, case) if action.form_kwargs else {}
    return action.form(*args, **extra)


def _available(case: Case) -> list[str]:
    names = actions_from(case.status)
    if case.status == Status.STUDY:
        names.append("record_study")
    if case.status == Status.CLARIFICATION:
        names.append("clarification_invite")
        if case.clarifications.exists():
            names.append("clarification_minutes")
    if case.status in OPEN_FOR_HANDLING and not case.extended:
        names.append("extend")
    if case.status in OPEN_FOR_HANDLING:
        names.append("handover")
    return names


@never_cache
@require_GET
@staff_required("case.view")
def case_list(request: HttpRequest) -> HttpResponse:
    actor = request_staff(request)
    form = case_forms.InboxFilterForm(
        request.GET or None, elections=inbox_elections(actor=actor), stages=inbox_stages()
    )
    filters = form.cleaned_data if form.is_valid() else {}
    cases = case_inbox(
        actor=actor,
        status=filters.get("status") or None,
        violation_type=filters.get("violation_type") or None,
        election_id=filters.get("election"),
        stage_id=filters.get("stage"),
        agency=filters.get("agency") or None,
        q=filters.get("q") or None,
    )
    sort = inbox_sort_parse(request.GET.get("urut"))
    page = Paginator(inbox_sorted(cases, sort), PAGE_SIZE).get_page(request.GET.get("page"))
    now = clock.now()
    # Badges from the apps above (triage: a repeat offender), for this page's cases only.
    flags = flags_of(actor=actor, case_ids=[case.pk for case in page.object_list])
    rows = [
        {
            "case": case,
            "origin": ORIGIN_LABELS.get(case.origin, case.origin),
            "clock": case_clock(case, now),
            "flags": flags.get(case.pk, []),
        }
        for case in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": rows,
        "query": query.urlencode(),
        "sort": sort,
        "columns": inbox_columns(request.GET, sort),
        "filtered": any(k not in ("page", "urut") and v for k, v in request.GET.items()),
    }
    return render(request, "cases/case_list.html", context)


def _detail_page(
    request: HttpRequest,
    case_id: int,
    *,
    bound: tuple[str, forms.Form] | None = None,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    """The case page; ``NotFound`` outside the jurisdiction (the caller's ``domain_errors``
    makes it the 404 page)."""
    actor = request_staff(request)
    case = case_detail_for(actor=actor, case_id=case_id)
    panels = []
    for name in _available(case):
        action = ACTIONS[name]
        form = bound[1] if bound and bound[0] == name else _form(action, actor, case)
        url = reverse("cases:case_action", kwargs={"case_id": case.pk, "action": name})
        panels.append(
            ActionPanel(
                name=name,
                label=action.label,
                url=url,
                form=form,
                hint=REGISTER_HINT if name == "register" else "",
                capability=action.capability,
            )
        )
    types = {t.code: rule_name(t) for t in violation_type_list()}
    requirement_names = {r.code: rule_name(r) for r in requirement_list()}
    checklist = [
        (
            legend,
            [
                (r, bool(case.checklist.get(kind, {}).get(r.code)))
                for r in requirement_list(kind=kind)
            ],
        )
        for kind, legend in case_forms.REQUIREMENT_KINDS
    ]
    context = {
        "case": case,
        "origin": ORIGIN_LABELS.get(case.origin, case.origin),
        "violation_type_name": types.get(case.violation_type, case.violation_type),
        "clock": case_clock(case, clock.now()),
        "reports": case_reports(case=case),
        "checklist": checklist,
        "missing": [requirement_names.get(c, c) for c in case.checklist.get("missing", [])],
        "verdicts": verdict_labels(case.verdicts),
        "panels": panels,
        # The top of the page links the actions this person may take now.
        "next_actions": [p for p in panels if has_capability(actor, p.capability)],
        "error": error,
        "clarifications": clarification.clarification_list(case=case),
        # The sealed original of a clarification attachment: offered only to those who may
        # open originals (every opening is audited); everyone else gets the cleaned copy.
        "can_open_original": can(actor, "evidence.open_original", case),
        "timeline": case_timeline(case=case),
        "case_documents": case_documents_available(actor=actor, case=case),
        # Sections from the apps above (follow-up lists the recommendations).
        "sections": [
            section
            for section in case_sections.ask(CaseEvent(actor=actor, case=case))
            if section is not None
        ],
    }
    return render(request, "cases/case_detail.html", context, status=status)


@never_cache
@require_GET
@staff_required("case.view")
@domain_errors()
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    return _detail_page(request, case_id)


@never_cache
@require_POST
@staff_required("case.view")
@domain_errors()
def case_action(request: HttpRequest, case_id: int, action: str) -> HttpResponse:
    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404
    actor = request_staff(request)
    # Order matters: outside the jurisdiction is 404 before a missing right is 403, and
    # both before the form is read.
    case = case_detail_for(actor=actor, case_id=case_id)

    def page(form: forms.Form, error: str, status: int) -> HttpResponse:
        return _detail_page(request, case_id, bound=(action, form), error=error, status=status)

    def done() -> HttpResponse:
        try:
            case_detail_for(actor=actor, case_id=case_id)
        except NotFound:  # handed over out of the jurisdiction: back to the inbox
            return redirect("cases:case_list")
        return redirect("cases:case_detail", case_id=case_id)

    return action_post(
        request,
        allowed=has_capability(actor, spec.capability),
        form=_form(spec, actor, case, request.POST, request.FILES),
        perform=lambda form: spec.perform(actor, case_id, form),
        page=page,
        done=done,
        success=_("Tersimpan: %(action)s.") % {"action": spec.label},
    )


@never_cache
@require_GET
@staff_required("case.view")
@domain_errors(back=back_to("cases:case_detail", "case_id"))
def clarification_attachment(
    request: HttpRequest, case_id: int, attachment_id: int
) -> HttpResponse:
    """Download one attachment of the clarification minutes (decrypted, audited): the cleaned
    copy, or with ``?asli=1`` the original (for those who may open originals)."""
    data, content_type, name = clarification.clarification_attachment_open(
        actor=request_staff(request),
        case_id=case_id,
        attachment_id=attachment_id,
        original=request.GET.get("asli") == "1",
    )
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
