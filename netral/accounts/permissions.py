"""The one place that answers "may this user do X to this object".

Two questions, both must say yes:

1. **Capability**: does the user's role allow the action at all? (``CAPABILITIES``)
2. **Jurisdiction**: does the object lie inside the user's area? A national account covers
   everything; a provincial one its province and the regencies/cities below it; a
   regency/city one only itself. Objects tell their region through ``jurisdiction_region``
   (``None`` means national: only national accounts cover it).

Views, API endpoints, exports, commands and tasks all ask here. Selectors use
``jurisdiction_q`` so that queries only ever return objects the user covers, which makes
objects outside the jurisdiction indistinguishable from missing ones (404).
"""

from __future__ import annotations

from typing import Protocol

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q

from netral.accounts.models import Role, User
from netral.common.errors import PermissionDenied
from netral.regions.models import Region

BAWASLU = frozenset({Role.BAWASLU_STAFF, Role.BAWASLU_LEADER})
PARTNERS = frozenset({Role.BKN_OFFICER, Role.PPK_OFFICE, Role.GAKKUMDU, Role.KPU})
ALL_STAFF = BAWASLU | PARTNERS | {Role.ADMIN}

# Capability -> roles that have it. Jurisdiction is checked separately, per object.
CAPABILITIES: dict[str, frozenset[str]] = {
    # Workspace and reference data.
    "workspace.view": ALL_STAFF,
    "election.view_internal": ALL_STAFF,
    "apitoken.manage_own": ALL_STAFF,
    # Back office.
    "user.manage": frozenset({Role.ADMIN}),
    "audit.view": frozenset({Role.ADMIN, Role.BAWASLU_LEADER}),
    "audit.verify": frozenset({Role.ADMIN}),
    # Case handling (Bawaslu).
    "case.view": BAWASLU,
    "case.handle": BAWASLU,
    "case.decide": frozenset({Role.BAWASLU_LEADER}),
    # The case file (berkas) for Gakkumdu, BKN or DKPP, and redacting what leaves in it.
    "case.redact": BAWASLU,
    "casefile.build": BAWASLU,
    "finding.create": BAWASLU,
    "identity.reveal_request": BAWASLU,
    "identity.reveal_approve": frozenset({Role.BAWASLU_LEADER}),
    "evidence.open_original": frozenset({Role.BAWASLU_LEADER}),
    # Starting a failed capture of a link given as evidence again (issue #15).
    "evidence.capture_retry": BAWASLU,
    # Assignment and internal notes (issue #14): leadership assigns a case to a staff member
    # of its office, staff take one themselves; notes never reach the reporter or partners.
    "case.assign": frozenset({Role.BAWASLU_LEADER}),
    "case.take": BAWASLU,
    "case.note": BAWASLU,
    # Follow-up by partner institutions.
    "recommendation.view": BAWASLU | PARTNERS,
    "recommendation.assess": frozenset({Role.BKN_OFFICER}),
    "sanction.record": frozenset({Role.PPK_OFFICE}),
    "criminal.track": frozenset({Role.GAKKUMDU}),
    "administrative.respond": frozenset({Role.KPU}),
    # A desk takes a recommendation for one of its members, or hands it to a colleague of the
    # same desk (partner desks have no leadership role of their own).
    "recommendation.take": PARTNERS,
    # Own notifications (the notification centre of the workspace).
    "notification.view_own": ALL_STAFF,
    # Prevention (issue #11). Appeals go from a Bawaslu office to the regional governments
    # (PPK offices) in its jurisdiction; the addressee acknowledges and reports follow-up.
    "appeal.view": BAWASLU | frozenset({Role.PPK_OFFICE}),
    "appeal.issue": BAWASLU,
    "appeal.respond": frozenset({Role.PPK_OFFICE}),
    # Integrity pacts, coordination meetings, commitments and prevention activities.
    "prevention.view": BAWASLU | frozenset({Role.PPK_OFFICE, Role.BKN_OFFICER}),
    "prevention.record": BAWASLU,
    "commitment.update": BAWASLU | frozenset({Role.PPK_OFFICE}),
    # Collective pledge events are organised by a regional government, or logged by Bawaslu.
    "pledge_event.record": BAWASLU | frozenset({Role.PPK_OFFICE}),
    # Early warnings per region.
    "warning.view": BAWASLU | frozenset({Role.ADMIN}),
    "warning.acknowledge": BAWASLU,
    # The person record (issue #12): those who see the cases see the person's history;
    # merging records and confirming or splitting a match is case work.
    "person.view": BAWASLU,
    "person.manage": BAWASLU,
    # Partners (issue #16): the event feed of one's jurisdiction (for those who handle or
    # follow up cases: administrators configure endpoints, they do not read case events),
    # and the webhook endpoints partner systems receive events at.
    "event.feed": BAWASLU | PARTNERS,
    # The case exchange: a decided case as a document, and the partner's answer back (each
    # answer then needs the desk's own capability, e.g. ``recommendation.assess``).
    "case.exchange": BAWASLU | PARTNERS,
    "webhook.manage": frozenset({Role.ADMIN}),
    # Aggregates.
    "dashboard.view": BAWASLU | frozenset({Role.BKN_OFFICER, Role.ADMIN}),
    "export.download": BAWASLU | frozenset({Role.BKN_OFFICER}),
}

