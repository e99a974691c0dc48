"""Saved views of the case inbox: save the filters in use under a name, rename or share one,
delete one. Plain POST forms from the inbox's filter panel (no JavaScript); each answers with
the inbox, the view's filters applied, and a message. The writes are
``netral.accounts.saved_views``'s; here the posted query is reduced to the inbox's own filters.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.accounts.saved_views import (
    saved_view_create,
    saved_view_delete,
    saved_view_query_normalise,
    saved_view_update,
)
from netral.cases.forms import InboxFilterForm
from netral.common.errors import ApplicationError, NotFound, PermissionDenied
from netral.common.web import domain_errors

LIST_NAME = "cases.inbox"
# What a saved inbox view may hold: the filter panel's fields and the sort order.
INBOX_KEYS = frozenset(InboxFilterForm.base_fields) | {"urut"}


def inbox_query(query: str) -> str:
    """``query`` reduced to the inbox's filters, normalised (keys sorted, no page)."""
    pairs = [(k, v) for k, v in parse_qsl(query[:4000], max_num_fields=50) if k in INBOX_KEYS]
    return saved_view_query_normalise(urlencode(pairs))


def _inbox(query: str) -> HttpResponse:
    url = reverse("cases:case_list")
    return redirect(f"{url}?{query}" if query else url)


@never_cache
@require_POST
@staff_required("case.view")
@domain_errors()
def saved_view_create_view(request: HttpRequest) -> HttpResponse:
    actor = request_staff(request)
    query = inbox_query(request.POST.get("query", ""))
    try:
        view = saved_view_create(
            actor=actor,
            list_name=LIST_NAME,
            name=request.POST.get("name", ""),
            query=query,
            shared=bool(request.POST.get("shared")),
        )
    except (NotFound, PermissionDenied):
        raise
    except ApplicationError as refused:
        messages.error(request, refused.message)
        return _inbox(query)
    messages.success(request, _("Tampilan '%(name)s' tersimpan.") % {"name": view.name})
    return _inbox(view.query)


@never_cache
@require_POST
@staff_required("case.view")
@domain_errors()
def saved_view_update_view(request: HttpRequest, view_id: int) -> HttpResponse:
    actor = request_staff(request)
    back = inbox_query(request.POST.get("query", ""))
    try:
        view = saved_view_update(
            actor=actor,
            view_id=view_id,
            name=request.POST.get("name", ""),
            shared=bool(request.POST.get("shared")),
        )
    except (NotFound, PermissionDenied):
        raise
    except ApplicationError as refused:
        messages.error(request, refused.message)
        return _inbox(back)
    messages.success(request, _("Tampilan '%(name)s' diperbarui.") % {"name": view.name})
    return _inbox(back)


@never_cache
@require_POST
@staff_required("case.view")
@domain_errors()
def saved_view_delete_view(request: HttpRequest, view_id: int) -> HttpResponse:
    actor = request_staff(request)
    saved_view_delete(actor=actor, view_id=view_id)
    messages.success(request, _("Tampilan dihapus."))
    return _inbox(inbox_query(request.POST.get("query", "")))
