"""The staff form for recording a collective pledge event (choices scoped to the actor)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _lazy

from netral.accounts.models import User
from netral.common.text import NameField
from netral.elections.models import Election
from netral.prevention.pledge_events import AGENCY_MAX, ASN_COUNT_MAX, PLACE_MAX
from netral.prevention.pledge_events_selectors import pledge_event_regions
from netral.reports.subjects import AgencyType


class PledgeEventForm(forms.Form):
    region = forms.ChoiceField(label=_lazy("Pemerintah daerah penyelenggara"))
    election = forms.ChoiceField(label=_lazy("Pemilihan"))
    held_on = forms.DateField(
        label=_lazy("Tanggal"), widget=forms.DateInput(attrs={"type": "date"})
    )
    agency = NameField(
        label=_lazy("Instansi"),
        max_length=AGENCY_MAX,
        help_text=_lazy("Misalnya: Dinas Pendidikan Kota Bekasi."),
    )
    agency_type = forms.ChoiceField(label=_lazy("Jenis instansi"), choices=AgencyType.choices)
    asn_count = forms.IntegerField(
        label=_lazy("Jumlah ASN yang berikrar"), min_value=1, max_value=ASN_COUNT_MAX
    )
    place = NameField(label=_lazy("Tempat"), max_length=PLACE_MAX)
    photo = forms.FileField(
        label=_lazy("Foto (opsional)"),
        required=False,
        help_text=_lazy(
            "JPEG, PNG, WebP, GIF atau HEIC, paling besar 20 MB. Data lokasi (GPS) dan metadata "
            "lain dihapus dari salinan yang dibuka staf; berkas asli disimpan tersegel."
        ),
    )

    def __init__(self, *args: Any, actor: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        regions = list(pledge_event_regions(actor=actor).order_by("code"))
        region_field = self.fields["region"]
        assert isinstance(region_field, forms.ChoiceField)
        region_field.choices = [(r.code, f"{r.name} ({r.code})") for r in regions]
        if len(regions) != 1:
            region_field.choices = [("", "—"), *region_field.choices]
        elections = Election.objects.select_related("cycle").order_by(
            "-cycle__voting_date", "region_id", "office"
        )
        if actor.jurisdiction_id is not None:
            codes = {r.code for r in regions} | {r.parent_id for r in regions if r.parent_id}
            elections = elections.filter(Q(region_id__in=codes) | Q(region__isnull=True))
        election_field = self.fields["election"]
        assert isinstance(election_field, forms.ChoiceField)
        election_field.choices = [("", "—")] + [(str(e.pk), e.name) for e in elections]
