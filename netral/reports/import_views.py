"""Staff pages for importing findings from the XLSX template: the upload page, the template
download and the job's status page (which refreshes itself while the import runs).

Thin: ``finding_import`` checks and stores; these pages only carry the file and the result.
"""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from netral.accounts.decorators import request_staff, staff_required
from netral.common.errors import ApplicationError, NotFound
from netral.reports.finding_import import (
    COLUMNS,
    MAX_ROWS,
    finding_import_start,
    import_job_get_for,
    import_template,
)
from netral.reports.models import ImportJob

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REFRESH_SECONDS = 2


@never_cache
@require_http_methods(["GET", "POST"])
@staff_required("finding.create")
def import_start(request: HttpRequest) -> HttpResponse:
    error, status = "", 200
    if request.method == "POST":
        try:
            job = finding_import_start(
                actor=request_staff(request), upload=request.FILES.get("file")
            )
        except ApplicationError as refused:
            error, status = refused.message, 400
        else:
            return redirect("reports_staff:finding_import_status", public_id=job.public_id)
    recent = ImportJob.objects.filter(created_by=request_staff(request)).defer("content")[:5]
    context = {"error": error, "columns": COLUMNS, "max_rows": MAX_ROWS, "recent": recent}
    return render(request, "reports/staff/import_start.html", context, status=status)


@require_GET
@staff_required("finding.create")
def import_template_download(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(import_template(), content_type=XLSX)
    response["Content-Disposition"] = 'attachment; filename="templat-impor-temuan.xlsx"'
    return response


@never_cache
@require_GET
@staff_required("finding.create")
def import_status(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    try:
        job = import_job_get_for(actor=request_staff(request), public_id=str(public_id))
    except NotFound:
        return render(request, "404.html", status=404)
    context = {"job": job, "refresh": None if job.finished else REFRESH_SECONDS}
    return render(request, "reports/staff/import_status.html", context)
