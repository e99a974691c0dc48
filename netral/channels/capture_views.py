"""The staff report page's "captured links" section and its retry button."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.permissions import can
from netral.channels.capture import capture_retry
from netral.channels.capture_selectors import capture_record
from netral.common.web import back_to, domain_errors
from netral.reports.hooks import ReportPage, ReportSection

RETRY_STARTED = gettext_noop("Penangkapan tautan diulang; hasilnya tampil di halaman ini.")
REPORT_PAGE = back_to("reports_staff:report_detail", "public_id")


def capture_section(page: ReportPage) -> ReportSection | None:
    """``report_sections`` handler: the report's captured links, or None when it has none."""
    record = capture_record(report=page.report)
    if not record.jobs:
        return None
    return ReportSection(
        template="channels/_capture_section.html",
        context={
            "record": record,
            "can_retry": can(page.actor, "evidence.capture_retry", page.report),
        },
    )


@require_POST
@staff_required("evidence.capture_retry")
@domain_errors(back=REPORT_PAGE)
def capture_retry_view(request: HttpRequest, public_id: uuid.UUID, job_id: int) -> HttpResponse:
    capture_retry(actor=request_staff(request), report_public_id=str(public_id), job_id=job_id)
    messages.success(request, _(RETRY_STARTED))
    return redirect("reports_staff:report_detail", public_id=public_id)
