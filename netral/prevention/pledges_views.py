"""The public pledge page (``/ikrar/``): a form without JavaScript, post/redirect/get to a
thank-you page with the certificate number and its download.

The certificate carries the pledger's name, so it is downloadable only in the session that
pledged (its id is kept there), never by number: numbers are sequential and public. A second
pledge for the same NIP and election shows the first pledge's number; its certificate is
handed over only when the name typed matches the one pledged.
"""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from netral.common.errors import ApplicationError
from netral.common.ratelimit import RateLimited
from netral.common.text import NameField, clean_name
from netral.documents.services import document_pdf, document_verify_url
from netral.elections.models import Election
from netral.prevention.models import Pledge
from netral.prevention.pledges import AGENCY_MAX, NAME_MAX, pledge_submit
from netral.prevention.pledges_throttles import refusal_message, throttle_pledge
from netral.regions.models import Region

GRANTED_KEY = "netral.pledges"
LAST_KEY = "netral.pledge.last"
MAX_GRANTED = 20


class PledgeForm(forms.Form):
    nip = forms.CharField(
        label=_lazy("NIP"),
        max_length=40,
        help_text=_lazy("18 angka, tanpa spasi atau titik."),
    )
    name = NameField(label=_lazy("Nama lengkap"), max_length=NAME_MAX)
    agency = NameField(
        label=_lazy("Instansi"),
        max_length=AGENCY_MAX,
        help_text=_lazy("Misalnya: Dinas Pendidikan Kota Bekasi."),
    )
    region = forms.ChoiceField(label=_lazy("Wilayah tempat bertugas"))
    election = forms.ChoiceField(label=_lazy("Pemilihan"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        provinces = {r.code: r.name for r in Region.objects.filter(level=Region.Level.PROVINCE)}
        groups: dict[str, list[tuple[str, str]]] = {}
        for region in Region.objects.order_by("code"):
            province = region.parent_id or region.code
            groups.setdefault(provinces.get(province, province), []).append(
                (region.code, region.name)
            )
        region_field = self.fields["region"]
        assert isinstance(region_field, forms.ChoiceField)
        region_field.choices = [("", "—"), *sorted(groups.items())]
        elections = Election.objects.select_related("cycle").order_by(
            "-cycle__voting_date", "region_id", "office"
        )
        election_field = self.fields["election"]
        assert isinstance(election_field, forms.ChoiceField)
        election_field.choices = [("", "—")] + [(str(e.pk), e.name) for e in elections]


def _grant(request: HttpRequest, pledge: Pledge) -> None:
    granted = [g for g in request.session.get(GRANTED_KEY, []) if g != str(pledge.public_id)]
    request.session[GRANTED_KEY] = [*granted, str(pledge.public_id)][-MAX_GRANTED:]


@never_cache
@require_http_methods(["GET", "POST"])
def pledge_form(request: HttpRequest) -> HttpResponse:
    form = PledgeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            throttle_pledge(request)
        except RateLimited as limited:
            context = {"form": form, "error": refusal_message(limited)}
            return render(request, "prevention/pledge_form.html", context, status=429)
        data = form.cleaned_data
        try:
            result = pledge_submit(
                nip=data["nip"],
                name=data["name"],
                agency=data["agency"],
                region=data["region"],
                election=data["election"],
            )
        except ApplicationError as refused:
            form.add_error(refused.field if refused.field in form.fields else None, refused.message)
        else:
            pledge = result.pledge
            same_person = clean_name(pledge.name).casefold() == data["name"].casefold()
            if result.created or same_person:
                _grant(request, pledge)
            request.session[LAST_KEY] = {
                "id": str(pledge.public_id),
                "number": pledge.number,
                "repeat": not result.created,
            }
            return HttpResponseRedirect(reverse("pledges:thanks"))
    status = 400 if request.method == "POST" else 200
    return render(request, "prevention/pledge_form.html", {"form": form}, status=status)


@never_cache
@require_GET
def pledge_thanks(request: HttpRequest) -> HttpResponse:
    last = request.session.get(LAST_KEY)
    if not isinstance(last, dict):
        return HttpResponseRedirect(reverse("pledges:form"))
    context = {
        "number": last.get("number", ""),
        "repeat": bool(last.get("repeat")),
        "verify_url": document_verify_url(number=last.get("number", "")),
        "download": last.get("id") in request.session.get(GRANTED_KEY, []),
        "pledge_id": last.get("id"),
    }
    return render(request, "prevention/pledge_thanks.html", context)


@never_cache
@require_GET
def pledge_certificate(request: HttpRequest, pledge_id: uuid.UUID) -> HttpResponse:
    """The certificate PDF, for the session that pledged only."""
    if str(pledge_id) not in request.session.get(GRANTED_KEY, []):
        raise Http404
    pledge = Pledge.objects.select_related("document").filter(public_id=pledge_id).first()
    if pledge is None or pledge.document is None:
        raise Http404
    try:
        data = document_pdf(document=pledge.document)
    except ApplicationError as refused:  # its PDF is still being prepared
        context = {
            "number": pledge.number,
            "error": refused.message,
            "download": True,
            "pledge_id": str(pledge_id),
            "verify_url": document_verify_url(number=pledge.number),
        }
        return render(request, "prevention/pledge_thanks.html", context, status=503)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="sertifikat-ikrar-netralitas.pdf"'
    return response
