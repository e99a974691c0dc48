"""The tracking page's "give my identity" step (``/lacak/identitas/``): for anonymous
information, inside a tracking session opened with the receipt code. Works without
JavaScript (post/redirect/get); past the reporting window it says so and offers nothing to
fill in."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from netral.common.errors import ApplicationError
from netral.reports.models import Report
from netral.reports.step_forward import information_step_forward, step_forward_window
from netral.reports.step_forward_forms import StepForwardForm
from netral.reports.views import _tracked_report


@never_cache
@require_http_methods(["GET", "POST"])
def track_step_forward(request: HttpRequest) -> HttpResponse:
    report = _tracked_report(request)
    if report is None:
        return HttpResponseRedirect(reverse("reports:track_start") + "?expired=1")
    if report.kind != Report.Kind.INFORMASI:
        return HttpResponseRedirect(reverse("reports:track_detail"))
    window = step_forward_window(report=report)
    form = StepForwardForm(request.POST if request.method == "POST" else None)
    error, status = "", 200
    if request.method == "POST" and not window.open:
        status = 400
    elif request.method == "POST" and form.is_valid():
        try:
            information_step_forward(report_id=report.pk, **form.identity())
        except ApplicationError as refused:
            error, status = refused.message, 400
        else:
            return HttpResponseRedirect(reverse("reports:track_detail") + "?identitas=1")
    elif request.method == "POST":
        status = 400
    context = {"form": form, "window": window, "error": error}
    return render(request, "reports/step_forward.html", context, status=status)
