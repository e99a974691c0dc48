"""Staff pages for integrity pacts, coordination meetings, commitments and prevention
activities (``ruang-kerja/pencegahan/``). Thin: selectors read (scoped to the jurisdiction,
so a row outside it is the 404 page), forms carry input, services decide."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.models import Role, User
from netral.accounts.permissions import can, has_capability
from netral.audit.selectors import audit_entries_for
from netral.audit.services import audit_record
from netral.common import clock
from netral.common.errors import ApplicationError
from netral.common.web import broken_rules, domain_errors
from netral.prevention import commitments as services
from netral.prevention import commitments_forms as f
from netral.prevention import commitments_selectors as selectors
from netral.prevention.models import ActivityKind, Commitment, CommitmentStatus

PAGE_SIZE = 50
TEMPLATES = "prevention/commitments/"


def _page(request: HttpRequest, rows: Any) -> tuple[Any, str]:
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()


def _submit(
    request: HttpRequest,
    form: forms.Form,
    perform: Callable[[dict[str, Any]], Model],
    *,
    again: Callable[[forms.Form, int], HttpResponse],
    done: Callable[[Any], HttpResponse],
) -> HttpResponse:
    """A form POST: the page again (400) with an invalid form or a broken business rule,
    else the success message and ``done(saved)``. A region outside the jurisdiction is
    the 404 page (``domain_errors``)."""
    if not form.is_valid():
        return again(form, 400)
    saved: list[Model] = []
    with broken_rules() as broken:
        saved.append(perform(form.cleaned_data))
    if broken:
        form.add_error(broken.field if broken.field in form.fields else None, broken.message)
        return again(form, broken.status)
    messages.success(request, _("Tersimpan."))
    return done(saved[0])


def _pdf_response(data: bytes, name: str) -> HttpResponse:
    """A stored file, as an attachment (never rendered in our origin)."""
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


# --- Integrity pacts -------------------------------------------------------------------


@never_cache
@require_GET
@staff_required("prevention.view")
def pact_list(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    form = f.PactFilterForm(request.GET or None, regions=selectors.region_choices_for(actor=user))
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {"region": form.cleaned_data["region"], "year": form.cleaned_data["year"]}
    page, query = _page(request, selectors.pact_list(actor=user, **filters))
    context = {"form": form, "page": page, "query": query}
    return render(request, TEMPLATES + "pact_list.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("prevention.record")
@domain_errors()
def pact_new(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    regions = selectors.region_choices_for(actor=user)

    def again(form: forms.Form, status: int) -> HttpResponse:
        return render(request, TEMPLATES + "pact_form.html", {"form": form}, status=status)

    if request.method == "GET":
        return again(f.PactForm(regions=regions), 200)
    return _submit(
        request,
        f.PactForm(request.POST, request.FILES, regions=regions),
        lambda data: services.pact_record(actor=user, **data),
        again=again,
        done=lambda pact: redirect("commitments:pact_detail", pact_id=pact.pk),
    )


@never_cache
@require_GET
@staff_required("prevention.view")
@domain_errors()
def pact_detail(request: HttpRequest, pact_id: int) -> HttpResponse:
    pact = selectors.pact_get_for(actor=request_staff(request), pact_id=pact_id)
    return render(request, TEMPLATES + "pact_detail.html", {"pact": pact})


@never_cache
@require_GET
@staff_required("prevention.view")
@domain_errors()
def pact_file(request: HttpRequest, pact_id: int) -> HttpResponse:
    user = request_staff(request)
    try:
        pact, data = selectors.pact_file_read(actor=user, pact_id=pact_id)
    except ApplicationError as error:
        if error.status_code == 404:
            raise
        return render(request, "404.html", {"message": error.message}, status=409)
    audit_record(actor=user, action="prevention.pact_file_open", obj=pact)
    return _pdf_response(data, f"pakta-integritas-{pact.pk}")


# --- Coordination meetings -------------------------------------------------------------


@never_cache
@require_GET
@staff_required("prevention.view")
def meeting_list(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    form = f.MeetingFilterForm(
        request.GET or None, regions=selectors.region_choices_for(actor=user)
    )
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {
            "region": form.cleaned_data["region"],
            "overdue_only": form.cleaned_data["overdue"],
        }
    page, query = _page(request, selectors.meeting_list(actor=user, **filters))
    context = {"form": form, "page": page, "query": query}
    return render(request, TEMPLATES + "meeting_list.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("prevention.record")
@domain_errors()
def meeting_new(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    offices = selectors.office_choices_for(actor=user)

    def again(form: forms.Form, status: int) -> HttpResponse:
        return render(request, TEMPLATES + "meeting_form.html", {"form": form}, status=status)

    if request.method == "GET":
        return again(f.MeetingForm(offices=offices), 200)

    def perform(data: dict[str, Any]) -> Model:
        return services.meeting_record(
            actor=user,
            office_region=data["office"],
            title=data["title"],
            held_on=data["held_on"],
            place=data["place"],
            participants=data["participants"],
            summary=data["summary"],
            minutes=data["minutes"],
        )

    return _submit(
        request,
        f.MeetingForm(request.POST, request.FILES, offices=offices),
        perform,
        again=again,
        done=lambda meeting: redirect("commitments:meeting_detail", meeting_id=meeting.pk),
    )


def _meeting_page(
    request: HttpRequest, meeting_id: int, *, form: forms.Form | None = None, status: int = 200
) -> HttpResponse:
    user = request_staff(request)
    meeting = selectors.meeting_get_for(actor=user, meeting_id=meeting_id)
    today = clock.today()
    commitments = selectors.meeting_commitments(actor=user, meeting=meeting)
    may_record = can(user, "prevention.record", meeting)
    if may_record and form is None:
        form = f.CommitmentForm(regions=selectors.owner_region_choices(meeting=meeting))
    context = {
        "meeting": meeting,
        "participants": list(meeting.participants.all()),
        "rows": [{"c": c, "overdue": c.is_overdue(today)} for c in commitments],
        "form": form if may_record else None,
    }
    return render(request, TEMPLATES + "meeting_detail.html", context, status=status)


@never_cache
@require_GET
@staff_required("prevention.view")
@domain_errors()
def meeting_detail(request: HttpRequest, meeting_id: int) -> HttpResponse:
    return _meeting_page(request, meeting_id)


@never_cache
@require_POST
@staff_required("prevention.record")
@domain_errors()
def commitment_add(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = request_staff(request)
    meeting = selectors.meeting_get_for(actor=user, meeting_id=meeting_id)  # 404 outside
    form = f.CommitmentForm(request.POST, regions=selectors.owner_region_choices(meeting=meeting))
    return _submit(
        request,
        form,
        lambda data: services.commitment_add(actor=user, meeting_id=meeting.pk, **data),
        again=lambda bound, status: _meeting_page(request, meeting_id, form=bound, status=status),
        done=lambda _c: redirect("commitments:meeting_detail", meeting_id=meeting_id),
    )


@never_cache
@require_GET
@staff_required("prevention.view")
@domain_errors()
def meeting_minutes(request: HttpRequest, meeting_id: int) -> HttpResponse:
    user = request_staff(request)
    try:
        meeting, data = selectors.meeting_minutes_read(actor=user, meeting_id=meeting_id)
    except ApplicationError as error:
        if error.status_code == 404:
            raise
        return render(request, "404.html", {"message": error.message}, status=409)
    audit_record(actor=user, action="prevention.minutes_open", obj=meeting)
    return _pdf_response(data, f"notulen-rapat-{meeting.pk}")


# --- Commitments -----------------------------------------------------------------------


@never_cache
@require_GET
@staff_required("prevention.view")
def commitment_list(request: HttpRequest) -> HttpResponse:
    """The commitments desk: a PPK office's own commitments, Bawaslu's and BKN's of the
    meetings in their jurisdiction; pending first, nearest due date first."""
    user = request_staff(request)
    form = f.CommitmentFilterForm(
        request.GET or None, regions=selectors.region_choices_for(actor=user)
    )
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {
            "status": form.cleaned_data["status"],
            "owner_region": form.cleaned_data["owner_region"],
            "overdue_only": form.cleaned_data["overdue"],
        }
    today = clock.today()
    page, query = _page(request, selectors.commitment_desk(actor=user, today=today, **filters))
    context = {
        "form": form,
        "page": page,
        "query": query,
        "rows": [{"c": c, "overdue": c.is_overdue(today)} for c in page.object_list],
        "counts": selectors.commitment_counts(actor=user, today=today),
        "statuses": CommitmentStatus,
        "is_ppk": user.role == Role.PPK_OFFICE,
    }
    return render(request, TEMPLATES + "commitment_list.html", context)


def _may_update(user: User, commitment: Commitment) -> bool:
    """Offered on the page: the owner's PPK office, or Bawaslu over the meeting's office
    (the commitment was fetched through the scoped selector)."""
    if not has_capability(user, "commitment.update"):
        return False
    return user.role == Role.PPK_OFFICE or can(user, "commitment.update", commitment)


def _commitment_page(
    request: HttpRequest,
    commitment_id: int,
    *,
    form: forms.Form | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request_staff(request)
    commitment = selectors.commitment_get_for(actor=user, commitment_id=commitment_id)
    may_update = _may_update(user, commitment)
    if may_update and form is None:
        form = f.CommitmentStatusForm(
            initial={"status": commitment.status, "note": commitment.status_note}
        )
    context = {
        "c": commitment,
        "meeting": commitment.meeting,
        "overdue": commitment.is_overdue(clock.today()),
        "form": form if may_update else None,
        "timeline": audit_entries_for(object_type="prevention.commitment", object_id=commitment.pk),
    }
    return render(request, TEMPLATES + "commitment_detail.html", context, status=status)


@never_cache
@require_GET
@staff_required("prevention.view")
@domain_errors()
def commitment_detail(request: HttpRequest, commitment_id: int) -> HttpResponse:
    return _commitment_page(request, commitment_id)


@never_cache
@require_POST
@staff_required("commitment.update")
@domain_errors()
def commitment_status(request: HttpRequest, commitment_id: int) -> HttpResponse:
    user = request_staff(request)
    selectors.commitment_get_for(actor=user, commitment_id=commitment_id)  # 404 outside
    return _submit(
        request,
        f.CommitmentStatusForm(request.POST),
        lambda data: services.commitment_status_update(
            actor=user, commitment_id=commitment_id, **data
        ),
        again=lambda bound, code: _commitment_page(request, commitment_id, form=bound, status=code),
        done=lambda _c: redirect("commitments:commitment_detail", commitment_id=commitment_id),
    )


# --- Prevention activities -------------------------------------------------------------


@never_cache
@require_GET
@staff_required("prevention.view")
def activity_list(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    form = f.ActivityFilterForm(
        request.GET or None, regions=selectors.region_choices_for(actor=user)
    )
    filters: dict[str, Any] = {}
    if form.is_valid():
        filters = {key: value for key, value in form.cleaned_data.items() if value}
    page, query = _page(request, selectors.activity_list(actor=user, **filters))
    counts = selectors.prevention_activity_counts(actor=user, region=filters.get("region") or None)
    context = {
        "form": form,
        "page": page,
        "query": query,
        "counts": counts,
        "kinds": [
            {
                "label": kind.label,
                "count": counts["by_kind"][kind.value],
                "reach": counts["reach_by_kind"][kind.value],
            }
            for kind in ActivityKind
        ],
    }
    return render(request, TEMPLATES + "activity_list.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("prevention.record")
@domain_errors()
def activity_new(request: HttpRequest) -> HttpResponse:
    user = request_staff(request)
    offices = selectors.office_choices_for(actor=user)

    def again(form: forms.Form, status: int) -> HttpResponse:
        return render(request, TEMPLATES + "activity_form.html", {"form": form}, status=status)

    if request.method == "GET":
        return again(f.ActivityForm(offices=offices, initial={"held_on": clock.today()}), 200)

    def perform(data: dict[str, Any]) -> Model:
        office = data.pop("office")
        return services.activity_record(actor=user, office_region=office, **data)

    return _submit(
        request,
        f.ActivityForm(request.POST, offices=offices),
        perform,
        again=again,
        done=lambda _a: redirect("commitments:activity_list"),
    )
