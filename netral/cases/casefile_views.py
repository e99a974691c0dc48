"""Staff pages for the case file (berkas) and for redaction, mounted under
``ruang-kerja/kasus/`` (namespace ``case_files``).

One click on the case page asks for the file (POST); its page refreshes itself (meta
refresh, no JavaScript) until the background build has finished, then offers the download.
The redaction page shows one text of the case with suggested spans as checkboxes and a box
for more words; saving keeps the original and stores the redacted version.
A case outside the jurisdiction is the 404 page, a missing right the 403 page.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.permissions import require
from netral.cases import casefile, redaction
from netral.cases.models import Redaction
from netral.cases.selectors import case_detail_for
from netral.common.web import back_to, broken_rules, domain_errors

REFRESH_SECONDS = 2


@never_cache
@require_POST
@staff_required("casefile.build")
@domain_errors(back=back_to("cases:case_detail", "case_id"))
def case_file_create(request: HttpRequest, case_id: int) -> HttpResponse:
    case_file = casefile.case_file_request(
        actor=request_staff(request),
        case_id=case_id,
        recipient=request.POST.get("recipient", "")[:20],
        include_identity=request.POST.get("identity") == "1",
    )
    return redirect("case_files:status", case_id=case_id, public_id=case_file.public_id)


@never_cache
@require_GET
@staff_required("casefile.build")
@domain_errors(back=back_to("cases:case_detail", "case_id"))
def case_file_status(request: HttpRequest, case_id: int, public_id: str) -> HttpResponse:
    case_file = casefile.case_file_get(
        actor=request_staff(request), case_id=case_id, public_id=public_id
    )
    context = {
        "case": case_file.case,
        "case_file": case_file,
        "refresh": REFRESH_SECONDS if not case_file.finished else None,
    }
    return render(request, "cases/case_file.html", context)


@never_cache
@require_GET
@staff_required("casefile.build")
@domain_errors(back=back_to("cases:case_detail", "case_id"))
def case_file_download(request: HttpRequest, case_id: int, public_id: str) -> HttpResponse:
    data, name = casefile.case_file_download(
        actor=request_staff(request), case_id=case_id, public_id=public_id
    )
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("case.redact")
@domain_errors()
def redaction_edit(request: HttpRequest, case_id: int, target: str, target_id: str) -> HttpResponse:
    actor = request_staff(request)
    case = case_detail_for(actor=actor, case_id=case_id)
    require(actor, "case.redact", case)
    text = redaction.redactable_get(case=case, target=target, target_id=target_id)
    error, status, terms = "", 200, ""
    if request.method == "POST":
        terms = request.POST.get("terms", "")
        with broken_rules() as broken:
            redaction.redaction_save(
                actor=actor,
                case_id=case.pk,
                target=target,
                target_id=target_id,
                spans=redaction.spans_parse(request.POST.getlist("span")),
                terms=redaction.terms_parse(terms),
            )
        if not broken:
            messages.success(request, _("Redaksi disimpan; naskah aslinya tetap tersimpan."))
            return redirect(reverse("cases:case_detail", kwargs={"case_id": case.pk}) + "#berkas")
        error, status = broken.message, broken.status
    context = {
        "case": case,
        "text": text,
        "target_label": Redaction.Target(target).label,
        "suggestions": redaction.redaction_suggest(target=target, text=text.text),
        "current": redaction.redaction_current(case=case, target=target, target_id=target_id),
        "terms": terms,
        "error": error,
    }
    return render(request, "cases/redaction.html", context, status=status)
