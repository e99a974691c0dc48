"""Staff pages for reports: the jurisdiction's list, the case page (protected identity,
evidence, messages) and the leaders' page for reveal requests.

Thin: forms carry input, services and selectors decide. ``NotFound`` becomes the 404 page and
``PermissionDenied`` the 403 page (``netral.common.web``); other domain errors go back to the
form that caused them.
Every page here is ``no-store``: case pages must not linger in a browser or proxy cache.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.common.errors import NotFound
from netral.common.web import back_to, broken_rules, domain_errors
from netral.reports.findings import FindingForm, finding_register, information_to_finding
from netral.reports.handling import (
    evidence_open,
    reporter_identity_reveal,
    reveal_request_create,
    reveal_request_decide,
    staff_message_post,
)
from netral.reports.handling_selectors import (
    report_detail_for,
    report_rows,
    reveal_requests_pending_for,
)
from netral.reports.hooks import ReportPage, report_sections
from netral.reports.lapor_section import lapor_section
from netral.reports.models import Reporter
from netral.reports.selectors import report_get_for, report_list_for
from netral.reports.views import regions_for_picker, report_form_data

PAGE_SIZE = 50
REVEAL_REQUESTED = gettext_noop("Permintaan pengungkapan identitas terkirim ke pimpinan.")
MESSAGE_SENT = gettext_noop("Pesan terkirim. Pelapor melihatnya dengan kode tanda terima.")
REVEAL_APPROVED = gettext_noop("Permintaan disetujui; berlaku 24 jam bagi pengaju.")
REVEAL_REJECTED = gettext_noop("Permintaan ditolak.")
FINDING_REGISTERED = gettext_noop("Temuan tercatat dan kasusnya dibuka.")
FINDING_FORWARDED = gettext_noop(
    "Temuan tercatat. Kasusnya ditangani kantor Bawaslu yang berwenang atas pemilihan ini,"
    " bukan kantor Anda."
)
MADE_FINDING = gettext_noop("Informasi awal dijadikan temuan.")


class RevealRequestForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Alasan membuka identitas pelapor"),
        help_text=gettext_lazy(
            "Pimpinan membaca alasan ini sebelum memutuskan. Alasan dan setiap pembukaan "
            "identitas dicatat dalam jejak audit."
        ),
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 3, "class": "input"}),
    )


class StaffMessageForm(forms.Form):
    body = forms.CharField(
        label=gettext_lazy("Balas pelapor"),
        help_text=gettext_lazy(
            "Pelapor membaca pesan ini dengan kode tanda terima. Jangan menulis nama petugas "
            "atau hal yang dapat mengungkap pelapor."
        ),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 4, "class": "input"}),
    )


class RevealDecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("reject", "reject")])
    note = forms.CharField(
        label=gettext_lazy("Catatan keputusan (opsional)"),
        required=False,
        max_length=2_000,
        widget=forms.Textarea(attrs={"rows": 2, "class": "input"}),
    )


REPORT_PAGE = back_to("reports_staff:report_detail", "public_id")


def _detail_page(
    request: HttpRequest,
    public_id: uuid.UUID,
    *,
    identity: Reporter | None = None,
    reveal_form: RevealRequestForm | None = None,
    message_form: StaffMessageForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The report page; ``NotFound`` outside the jurisdiction (the caller's ``domain_errors``
    makes it the 404 page)."""
    actor = request_staff(request)
    detail = report_detail_for(actor=actor, public_id=str(public_id))
    page = ReportPage(actor=actor, report=detail.report)
    context: dict[str, Any] = {
        "detail": detail,
        "report": detail.report,
        # What the apps above add (triage: suggestions beside the report).
        "sections": [s for s in report_sections.ask(page) if s is not None],
        # The hand-off to SP4N-LAPOR! (``lapor_section``), or None.
        "lapor_section": lapor_section(page),
        "identity": identity,
        "reveal_form": reveal_form or RevealRequestForm(),
        "message_form": message_form or StaffMessageForm(),
    }
    return render(request, "reports/staff/report_detail.html", context, status=status)


@never_cache
@require_GET
@staff_required("case.view")
def report_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(report_list_for(actor=request_staff(request)), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "rows": report_rows(reports=page.object_list)}
    return render(request, "reports/staff/report_list.html", context)


@never_cache
@require_GET
@staff_required("case.view")
@domain_errors()
def report_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _detail_page(request, public_id)


