"""Staff pages of the person record: search by NIP or name, the person's history, and the
actions on it (confirm or reject a proposed match, split a report off, merge two records).

Thin: forms carry input, services and selectors decide. A person the actor may not see is
the 404 page, an action the role may not take the 403 page (``netral.common.web``); other
domain errors go back to the person page with the message. Every page is ``no-store``.
"""

from __future__ import annotations

import uuid

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netral.accounts.decorators import request_staff, staff_required
from netral.common.web import back_to, domain_errors
from netral.triage import persons
from netral.triage.persons_selectors import person_history_for, person_search

CONFIRMED = gettext_noop("Laporan dikonfirmasi sebagai orang ini.")
REJECTED = gettext_noop("Usulan ditolak; laporan menjadi orang tersendiri.")
SPLIT = gettext_noop("Laporan dipisahkan dari orang ini.")
MERGED = gettext_noop("Kedua catatan digabung.")

PERSON_PAGE = back_to("triage_persons:person_detail", "public_id")


class SearchForm(forms.Form):
    q = forms.CharField(
        label=gettext_lazy("NIP atau nama"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"class": "input", "type": "search"}),
    )


class LinkForm(forms.Form):
    link = forms.IntegerField(min_value=1, max_value=2**63 - 1)


class SplitForm(LinkForm):
    to_person = forms.UUIDField(required=False)


class MergeForm(forms.Form):
    into = forms.UUIDField(label=gettext_lazy("Gabungkan ke orang (ID)"))


@never_cache
@require_GET
@staff_required("person.view")
def person_list(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    rows = person_search(actor=request_staff(request), q=q) if q.strip() else []
    return render(request, "triage/persons/person_list.html", {"form": form, "rows": rows, "q": q})


@never_cache
@require_GET
@staff_required("person.view")
@domain_errors()
def person_detail(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    history = person_history_for(actor=request_staff(request), public_id=str(public_id))
    return render(
        request,
        "triage/persons/person_detail.html",
        {"history": history, "person": history.person, "merge_form": MergeForm()},
    )


BAD_FORM = gettext_noop("Formulir tidak lengkap atau tidak valid.")


def _bad_form() -> HttpResponse:
    return HttpResponse(_(BAD_FORM), status=400, content_type="text/plain; charset=utf-8")


def _done(request: HttpRequest, message: str, public_id: uuid.UUID | str) -> HttpResponse:
    messages.success(request, _(message))
    return redirect("triage_persons:person_detail", public_id=public_id)


@require_POST
@staff_required("person.manage")
@domain_errors(back=PERSON_PAGE)
def link_confirm(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    form = LinkForm(request.POST)
    if not form.is_valid():
        return _bad_form()
    persons.person_link_confirm(actor=request_staff(request), link_id=form.cleaned_data["link"])
    return _done(request, CONFIRMED, public_id)


@require_POST
@staff_required("person.manage")
@domain_errors(back=PERSON_PAGE)
def link_reject(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    form = LinkForm(request.POST)
    if not form.is_valid():
        return _bad_form()
    moved = persons.person_link_reject(
        actor=request_staff(request), link_id=form.cleaned_data["link"]
    )
    return _done(request, REJECTED, moved.person.public_id)


@require_POST
@staff_required("person.manage")
@domain_errors(back=PERSON_PAGE)
def split(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    form = SplitForm(request.POST)
    if not form.is_valid():
        return _bad_form()
    target = form.cleaned_data.get("to_person")
    moved = persons.person_split(
        actor=request_staff(request),
        person_id=str(public_id),
        link_id=form.cleaned_data["link"],
        to_person_id=str(target) if target else None,
    )
    return _done(request, SPLIT, moved.person.public_id)


@require_POST
@staff_required("person.manage")
@domain_errors(back=PERSON_PAGE)
def merge(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    form = MergeForm(request.POST)
    if not form.is_valid():
        return _bad_form()
    target = persons.person_merge(
        actor=request_staff(request),
        person_id=str(public_id),
        into_id=str(form.cleaned_data["into"]),
    )
    return _done(request, MERGED, target.public_id)
