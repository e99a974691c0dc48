"""The follow-up desks: one list for every role (BKN, PPK office, Sentra Gakkumdu, KPU,
Bawaslu), a page per recommendation with the actions the viewer's role may take, and the
compliance page. Thin: forms carry input, services decide; a recommendation the viewer may
not see is the 404 page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.models import User
from netral.accounts.permissions import can, has_capability
from netral.audit.selectors import audit_entries_for
from netral.audit.services import audit_record
from netral.common import clock
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.common.web import ActionPanel, action_post, domain_errors
from netral.followup import criminal, letters, selectors, services, workflow
from netral.followup import forms as desk_forms
from netral.followup.countdown import recommendation_clock, step_clock
from netral.followup.models import Recommendation, Sanction
from netral.rules.labels import rule_name
from netral.rules.selectors import sanction_list

PAGE_SIZE = 50


@dataclass(frozen=True)
class Action:
    """The page side of a workflow step (``workflow.STEPS``): its button, its form and the
    service it calls. Which recommendations it applies to and who may take it is the
    workflow's."""

    label: Any
    form: type[forms.Form]
    perform: Callable[[User, int, Any], Any]


ACTIONS: dict[str, Action] = {
    "assess": Action(
        gettext_lazy("Simpan penilaian dan teruskan ke PPK"),
        desk_forms.AssessForm,
        lambda actor, pk, f: services.recommendation_assess(
            actor=actor, rec_id=pk, **f.cleaned_data
        ),
    ),
    "sanction": Action(
        gettext_lazy("Simpan keputusan PPK"),
        desk_forms.SanctionForm,
        lambda actor, pk, f: services.sanction_record(actor=actor, rec_id=pk, **f.cleaned_data),
    ),
    "measure": Action(
        gettext_lazy("Catat tindakan BKN"),
        desk_forms.MeasureForm,
        lambda actor, pk, f: services.escalation_measure_record(
            actor=actor, rec_id=pk, measure=f.cleaned_data["measure"]
        ),
    ),
    "advance": Action(
        gettext_lazy("Lanjut ke tahap berikutnya"),
        desk_forms.AdvanceForm,
        lambda actor, pk, f: services.criminal_advance(actor=actor, rec_id=pk, **f.cleaned_data),
    ),
    "conclude": Action(
        gettext_lazy("Akhiri proses pidana"),
        desk_forms.ConcludeForm,
        lambda actor, pk, f: services.criminal_conclude(
            actor=actor, rec_id=pk, outcome=f.cleaned_data["outcome"]
        ),
    ),
    "respond": Action(
        gettext_lazy("Catat tanggapan"),
        desk_forms.RespondForm,
        lambda actor, pk, f: services.recommendation_respond(
            actor=actor, rec_id=pk, response=f.cleaned_data["response"]
        ),
    ),
}
assert set(ACTIONS) == set(workflow.STEPS)


def _may(user: User, name: str, rec: Recommendation) -> bool:
    """Offered on the page: the step fits the recommendation and the user holds its right."""
    if not workflow.applies(name, rec):
        return False
    capability = workflow.STEPS[name].capability
    if isinstance(capability, str):
        return has_capability(user, capability)
    return can(user, capability[rec.addressee], rec)  # who records the answer, for this one


def _may_post(user: User, name: str) -> bool:
    """May post the action at all (403 otherwise); the service checks the rest, with its
    reason (another addressee, another status)."""
    capability = workflow.STEPS[name].capability
    return has_capability(
        user, capability if isinstance(capability, str) else "recommendation.view"
    )


def _form(name: str, rec: Recommendation, data: Any = None, files: Any = None) -> forms.Form:
    if name == "advance":
        return desk_forms.AdvanceForm(data, current=rec.criminal_stage)
    if name == "sanction":
        return desk_forms.SanctionForm(data, files)
    return ACTIONS[name].form(data)


def _panel(name: str, rec: Recommendation, form: forms.Form) -> ActionPanel:
    url = reverse("followup:act", kwargs={"rec_id": rec.pk, "action": name})
    return ActionPanel(name=name, label=ACTIONS[name].label, url=url, form=form)