@never_cache
@require_POST
@staff_required("identity.reveal_request")
@domain_errors()
def reveal_request(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    form = RevealRequestForm(request.POST)
    if form.is_valid():
        with broken_rules() as broken:
            reveal_request_create(
                actor=request_staff(request),
                report_public_id=str(public_id),
                reason=form.cleaned_data["reason"],
            )
            messages.success(request, _(REVEAL_REQUESTED))
            return redirect("reports_staff:report_detail", public_id=public_id)
        form.add_error("reason", broken.message)
    return _detail_page(request, public_id, reveal_form=form, status=400)


@never_cache
@require_POST
@staff_required("identity.reveal_request")
@domain_errors(back=REPORT_PAGE)
def identity_reveal(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Shows the identity in this one response (POST, never cached); each time is audited."""
    identity = reporter_identity_reveal(
        actor=request_staff(request), report_public_id=str(public_id)
    )
    # never_cache (no-store) keeps it out of browser and proxy caches.
    return _detail_page(request, public_id, identity=identity)


@never_cache
@require_POST
@staff_required("case.handle")
@domain_errors()
def message_post(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    form = StaffMessageForm(request.POST)
    if form.is_valid():
        with broken_rules() as broken:
            staff_message_post(
                actor=request_staff(request),
                report_public_id=str(public_id),
                body=form.cleaned_data["body"],
            )
            messages.success(request, _(MESSAGE_SENT))
            return redirect("reports_staff:report_detail", public_id=public_id)
        form.add_error("body", broken.message)
    return _detail_page(request, public_id, message_form=form, status=400)


def _evidence(
    request: HttpRequest, public_id: uuid.UUID, evidence_id: int, *, original: bool
) -> HttpResponse:
    with broken_rules() as broken:
        data, content_type, name = evidence_open(
            actor=request_staff(request),
            report_public_id=str(public_id),
            evidence_id=evidence_id,
            original=original,
        )
    if broken:
        context = {"message": broken.message, "report_public_id": public_id}
        return render(request, "reports/staff/problem.html", context, status=broken.status)
    response = HttpResponse(data, content_type=content_type)
    # Never rendered inline: a hostile file must not run in our origin.
    disposition = content_disposition_header(as_attachment=True, filename=name)
    response["Content-Disposition"] = disposition or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@staff_required("case.view")
@domain_errors()
def evidence_clean(request: HttpRequest, public_id: uuid.UUID, evidence_id: int) -> HttpResponse:
    return _evidence(request, public_id, evidence_id, original=False)


@require_GET
@staff_required("evidence.open_original")
@domain_errors()
def evidence_original(request: HttpRequest, public_id: uuid.UUID, evidence_id: int) -> HttpResponse:
    return _evidence(request, public_id, evidence_id, original=True)


def _pending_page(request: HttpRequest, *, error: str = "", status: int = 200) -> HttpResponse:
    pending = list(reveal_requests_pending_for(actor=request_staff(request)))
    context = {"pending": pending, "error": error}
    return render(request, "reports/staff/reveal_pending.html", context, status=status)


@never_cache
@require_GET
@staff_required("identity.reveal_approve")
def reveal_pending(request: HttpRequest) -> HttpResponse:
    return _pending_page(request)


@never_cache
@require_POST
@staff_required("identity.reveal_approve")
@domain_errors()
def reveal_decide(request: HttpRequest, request_id: int) -> HttpResponse:
    form = RevealDecisionForm(request.POST)
    if not form.is_valid():
        return _pending_page(request, error=_("Pilih setujui atau tolak."), status=400)
    approve = form.cleaned_data["decision"] == "approve"
    with broken_rules() as broken:
        reveal_request_decide(
            actor=request_staff(request),
            request_id=request_id,
            approve=approve,
            note=form.cleaned_data["note"],
        )
    if broken:
        return _pending_page(request, error=broken.message, status=broken.status)
    messages.success(request, _(REVEAL_APPROVED if approve else REVEAL_REJECTED))
    return redirect("reports_staff:reveal_pending")


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("finding.create")
def finding_create(request: HttpRequest) -> HttpResponse:
    error = ""
    status = 200
    form = FindingForm()
    if request.method == "POST":
        status = 400
        form = FindingForm(report_form_data(request))
        if form.is_valid():
            # A refusal here is about the region the form names, not the page: show the form.
            with broken_rules(refusals=True) as broken:
                report = finding_register(
                    actor=request_staff(request),
                    form=form,
                    files=request.FILES.getlist("files"),
                    source=form.cleaned_data["source"],
                )
                try:
                    # Registered here, handled by the election's office (a governor
                    # election: the province), which may not be the registrar's.
                    report_get_for(actor=request_staff(request), public_id=str(report.public_id))
                except NotFound:
                    messages.success(request, _(FINDING_FORWARDED))
                    return redirect("reports_staff:report_list")
                messages.success(request, _(FINDING_REGISTERED))
                return redirect("reports_staff:report_detail", public_id=report.public_id)
            error, status = broken.message, broken.status
    context = {
        "form": form,
        "error": error,
        "selected_province": request.POST.get("province", ""),
        "selected_regency": request.POST.get("regency", ""),
        **regions_for_picker(),
    }
    return render(request, "reports/staff/finding_form.html", context, status=status)


@never_cache
@require_POST
@staff_required("finding.create")
@domain_errors(back=REPORT_PAGE)
def make_finding(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    information_to_finding(actor=request_staff(request), report_public_id=str(public_id))
    messages.success(request, _(MADE_FINDING))
    return redirect("reports_staff:report_detail", public_id=public_id)
