"""Public pages: the report form, the receipt, and tracking with the receipt code.

They work without JavaScript and keep the code out of the server: it is shown once, put in
the PDF receipt on request (posted back by the reporter), and never stored in a session.
The form is post/redirect/get with a one-time submission token (``submissions``): sending the
same form twice stores one report, and reloading the receipt page sends nothing again.
"""

from __future__ import annotations

import time
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netral.common import clock
from netral.common.errors import ApplicationError
from netral.common.ratelimit import RateLimited
from netral.documents.services import document_pdf
from netral.regions.models import Region
from netral.reports.forms import ReportForm, reported_nip_check, reported_nip_problem
from netral.reports.intake import MAX_REQUEST_BYTES
from netral.reports.lapor import lapor_guidance, report_lapor_forward_public
from netral.reports.models import Report
from netral.reports.receipt_pdf import receipt_document, receipt_pdf
from netral.reports.receipts import receipt_code_display, receipt_code_normalise
from netral.reports.selectors import report_find_by_code, report_tracking
from netral.reports.services import AlreadySubmitted, report_submit, reporter_message_post
from netral.reports.submissions import (
    receipt_pending_pop,
    receipt_pending_set,
    submission_nonce,
    submission_receipt_code,
    submission_token_new,
)
from netral.reports.throttles import (
    refusal_message,
    throttle_lookup,
    throttle_message,
    throttle_submit,
)
from netral.rules.selectors import violation_type_list

TRACKING_SESSION_KEY = "netral.tracking"
TRACKING_SECONDS = 30 * 60
CODE_NOT_FOUND = "Kode tanda terima tidak ditemukan. Periksa kembali ke-16 angkanya."
TRACKING_EXPIRED = "Sesi pelacakan berakhir. Masukkan kode tanda terima lagi."
REQUEST_TOO_LARGE = "Berkas terlalu besar. Jumlah semua berkas paling banyak 100 MB."
FORM_EXPIRED = (
    "Formulir ini sudah terlalu lama terbuka atau tidak lengkap. Isian Anda masih ada: "
    "periksa, lampirkan berkas lagi bila ada, lalu kirim sekali lagi."
)
# File names listed back when the form returns with an error (bounded).
MAX_NAMES_SHOWN, MAX_NAME_SHOWN = 10, 80


def regions_for_picker() -> dict[str, Any]:
    provinces = list(Region.objects.filter(level=Region.Level.PROVINCE).order_by("name"))
    regencies: dict[str, list[Region]] = {}
    for regency in Region.objects.filter(level=Region.Level.REGENCY).order_by("name"):
        regencies.setdefault(regency.parent_id or "", []).append(regency)
    return {
        "provinces": provinces,
        "regency_groups": [(p, regencies.get(p.code, [])) for p in provinces],
    }


def report_form_data(request: HttpRequest) -> dict[str, Any]:
    data = request.POST.dict()
    # Two pickers, one field: the regency when chosen, else the province.
    data["region"] = data.get("regency") or data.get("province") or ""
    data.pop("regency", None)
    return data


@never_cache
@require_http_methods(["GET", "POST"])
def report_form(request: HttpRequest) -> HttpResponse:
    """The form; a valid POST stores the report and redirects to the receipt page. Files are
    not kept when the form comes back with an error: the page names them to attach again."""
    error = ""
    status = 200
    form = ReportForm()
    token = ""
    unsent_files: list[str] = []
    nip_check, nip_ok = "", False
    if request.method == "POST" and request.POST.get("check") == "nip":
        # "Periksa NIP": the early warning, without JavaScript. Nothing is stored or counted
        # against the sender's limit; the form comes back as typed (files excepted), with
        # only the NIP's verdict and no other field's errors.
        data = report_form_data(request)
        form = ReportForm(initial=data)
        nip_check = reported_nip_check(data.get("reported_nip", ""))
        nip_ok = reported_nip_problem(data.get("reported_nip", "")) is None
        posted = request.POST.get("submission", "")
        token = posted if submission_nonce(posted) else ""
        if int(request.META.get("CONTENT_LENGTH") or 0) <= MAX_REQUEST_BYTES:
            files = request.FILES.getlist("files")
            unsent_files = [(f.name or "berkas")[:MAX_NAME_SHOWN] for f in files]
    elif request.method == "POST":
        status = 400
        try:
            throttle_submit(request)
            if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
                raise ApplicationError(_(REQUEST_TOO_LARGE))
            form = ReportForm(report_form_data(request))
            files = request.FILES.getlist("files")
            unsent_files = [(f.name or "berkas")[:MAX_NAME_SHOWN] for f in files]
            nonce = submission_nonce(request.POST.get("submission", ""))
            token = request.POST.get("submission", "") if nonce else ""
            if form.is_valid():
                if nonce is None:
                    raise ApplicationError(_(FORM_EXPIRED))
                try:
                    report_submit(
                        form=form,
                        files=files,
                        channel="web",
                        receipt_code=submission_receipt_code(nonce),
                    )
                    repeat = False
                except AlreadySubmitted:
                    repeat = True  # the same form again: its first report's receipt
                receipt_pending_set(request.session, nonce=nonce, repeat=repeat)
                return HttpResponseRedirect(reverse("reports:receipt"))
        except RateLimited as limited:
            error, status = refusal_message(limited), 429
        except ApplicationError as refused:
            error = refused.message
    context = {
        "form": form,
        "error": error,
        "submission_token": token or submission_token_new(),
        "unsent_files": unsent_files[:MAX_NAMES_SHOWN],
        "unsent_more": max(0, len(unsent_files) - MAX_NAMES_SHOWN),
        "nip_check": nip_check,
        "nip_check_ok": nip_ok,
        "lapor_guidance": lapor_guidance(request.POST.get("reported_nip", "")),
        "violation_types": violation_type_list(),
        "selected_province": request.POST.get("province", ""),
        "selected_regency": request.POST.get("regency", ""),
        **regions_for_picker(),
    }
    return render(request, "reports/form.html", context, status=status)


