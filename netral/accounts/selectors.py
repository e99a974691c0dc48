"""Reads for accounts."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from netral.accounts.models import Role, User
from netral.elections.models import Election
from netral.regions.models import Region

# The Bawaslu level an account works at (``User.office_level``), as shown to people.
OFFICE_LEVELS = {
    "ri": _("Nasional (Bawaslu RI / pusat)"),
    Region.Level.PROVINCE: _("Provinsi"),
    Region.Level.REGENCY: _("Kabupaten/Kota"),
}


@dataclass(frozen=True)
class WorkspaceSummary:
    role_label: str
    jurisdiction: Region | None
    office_level_label: str
    office_name: str
    regions_covered: int
    elections_covered: int


def workspace_summary(*, user: User) -> WorkspaceSummary:
    """Who the user is at work and what their jurisdiction spans: regions and elections."""
    if user.jurisdiction is None:
        regions = Region.objects.count()
        elections = Election.objects.count()
    else:
        code = user.jurisdiction.code
        scope = Q(code=code) | Q(parent_id=code)
        regions = Region.objects.filter(scope).count()
        elections = Election.objects.filter(Q(region_id=code) | Q(region__parent_id=code)).count()
    return WorkspaceSummary(
        role_label=str(Role(user.role).label) if user.role in Role.values else user.role,
        jurisdiction=user.jurisdiction,
        office_level_label=str(OFFICE_LEVELS.get(user.office_level, user.office_level)),
        office_name=user.office_name,
        regions_covered=regions,
        elections_covered=elections,
    )


def totp_is_enrolled(*, user: User) -> bool:
    """Whether the user has a confirmed authenticator (and so can sign in with a code)."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