NOT_ALLOWED = "Anda tidak memiliki wewenang untuk tindakan ini."


class Scoped(Protocol):
    """Anything that lies in a region (``None``: national)."""

    @property
    def jurisdiction_region(self) -> Region | None: ...


AnyUser = User | AnonymousUser


def _staff(user: AnyUser) -> User | None:
    if isinstance(user, User) and user.is_active:
        return user
    return None


def covers(user: AnyUser, region: Region | None) -> bool:
    """Whether ``region`` (``None``: national) lies inside the user's jurisdiction."""
    staff = _staff(user)
    if staff is None:
        return False
    if staff.jurisdiction_id is None:
        return True
    if region is None:
        return False
    if region.code == staff.jurisdiction_id:
        return True
    return region.parent_id is not None and region.parent_id == staff.jurisdiction_id


def has_capability(user: AnyUser, capability: str) -> bool:
    if capability not in CAPABILITIES:
        raise KeyError(f"unknown capability {capability!r}")
    staff = _staff(user)
    return staff is not None and staff.role in CAPABILITIES[capability]


def can(user: AnyUser, capability: str, obj: Scoped | None = None) -> bool:
    """May ``user`` do ``capability`` (to ``obj``, when given)?"""
    if not has_capability(user, capability):
        return False
    return obj is None or covers(user, obj.jurisdiction_region)


def require(user: AnyUser, capability: str, obj: Scoped | None = None) -> None:
    """Raise ``PermissionDenied`` unless ``can(user, capability, obj)``.

    Callers fetch ``obj`` through a jurisdiction-scoped selector first, so an object outside
    the jurisdiction is already a 404 by the time this runs; this is the second line.
    """
    if not can(user, capability, obj):
        raise PermissionDenied(NOT_ALLOWED)


def audience_key(user: AnyUser) -> str:
    """Who sees the same rows: every rule in this module depends on the role and the
    jurisdiction only (and on the account being active), so two accounts with the same key
    are shown the same aggregates. A page fragment shared between viewers (the dashboard's
    panels) is keyed by it; anything about the person themself (their assignments, their
    notifications) never is."""
    staff = _staff(user)
    if staff is None:
        return "public"
    return f"{staff.role}@{staff.jurisdiction_id or 'RI'}"


def jurisdiction_q(user: AnyUser, field: str = "region") -> Q:
    """A filter keeping rows whose ``field`` (a Region foreign key) the user covers.

    ``field`` may point at a nullable region (national rows): only national accounts see those.
    """
    staff = _staff(user)
    if staff is None:
        return Q(pk__in=[])
    if staff.jurisdiction_id is None:
        return Q()
    code = staff.jurisdiction_id
    return Q(**{f"{field}_id": code}) | Q(**{f"{field}__parent_id": code})


# The institutions whose staff form one office together with the same jurisdiction.
INSTITUTIONS: tuple[frozenset[str], ...] = (
    BAWASLU,
    frozenset({Role.BKN_OFFICER}),
    frozenset({Role.PPK_OFFICE}),
    frozenset({Role.GAKKUMDU}),
    frozenset({Role.KPU}),
    frozenset({Role.ADMIN}),
)


def office_peers_q(user: AnyUser, field: str = "user") -> Q:
    """A filter keeping rows whose ``field`` (a User foreign key) is an active colleague in
    the user's office: the same institution (Bawaslu staff and leadership are one) and the
    same jurisdiction (national with national). What is shared "within an office" is shared
    with these."""
    staff = _staff(user)
    if staff is None:
        return Q(pk__in=[])
    roles = next((group for group in INSTITUTIONS if staff.role in group), frozenset())
    return Q(
        **{
            f"{field}__role__in": sorted(roles),
            f"{field}__jurisdiction_id": staff.jurisdiction_id,
            f"{field}__is_active": True,
        }
    )
