"""The scheduler's runs, legal holds and retention records in the back office: read-only
(administrators only, as the whole back office); holds change through the services."""

from __future__ import annotations

from django.contrib import admin

from netral.common.admin_readonly import ReadOnlyAdmin
from netral.operations.models import JobRun, LegalHold, RetentionErasure


@admin.register(JobRun)
class JobRunAdmin(ReadOnlyAdmin):
    list_display = ("job", "slot", "started_at", "finished_at", "outcome", "result", "error")
    list_filter = ("outcome", "job")
    ordering = ("-started_at", "-pk")


@admin.register(LegalHold)
class LegalHoldAdmin(ReadOnlyAdmin):
    list_display = ("case", "placed_by", "placed_at", "released_at")


@admin.register(RetentionErasure)
class RetentionErasureAdmin(ReadOnlyAdmin):
    list_display = ("rule", "case", "erased_at", "counts")
    list_filter = ("rule",)
