"""Saved views: the owner's, shared within an office (same institution and jurisdiction),
changed only by the owner, bounded, audited."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.accounts.models import Role, SavedView, User
from netral.accounts.saved_views import (
    saved_view_create,
    saved_view_delete,
    saved_view_list,
    saved_view_update,
)
from netral.audit.models import AuditEntry
from netral.common.errors import ApplicationError, Conflict, NotFound, PermissionDenied

MakeUser = Callable[..., User]
INBOX = "cases.inbox"


def names(actor: User) -> list[str]:
    return [v.name for v in saved_view_list(actor=actor, list_name=INBOX)]


@pytest.mark.django_db
def test_shared_within_the_office_only(make_user: MakeUser, regions: None) -> None:
    owner = make_user(Role.BAWASLU_STAFF, "32.75")
    saved_view_create(
        actor=owner, list_name=INBOX, name="Kabur tenggat", query="status=study", shared=True
    )
    saved_view_create(actor=owner, list_name=INBOX, name="Pribadi", query="q=dinas")
    assert names(owner) == ["Kabur tenggat", "Pribadi"]
    # The same office: Bawaslu staff and leadership of Kota Bekasi.
    assert names(make_user(Role.BAWASLU_LEADER, "32.75")) == ["Kabur tenggat"]
    assert names(make_user(Role.BAWASLU_STAFF, "32.75")) == ["Kabur tenggat"]
    # Other offices: another city, the province above, national, another institution.
    for role, region in (
        (Role.BAWASLU_STAFF, "32.73"),
        (Role.BAWASLU_LEADER, "32"),
        (Role.BAWASLU_LEADER, None),
        (Role.PPK_OFFICE, "32.75"),
    ):
        assert names(make_user(role, region)) == [], (role, region)
    # Another list's views are not this list's.
    assert saved_view_list(actor=owner, list_name="followup.desk").count() == 0


@pytest.mark.django_db
def test_national_offices_share_among_themselves(make_user: MakeUser) -> None:
    owner = make_user(Role.BAWASLU_LEADER)
    saved_view_create(actor=owner, list_name=INBOX, name="RI", query="", shared=True)
    assert names(make_user(Role.BAWASLU_STAFF)) == ["RI"]
    assert names(make_user(Role.BKN_OFFICER)) == []


@pytest.mark.django_db
def test_only_the_owner_renames_shares_or_deletes(make_user: MakeUser, regions: None) -> None:
    owner = make_user(Role.BAWASLU_STAFF, "32.75")
    colleague = make_user(Role.BAWASLU_LEADER, "32.75")
    outsider = make_user(Role.BAWASLU_STAFF, "11.71")
    view = saved_view_create(actor=owner, list_name=INBOX, name="A", query="q=x", shared=True)
    with pytest.raises(PermissionDenied):
        saved_view_update(actor=colleague, view_id=view.pk, name="B", shared=True)
    with pytest.raises(PermissionDenied):
        saved_view_delete(actor=colleague, view_id=view.pk)
    with pytest.raises(NotFound):
        saved_view_update(actor=outsider, view_id=view.pk, name="B", shared=True)
    with pytest.raises(NotFound):
        saved_view_delete(actor=outsider, view_id=view.pk)

    saved_view_update(actor=owner, view_id=view.pk, name="  Baru   dinamai ", shared=False)
    view.refresh_from_db()
    assert (view.name, view.shared) == ("Baru dinamai", False)
    assert names(colleague) == []
    with pytest.raises(NotFound):  # no longer shared: not even visible
        saved_view_delete(actor=colleague, view_id=view.pk)
    saved_view_delete(actor=owner, view_id=view.pk)
    assert not SavedView.objects.exists()
    actions = list(
        AuditEntry.objects.filter(object_type="accounts.savedview")
        .order_by("seq")
        .values_list("action", flat=True)
    )
    assert actions == ["saved_view.create", "saved_view.update", "saved_view.delete"]


@pytest.mark.django_db
def test_names_and_queries_are_bounded(make_user: MakeUser) -> None:
    owner = make_user(Role.BAWASLU_STAFF)
    view = saved_view_create(
        actor=owner, list_name=INBOX, name="Satu", query="status=study&page=4&q=&agency=Dinas"
    )
    assert view.query == "agency=Dinas&status=study"  # sorted, no page, no empty filter
    with pytest.raises(Conflict):
        saved_view_create(actor=owner, list_name=INBOX, name="satu", query="")
    for name in ("", "   ", "x" * 81):
        with pytest.raises(ApplicationError):
            saved_view_create(actor=owner, list_name=INBOX, name=name, query="")
    with pytest.raises(ApplicationError):
        saved_view_create(actor=owner, list_name=INBOX, name="Panjang", query="q=" + "a" * 2000)
    other = saved_view_create(actor=owner, list_name=INBOX, name="Dua", query="")
    with pytest.raises(Conflict):
        saved_view_update(actor=owner, view_id=other.pk, name="SATU", shared=False)
    # Nothing changed, nothing written.
    before = AuditEntry.objects.count()
    saved_view_update(actor=owner, view_id=other.pk, name="Dua", shared=False)
    assert AuditEntry.objects.count() == before
