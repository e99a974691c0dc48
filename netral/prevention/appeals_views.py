"""The appeals pages of the staff workspace. Bawaslu: its appeals with their counts, a new
draft from a template, editing, the detail with one row per addressee and the issue button,
and the per-region overview. The PPK office: its desk (appeals addressed to its region
only), acknowledgement and follow-up. Thin: forms carry input, services decide; an appeal
the viewer may not see is the 404 page."""

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
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.models import User
from netral.accounts.permissions import can, has_capability
from netral.audit.services import audit_record
from netral.common import clock
from netral.common.errors import ApplicationError, NotFound
from netral.common.web import ActionPanel, action_post, back_to, broken_rules, domain_errors
from netral.documents.services import document_pdf, office_name
from netral.prevention import appeals as services
from netral.prevention import appeals_forms as appeal_forms
from netral.prevention import appeals_selectors as selectors
from netral.prevention import appeals_workflow as workflow
from netral.prevention.models import Appeal, AppealRecipient

PAGE_SIZE = 50


@dataclass(frozen=True)
class Action:
    """The page side of a PPK step (``appeals_workflow.STEPS``): its button, its form and
    the service it calls."""

    label: Any
    form: type[forms.Form]
    perform: Callable[[User, int, Any], Any]


ACTIONS: dict[str, Action] = {
    "acknowledge": Action(
        gettext_lazy("Konfirmasi penerimaan"),
        appeal_forms.AcknowledgeForm,
        lambda actor, pk, f: services.appeal_acknowledge(
            actor=actor, recipient_id=pk, **f.cleaned_data
        ),
    ),
    "follow_up": Action(
        gettext_lazy("Laporkan tindak lanjut"),
        appeal_forms.FollowUpForm,
        lambda actor, pk, f: services.appeal_follow_up_record(
            actor=actor, recipient_id=pk, **f.cleaned_data
        ),
    ),
}
assert set(ACTIONS) == set(workflow.RECIPIENT_ACTIONS)


def _field(form: forms.Form, field: str | None) -> str | None:
    return field if field in form.fields else None


