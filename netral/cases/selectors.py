"""Reads for cases."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from netral.cases.models import Case, Status
from netral.regions.models import Region

PUBLIC_STATUSES = (Status.ANNOUNCED, Status.CLOSED)


def public_case_list(*, region: Region) -> QuerySet[Case]:
    """Announced cases handled in ``region`` or below it: what anyone may see."""
    scope = Q(office_region=region) | Q(office_region__parent=region)
    return (
        Case.objects.filter(scope, status__in=PUBLIC_STATUSES, announced_at__isnull=False)
        .select_related("election")
        .order_by("-announced_at")
    )
