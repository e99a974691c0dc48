"""Reads for accounts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from netral.accounts.models import User
from netral.elections.models import Election
from netral.regions.models import Region


@dataclass(frozen=True)
class WorkspaceSummary:
    jurisdiction: Region | None
    regions_covered: int
    elections_covered: int


def workspace_summary(*, user: User) -> WorkspaceSummary:
    """What the user's jurisdiction spans: regions and elections inside it."""
    if user.jurisdiction is None:
        regions = Region.objects.count()
        elections = Election.objects.count()
    else:
        code = user.jurisdiction.code
        scope = Q(code=code) | Q(parent_id=code)
        regions = Region.objects.filter(scope).count()
        elections = Election.objects.filter(Q(region_id=code) | Q(region__parent_id=code)).count()
    return WorkspaceSummary(
        jurisdiction=user.jurisdiction, regions_covered=regions, elections_covered=elections
    )