@never_cache
@require_GET
def receipt(request: HttpRequest) -> HttpResponse:
    """The receipt after a submit: the code, once. Reloading shows that it was shown (and
    submits nothing); the session forgets the submission as the code is shown."""
    pending = receipt_pending_pop(request.session)
    code = submission_receipt_code(pending.nonce) if pending else ""
    report = report_find_by_code(code=code) if code else None
    if pending is None or report is None:
        return render(request, "reports/receipt_shown.html")
    context = {
        "code": code,
        "code_display": receipt_code_display(code),
        "tracking": report_tracking(report=report),
        "repeat": pending.repeat,
    }
    return render(request, "reports/receipt.html", context)


@require_POST
def receipt_download(request: HttpRequest) -> HttpResponse:
    """The PDF receipt, for a code the reporter posts back (it is never kept server-side):
    the code receipt, or with ``resmi`` the official one (registered, without the code)."""
    try:
        throttle_lookup(request)
    except RateLimited as limited:
        return render(
            request, "reports/track_start.html", {"error": refusal_message(limited)}, status=429
        )
    code = receipt_code_normalise(request.POST.get("receipt_code", ""))
    report = report_find_by_code(code=code or "")
    if code is None or report is None:
        return render(request, "reports/track_start.html", {"error": _(CODE_NOT_FOUND)}, status=404)
    if request.POST.get("resmi"):
        # The official receipt: registered (number, QR code), without the code.
        try:
            data = document_pdf(document=receipt_document(report=report))
        except ApplicationError as refused:  # its PDF is still being prepared
            return render(
                request, "reports/track_start.html", {"error": _(refused.message)}, status=503
            )
        filename = "tanda-terima-resmi-netral.pdf"
    else:
        data, filename = receipt_pdf(report=report, code=code), "tanda-terima-netral.pdf"
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def track_start(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(
            request,
            "reports/track_start.html",
            {"error": request.GET.get("expired") and _(TRACKING_EXPIRED)},
        )
    try:
        throttle_lookup(request)
    except RateLimited as limited:
        return render(
            request, "reports/track_start.html", {"error": refusal_message(limited)}, status=429
        )
    report = report_find_by_code(code=request.POST.get("receipt_code", ""))
    if report is None:
        return render(request, "reports/track_start.html", {"error": _(CODE_NOT_FOUND)}, status=404)
    # A fresh session key: whoever held the old cookie cannot ride on this look-up.
    request.session.cycle_key()
    request.session[TRACKING_SESSION_KEY] = {
        "report": report.pk,
        "until": time.time() + TRACKING_SECONDS,
    }
    return HttpResponseRedirect(reverse("reports:track_detail"))


def _tracked_report(request: HttpRequest) -> Report | None:
    state = request.session.get(TRACKING_SESSION_KEY)
    if not state or state.get("until", 0) < time.time():
        request.session.pop(TRACKING_SESSION_KEY, None)
        return None
    return (
        Report.objects.select_related("region", "election__cycle")
        .filter(pk=state["report"])
        .first()
    )


@never_cache
@require_http_methods(["GET", "POST"])
def track_detail(request: HttpRequest) -> HttpResponse:
    report = _tracked_report(request)
    if report is None:
        return HttpResponseRedirect(reverse("reports:track_start") + "?expired=1")
    error = ""
    sent = False
    status = 200
    if request.method == "POST":
        try:
            throttle_message(request, report_id=report.pk)
            reporter_message_post(
                report=report,
                body=request.POST.get("body", ""),
                files=request.FILES.getlist("files"),
            )
            sent = True
        except RateLimited as limited:
            error, status = refusal_message(limited), 429
        except ApplicationError as refused:
            error, status = refused.message, 400
    context = {
        "tracking": report_tracking(report=report),
        "error": error,
        "sent": sent,
        "now": clock.now(),
        "lapor_forward": report_lapor_forward_public(report=report),
    }
    return render(request, "reports/track_detail.html", context, status=status)


@require_POST
def track_end(request: HttpRequest) -> HttpResponse:
    request.session.pop(TRACKING_SESSION_KEY, None)
    request.session.cycle_key()
    return HttpResponseRedirect(reverse("home"))
