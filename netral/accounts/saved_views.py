"""Saved views: writes (create, update, delete; each audited) and reads.

A view belongs to its owner; shared, the staff of the owner's office see and apply it too
(``office_peers_q``: same institution, same jurisdiction), but only the owner renames,
re-shares or deletes it. A view someone may not see is "not found" to them, like a missing
one. Which filters a list takes is the listing app's business: it hands over a query string
already reduced to its own filter names (``netral.cases.saved_view_views``); here it is only
bounded and normalised.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_noop

from netral.accounts.models import SavedView, User
from netral.accounts.permissions import office_peers_q, require
from netral.audit.services import audit_record, audited
from netral.common.errors import ApplicationError, Conflict, NotFound, PermissionDenied

VIEW_NOT_FOUND = gettext_noop("Tampilan tersimpan tidak ditemukan.")
NAME_REQUIRED = gettext_noop("Beri nama tampilan ini.")
NAME_TOO_LONG = gettext_noop("Nama tampilan paling panjang {max} karakter.")
NAME_TAKEN = gettext_noop("Anda sudah punya tampilan bernama '{name}'.")
QUERY_TOO_LONG = gettext_noop("Filter tampilan ini terlalu panjang untuk disimpan.")
TOO_MANY = gettext_noop("Paling banyak {max} tampilan tersimpan per daftar; hapus yang lama.")
ONLY_OWNER = gettext_noop("Hanya pembuat tampilan ini yang dapat mengubah atau menghapusnya.")

MAX_NAME = 80
MAX_QUERY = 1000
MAX_VIEWS_PER_LIST = 50


def saved_view_query_normalise(query: str) -> str:
    """Keys sorted, empty values and ``page`` dropped: the same filters give the same text
    (how the list recognises the view in use)."""
    pairs = [
        (k, v)
        for k, v in parse_qsl(query[: MAX_QUERY * 2], keep_blank_values=False, max_num_fields=50)
        if k != "page" and v.strip()
    ]
    return urlencode(sorted(pairs))


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ApplicationError(NAME_REQUIRED, field="name")
    if len(name) > MAX_NAME:
        raise ApplicationError(NAME_TOO_LONG, field="name", params={"max": MAX_NAME})
    return name


def _name_taken(owner: User, list_name: str, name: str, exclude: int | None = None) -> bool:
    same = SavedView.objects.filter(owner=owner, list_name=list_name, name__iexact=name)
    return same.exclude(pk=exclude).exists() if exclude else same.exists()


def saved_view_list(*, actor: User, list_name: str) -> QuerySet[SavedView]:
    """The actor's own views of ``list_name`` and those shared in their office, by name.
    Each row's ``owner`` is selected (to say who shared it)."""
    require(actor, "workspace.view")
    visible = Q(owner=actor) | (Q(shared=True) & office_peers_q(actor, field="owner"))
    return (
        SavedView.objects.filter(visible, list_name=list_name)
        .select_related("owner")
        .order_by("name", "pk")
    )


def _visible_for_update(actor: User, view_id: int) -> SavedView:
    """The view, row locked, if the actor may see it (else ``NotFound``); only its owner may
    change it (else ``PermissionDenied``)."""
    require(actor, "workspace.view")
    visible = Q(owner=actor) | (Q(shared=True) & office_peers_q(actor, field="owner"))
    view = SavedView.objects.select_for_update(of=("self",)).filter(visible, pk=view_id).first()
    if view is None:
        raise NotFound(VIEW_NOT_FOUND)
    if view.owner_id != actor.pk:
        raise PermissionDenied(ONLY_OWNER)
    return view


@audited
def saved_view_create(
    *, actor: User, list_name: str, name: str, query: str, shared: bool = False
) -> SavedView:
    """Save the filters ``query`` of list ``list_name`` under ``name`` for the actor."""
    require(actor, "workspace.view")
    # The owner's row: two saves at once cannot both pass the count and name checks.
    User.objects.select_for_update(of=("self",)).filter(pk=actor.pk).first()
    name = _clean_name(name)
    if len(query) > MAX_QUERY:
        raise ApplicationError(QUERY_TOO_LONG)
    query = saved_view_query_normalise(query)
    if len(query) > MAX_QUERY:
        raise ApplicationError(QUERY_TOO_LONG)
    if SavedView.objects.filter(owner=actor, list_name=list_name).count() >= MAX_VIEWS_PER_LIST:
        raise ApplicationError(TOO_MANY, params={"max": MAX_VIEWS_PER_LIST})
    if _name_taken(actor, list_name, name):
        raise Conflict(NAME_TAKEN, field="name", params={"name": name})
    now = timezone.now()
    view = SavedView.objects.create(
        owner=actor,
        list_name=list_name,
        name=name,
        query=query,
        shared=shared,
        created_at=now,
        updated_at=now,
    )
    audit_record(
        actor=actor,
        action="saved_view.create",
        obj=view,
        after={"name": name, "list": list_name, "query": query, "shared": shared},
    )
    return view


@audited
def saved_view_update(*, actor: User, view_id: int, name: str, shared: bool) -> SavedView:
    """Rename the actor's view and/or share it with the office (or stop sharing)."""
    view = _visible_for_update(actor, view_id)
    name = _clean_name(name)
    if (view.name, view.shared) == (name, shared):
        return view
    if name.casefold() != view.name.casefold() and _name_taken(
        actor, view.list_name, name, exclude=view.pk
    ):
        raise Conflict(NAME_TAKEN, field="name", params={"name": name})
    before = {"name": view.name, "shared": view.shared}
    view.name, view.shared, view.updated_at = name, shared, timezone.now()
    view.save(update_fields=["name", "shared", "updated_at"])
    audit_record(
        actor=actor,
        action="saved_view.update",
        obj=view,
        before=before,
        after={"name": name, "shared": shared},
    )
    return view


@audited
def saved_view_delete(*, actor: User, view_id: int) -> None:
    view = _visible_for_update(actor, view_id)
    audit_record(
        actor=actor,
        action="saved_view.delete",
        obj=view,
        before={"name": view.name, "list": view.list_name, "query": view.query},
    )
    view.delete()
