"""Staff pages for a case's official documents: issue one (POST) and download it (GET).

A case outside the jurisdiction is the 404 page, a missing right the 403 page; any other
refusal (the case is not at that step yet) goes back to the case page with the message.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.cases.documents import case_document_get, case_document_issue
from netral.common.web import back_to, domain_errors
from netral.documents.services import document_pdf


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@never_cache
@require_POST
@staff_required("case.handle")
@domain_errors(back=back_to("cases:case_detail", "case_id"))
def case_document_issue_view(request: HttpRequest, case_id: int, kind: str) -> HttpResponse:
    document = case_document_issue(
        actor=request_staff(request),
        case_id=case_id,
        kind=kind,
        clarification_id=_int_or_none(request.POST.get("clarification")),
    )
    messages.success(request, _("Dokumen diterbitkan: %(number)s.") % {"number": document.number})
    return redirect(reverse("cases:case_detail", kwargs={"case_id": case_id}) + "#dokumen")


@never_cache
@require_GET
@staff_required("case.view")
@domain_errors(back=back_to("cases:case_detail", "case_id"))
def case_document_download(request: HttpRequest, case_id: int, document_id: int) -> HttpResponse:
    document = case_document_get(
        actor=request_staff(request), case_id=case_id, document_id=document_id
    )
    response = HttpResponse(document_pdf(document=document), content_type="application/pdf")
    filename = document.number.replace("/", "-") + ".pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
