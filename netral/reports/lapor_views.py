"""Pages of the SP4N-LAPOR! hand-off (``netral.reports.lapor``): the reporter's printable
summary (public, posted from the report form, nothing stored) and the staff form that records
a report as forwarded."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.common.errors import ApplicationError
from netral.common.ratelimit import RateLimited, configured, hit_client_and_global, refusal_message
from netral.common.web import domain_errors
from netral.reports.intake import MAX_REQUEST_BYTES
from netral.reports.lapor import (
    lapor_rules,
    lapor_summary_from_post,
    report_forward_to_lapor,
)
from netral.reports.lapor_pdf import lapor_summary_pdf
from netral.reports.lapor_section import LaporForwardForm
from netral.reports.staff_views import _detail_page
from netral.reports.views import REQUEST_TOO_LARGE

FORWARD_RECORDED = gettext_noop(
    "Tercatat: laporan diteruskan ke SP4N-LAPOR! dengan nomor pelacakan {number}. Pelapor"
    " melihatnya di halaman pelacakan."
)


# The summary costs no storage but a render (a PDF more): per client and for everyone.
# Settings may override them (``NETRAL_RATE_LIMITS``).
RATE_LIMITS: dict[str, tuple[int, int]] = {
    "lapor-summary": (60, 3600),
    "lapor-summary-all": (600, 60),
}


def _throttle_summary(request: HttpRequest) -> None:
    hit_client_and_global(
        request,
        configured("lapor-summary", RATE_LIMITS),
        configured("lapor-summary-all", RATE_LIMITS),
    )


@never_cache
@require_POST
def lapor_summary(request: HttpRequest) -> HttpResponse:
    """The report form's content as a print-friendly page (or, with ``format=pdf``, a PDF) to
    file at SP4N-LAPOR!. Files are
    not read (the button posts the form without them); nothing is stored, not even in the
    session."""
    summary, error, status = None, "", 200
    try:
        _throttle_summary(request)
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
            raise ApplicationError(_(REQUEST_TOO_LARGE))
        summary = lapor_summary_from_post(request.POST)
    except RateLimited as limited:
        error, status = refusal_message(limited), 429
    except ApplicationError as refused:
        error, status = refused.message, 400
    if summary is not None and request.POST.get("format") == "pdf":
        response = HttpResponse(
            lapor_summary_pdf(summary=summary, rules=lapor_rules()),
            content_type="application/pdf",
        )
        response["Content-Disposition"] = 'attachment; filename="ringkasan-sp4n-lapor.pdf"'
        return response
    context = {"lapor": lapor_rules(), "summary": summary, "error": error}
    return render(request, "reports/lapor_summary.html", context, status=status)


@never_cache
@require_POST
@staff_required("case.handle")
@domain_errors()
def lapor_forward(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    form = LaporForwardForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            forward = report_forward_to_lapor(
                actor=request_staff(request),
                report_public_id=str(public_id),
                tracking_number=form.cleaned_data["tracking_number"],
            )
        except ApplicationError as refused:
            if refused.status_code != 400:
                raise  # 404 and 403: the domain_errors pages
            error = refused.message
        else:
            messages.success(request, _(FORWARD_RECORDED).format(number=forward.tracking_number))
            return redirect("reports_staff:report_detail", public_id=public_id)
    else:
        error = " ".join(str(e) for e in form.errors.get("tracking_number", []))
    messages.error(request, error)
    return _detail_page(request, public_id, status=400)