def _query(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@never_cache
@require_GET
@staff_required("appeal.view")
def appeal_list(request: HttpRequest) -> HttpResponse:
    """Bawaslu: the appeals of the offices it covers. A PPK office: its desk."""
    user = request_staff(request)
    if not has_capability(user, "appeal.issue"):
        return _ppk_desk(request, user)
    form = appeal_forms.AppealFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {
            "status": form.cleaned_data["status"] or None,
            "silent_only": form.cleaned_data["silent"],
        }
    now = clock.now()
    appeals = selectors.appeal_office_list(actor=user, now=now, **filters)
    page = Paginator(appeals, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "now": now, "query": _query(request)}
    return render(request, "prevention/appeals/list.html", context)


def _ppk_desk(request: HttpRequest, user: User) -> HttpResponse:
    pending = request.GET.get("pending") == "on"
    now = clock.now()
    rows = selectors.appeal_ppk_desk(actor=user, pending_only=pending)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    items = []
    for recipient in page.object_list:
        _, ack_late, follow_late = selectors.recipient_flags(recipient, recipient.appeal, now)
        items.append({"r": recipient, "ack_late": ack_late, "follow_late": follow_late})
    context = {"page": page, "items": items, "pending": pending, "query": _query(request)}
    return render(request, "prevention/appeals/desk.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("appeal.issue")
@domain_errors()
def appeal_new(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    office = user.jurisdiction
    form = appeal_forms.AppealNewForm(request.POST or None, office=office)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            with broken_rules(refusals=True) as broken:
                appeal = services.appeal_draft_create(actor=user, **form.cleaned_data)
            if not broken:
                messages.success(request, _("Draf imbauan dibuat. Periksa dan ubah isinya."))
                return redirect("appeals:edit", appeal_id=appeal.pk)
            form.add_error(_field(form, broken.field), broken.message)
    context = {"form": form, "office_name": office_name(office)}
    return render(request, "prevention/appeals/new.html", context, status=status)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("appeal.issue")
@domain_errors()
def appeal_edit(request: HttpRequest, appeal_id: int) -> HttpResponse:
    user = request_staff(request)
    appeal = selectors.appeal_get_for(actor=user, appeal_id=appeal_id)
    if not workflow.applies("edit", appeal):
        messages.error(request, _(services.NOT_DRAFT))
        return redirect("appeals:detail", appeal_id=appeal.pk)
    initial = {
        "subject": appeal.subject,
        "body": appeal.body,
        "legal_basis": appeal.legal_basis,
        "recipient_region_codes": list(appeal.recipients.values_list("region_id", flat=True)),
    }
    form = appeal_forms.AppealEditForm(
        request.POST or None, initial=initial, office=appeal.office_region
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            with broken_rules() as broken:
                services.appeal_update(actor=user, appeal_id=appeal.pk, **form.cleaned_data)
            if not broken:
                messages.success(request, _("Tersimpan."))
                return redirect("appeals:detail", appeal_id=appeal.pk)
            form.add_error(_field(form, broken.field), broken.message)
    context = {"appeal": appeal, "form": form}
    return render(request, "prevention/appeals/edit.html", context, status=status)


def _panels(
    user: User, recipient: AppealRecipient, bound: tuple[str, forms.Form] | None
) -> list[ActionPanel]:
    panels = []
    for name in workflow.actions_for(recipient):
        if not has_capability(user, workflow.STEPS[name].capability):
            continue
        form = bound[1] if bound and bound[0] == name else ACTIONS[name].form()
        url = reverse("appeals:act", kwargs={"recipient_id": recipient.pk, "action": name})
        panels.append(ActionPanel(name=name, label=ACTIONS[name].label, url=url, form=form))
    return panels


def _detail(
    request: HttpRequest,
    appeal_id: int,
    *,
    bound: tuple[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request_staff(request)
    appeal = selectors.appeal_get_for(actor=user, appeal_id=appeal_id)  # 404 off the desk
    now = clock.now()
    context: dict[str, Any] = {
        "appeal": appeal,
        "office_name": office_name(appeal.office_region),
        "legal_basis": appeal.legal_basis.splitlines(),
        "now": now,
    }
    if has_capability(user, "appeal.issue"):
        rows = selectors.appeal_recipient_rows(appeal=appeal, now=now)
        context.update(
            mode="office",
            rows=rows,
            counts={
                "total": len(rows),
                "acknowledged": sum(1 for r in rows if r.recipient.acknowledged_at),
                "followed": sum(1 for r in rows if r.recipient.followed_up_at),
                "silent": sum(1 for r in rows if r.silent),
            },
            may_issue=workflow.applies("issue", appeal) and can(user, "appeal.issue", appeal),
        )
    else:
        recipient = selectors.recipient_list_for(actor=user).get(appeal=appeal)
        panels = _panels(user, recipient, bound)
        if bound and bound[0] not in {p.name for p in panels}:
            # The action no longer applies (acknowledged already): its refusal is the news.
            for error in bound[1].non_field_errors():
                messages.error(request, str(error))
        context.update(
            mode="ppk",
            recipient=recipient,
            follow_ups=list(recipient.follow_ups.all()),
            panels=panels,
        )
    return render(request, "prevention/appeals/detail.html", context, status=status)


@never_cache
@require_GET
@staff_required("appeal.view")
@domain_errors()
def appeal_detail(request: HttpRequest, appeal_id: int) -> HttpResponse:
    return _detail(request, appeal_id)


@never_cache
@require_POST
@staff_required("appeal.issue")
@domain_errors(back=back_to("appeals:detail", "appeal_id"))
def appeal_issue(request: HttpRequest, appeal_id: int) -> HttpResponse:
    appeal = services.appeal_issue(actor=request_staff(request), appeal_id=appeal_id)
    messages.success(
        request,
        _("Imbauan %(number)s diterbitkan dan dikirim ke meja PPK setiap daerah yang dituju.")
        % {"number": appeal.number},
    )
    return redirect("appeals:detail", appeal_id=appeal_id)


@never_cache
@require_POST
@staff_required("appeal.view")
@domain_errors()
def recipient_act(request: HttpRequest, recipient_id: int, action: str) -> HttpResponse:
    user = request_staff(request)
    if action not in ACTIONS:
        return render(request, "404.html", status=404)
    recipient = selectors.recipient_get_for(actor=user, recipient_id=recipient_id)
    appeal_id = recipient.appeal_id

    def page(form: forms.Form, error: str, status: int) -> HttpResponse:
        if error:
            form.add_error(None, error)
        return _detail(request, appeal_id, bound=(action, form), status=status)

    return action_post(
        request,
        allowed=has_capability(user, workflow.STEPS[action].capability),
        form=ACTIONS[action].form(request.POST, request.FILES),
        perform=lambda form: ACTIONS[action].perform(user, recipient_id, form),
        page=page,
        done=lambda: redirect("appeals:detail", appeal_id=appeal_id),
        success=_("Tersimpan."),
    )


def _attachment(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@require_GET
@staff_required("appeal.view")
@domain_errors()
def appeal_letter(request: HttpRequest, appeal_id: int) -> HttpResponse:
    """The issued letter's PDF, for the issuing offices and the addressees."""
    user = request_staff(request)
    appeal = selectors.appeal_get_for(actor=user, appeal_id=appeal_id)
    if appeal.document is None:
        raise NotFound(services.NOT_ISSUED)
    try:
        data = document_pdf(document=appeal.document)
    except ApplicationError as refused:  # its PDF is still being prepared, or altered
        messages.error(request, refused.message)
        return redirect("appeals:detail", appeal_id=appeal_id)
    audit_record(actor=user, action="document.download", obj=appeal.document)
    return _attachment(data, f"imbauan-{appeal.number.replace('/', '-')}.pdf")


@never_cache
@require_GET
@staff_required("appeal.view")
@domain_errors()
def follow_up_file(request: HttpRequest, follow_up_id: int) -> HttpResponse:
    """A circular letter's PDF, as an attachment (never rendered in our origin)."""
    user = request_staff(request)
    try:
        follow_up, data = selectors.appeal_follow_up_file(actor=user, follow_up_id=follow_up_id)
    except ApplicationError as error:
        if isinstance(error, NotFound):
            raise
        return render(request, "404.html", {"message": error.message}, status=409)
    audit_record(actor=user, action="appeal.follow_up_open", obj=follow_up)
    return _attachment(data, f"surat-edaran-{follow_up.pk}.pdf")


@never_cache
@require_GET
@staff_required("appeal.issue")
def region_overview(request: HttpRequest) -> HttpResponse:
    """Per addressee region, across the appeals of the offices the viewer covers: which
    regions acknowledged, followed up, or stay silent."""
    user = request_staff(request)
    rows = selectors.appeal_region_overview(actor=user)
    context = {
        "rows": rows,
        "office_name": office_name(user.jurisdiction),
        "silent_regions": [r for r in rows if r.silent],
        "issued": Appeal.objects.filter(
            pk__in=selectors.appeal_list_for(actor=user), status=Appeal.Status.ISSUED
        ).count(),
    }
    return render(request, "prevention/appeals/regions.html", context)