@never_cache
@require_GET
@staff_required("recommendation.view")
def desk(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    form = desk_forms.DeskFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {
            "status": form.cleaned_data["status"] or None,
            "addressee": form.cleaned_data["addressee"] or None,
            "overdue_only": form.cleaned_data["overdue"],
        }
    recs = selectors.recommendation_desk(actor=user, **filters)
    page = Paginator(recs, PAGE_SIZE).get_page(request.GET.get("page"))
    now = clock.now()
    rows = [{"rec": rec, "clock": recommendation_clock(rec, now)} for rec in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "rows": rows, "query": query.urlencode()}
    return render(request, "followup/desk.html", context)


def _detail(
    request: HttpRequest,
    rec_id: int,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request_staff(request)
    try:
        rec = selectors.recommendation_get_for(actor=user, rec_id=rec_id)
    except NotFound:
        return render(request, "404.html", status=404)
    actions = [
        _panel(name, rec, bound[1] if bound and bound[0] == name else _form(name, rec))
        for name in workflow.actions_for(rec)
        if _may(user, name, rec)
    ]
    sanctions = {s.code: rule_name(s) for s in sanction_list()}
    sanction = Sanction.objects.filter(recommendation=rec).first()
    now = clock.now()
    context = {
        "rec": rec,
        "case": rec.case,
        "clock": recommendation_clock(rec, now),
        "actions": actions,
        "steps": [
            {
                "step": step,
                "label": criminal.stage_label(step.stage),
                "clock": step_clock(step, now),
            }
            for step in rec.criminal_steps.all()
        ],
        "stage_label": criminal.stage_label(rec.criminal_stage) if rec.criminal_stage else "",
        "sanction": sanction,
        "sanction_name": sanctions.get(sanction.sanction, "") if sanction else "",
        "recommended_sanction": sanctions.get(rec.recommended_sanction, ""),
        "escalations": list(rec.escalations.all()),
        "timeline": (
            audit_entries_for(object_type="followup.recommendation", object_id=rec.pk)
            if has_capability(user, "case.view")
            else []
        ),
    }
    return render(request, "followup/detail.html", context, status=status)


@never_cache
@require_GET
@staff_required("recommendation.view")
def detail(request: HttpRequest, rec_id: int) -> HttpResponse:
    return _detail(request, rec_id)


@never_cache
@require_POST
@staff_required("recommendation.view")
@domain_errors()
def act(request: HttpRequest, rec_id: int, action: str) -> HttpResponse:
    user = request_staff(request)
    if action not in ACTIONS:
        return render(request, "404.html", status=404)
    rec = selectors.recommendation_get_for(actor=user, rec_id=rec_id)  # 404 off the desk

    def page(form: forms.Form, error: str, status: int) -> HttpResponse:
        if error:
            form.add_error(None, error)
        return _detail(request, rec_id, bound=(action, form), status=status)

    return action_post(
        request,
        allowed=_may_post(user, action),
        form=_form(action, rec, request.POST, request.FILES),
        perform=lambda form: ACTIONS[action].perform(user, rec_id, form),
        page=page,
        done=lambda: redirect("followup:detail", rec_id=rec_id),
        success=_("Tersimpan."),
    )


@never_cache
@require_GET
@staff_required("recommendation.view")
def decree(request: HttpRequest, rec_id: int) -> HttpResponse:
    """The PPK's decree file, as an attachment (never rendered in our origin)."""
    try:
        rec, data = selectors.sanction_decree_read(actor=request_staff(request), rec_id=rec_id)
    except NotFound:
        return render(request, "404.html", status=404)
    except ApplicationError as error:
        return render(request, "404.html", {"message": error.message}, status=409)
    audit_record(actor=request_staff(request), action="recommendation.decree_open", obj=rec)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="keputusan-{rec.pk}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@require_POST
@staff_required("case.handle")
def letter_issue(request: HttpRequest, rec_id: int) -> HttpResponse:
    """Issue the letter of a recommendation that has none (made before letters existed)."""
    try:
        letters.recommendation_letter_issue(actor=request_staff(request), rec_id=rec_id)
    except NotFound:
        return render(request, "404.html", status=404)
    except PermissionDenied:
        return render(request, "403.html", status=403)
    messages.success(request, _("Surat rekomendasi diterbitkan."))
    return redirect("followup:detail", rec_id=rec_id)


@never_cache
@require_GET
@staff_required("recommendation.view")
def letter(request: HttpRequest, rec_id: int) -> HttpResponse:
    try:
        rec, data = letters.recommendation_letter_get(actor=request_staff(request), rec_id=rec_id)
    except NotFound:
        return render(request, "404.html", status=404)
    except ApplicationError as refused:  # its PDF is still being prepared, or altered
        messages.error(request, _(refused.message))
        return redirect("followup:detail", rec_id=rec_id)
    response = HttpResponse(data, content_type="application/pdf")
    name = rec.letter_number.replace("/", "-")
    response["Content-Disposition"] = f'attachment; filename="surat-rekomendasi-{name}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@require_GET
@staff_required("dashboard.view")
def compliance(request: HttpRequest) -> HttpResponse:
    """Per region and per agency: recommendations followed, declined, pending and ignored,
    and the median days from decision to sanction; the PPKs past their deadline."""
    user = request_staff(request)
    by_region = selectors.compliance(actor=user, by="region")
    by_agency = selectors.compliance(actor=user, by="agency")
    context = {
        "by_region": by_region,
        "by_agency": by_agency[:50],
        "total": selectors.compliance_total(by_region),
        "overdue": selectors.overdue_ppk(actor=user),
    }
    return render(request, "followup/compliance.html", context)
