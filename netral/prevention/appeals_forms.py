"""Input of the appeals pages. Forms carry input; services decide (the rules and their
messages live in ``appeals``). Field names are the services' argument names, so a refusal
naming a field lands beside it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from netral.elections.models import Election
from netral.prevention.appeals import MAX_FILE_BYTES, NAME_MAX, NOTE_MAX, NUMBER_MAX
from netral.prevention.models import Appeal, AppealFollowUp
from netral.regions.models import Region
from netral.rules.selectors import rulebook_get

FILE_TOO_LARGE = _("Berkas surat edaran paling besar 10 MB.")
FILE_NOT_PDF = _("Berkas surat edaran harus berupa PDF.")


def election_choices(office: Region | None) -> list[tuple[str, str]]:
    """The elections an office supervises: national ones, its own region's, those below it
    and, for a regency/city office, its province's governor election."""
    elections = Election.objects.all()
    if office is not None:
        near = Q(region__isnull=True) | Q(region=office) | Q(region__parent=office)
        if office.parent_id:
            near |= Q(region=office.parent_id)
        elections = elections.filter(near)
    return [(str(e.pk), e.name) for e in elections.order_by("region_id", "pk")]


def region_choices(office: Region | None) -> list[tuple[str, str]]:
    """The regional governments an office may address (``appeals.office_may_address``)."""
    regions = Region.objects.exclude(
        type__in=[Region.Type.KABUPATEN_ADMINISTRASI, Region.Type.KOTA_ADMINISTRASI]
    )
    if office is not None:
        regions = regions.filter(Q(code=office.code) | Q(parent=office.code))
    return [(r.code, f"{r.code} {r.name}") for r in regions.order_by("code")]


def template_choices() -> list[tuple[str, str]]:
    return [(t.code, t.title) for t in rulebook_get().appeals.templates]


class _Choices:
    """Set a ChoiceField's choices at run time (they depend on the office)."""

    def _choices(self, name: str, choices: list[tuple[str, str]]) -> None:
        field = self.fields[name]  # type: ignore[attr-defined]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices


class AppealFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua")), *Appeal.Status.choices]
    )
    silent = forms.BooleanField(label=_("Hanya yang masih ada daerah diam"), required=False)


class AppealNewForm(_Choices, forms.Form):
    election_id = forms.TypedChoiceField(label=_("Pemilihan"), coerce=int)
    template_code = forms.ChoiceField(
        label=_("Templat"), help_text=_("Satu templat per tahapan rawan, dari buku aturan.")
    )
    recipient_region_codes = forms.MultipleChoiceField(
        label=_("Pemerintah daerah yang dituju"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, office: Region | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("election_id", election_choices(office))
        self._choices("template_code", template_choices())
        self._choices("recipient_region_codes", region_choices(office))


class AppealEditForm(_Choices, forms.Form):
    subject = forms.CharField(label=_("Perihal"), max_length=300)
    body = forms.CharField(
        label=_("Isi imbauan"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 14})
    )
    legal_basis = forms.CharField(
        label=_("Dasar hukum"),
        help_text=_("Satu rujukan per baris."),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    recipient_region_codes = forms.MultipleChoiceField(
        label=_("Pemerintah daerah yang dituju"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, office: Region | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._choices("recipient_region_codes", region_choices(office))


class AcknowledgeForm(forms.Form):
    name = forms.CharField(label=_("Nama pejabat"), max_length=NAME_MAX)
    position = forms.CharField(
        label=_("Jabatan"),
        max_length=NAME_MAX,
        help_text=_("Misalnya Sekretaris Daerah atau Kepala BKPSDM."),
    )


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Jenis tindak lanjut"),
        choices=AppealFollowUp.Kind.choices,
        widget=forms.RadioSelect,
    )
    date = forms.DateField(label=_("Tanggal"), widget=forms.DateInput(attrs={"type": "date"}))
    number = forms.CharField(label=_("Nomor surat edaran"), max_length=NUMBER_MAX, required=False)
    asn_reached = forms.IntegerField(
        label=_("Jumlah ASN yang mengikuti sosialisasi"), min_value=1, required=False
    )
    note = forms.CharField(
        label=_("Keterangan"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    file = forms.FileField(
        label=_("Berkas surat edaran (PDF, paling besar 10 MB)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf"}),
    )

    def clean_file(self) -> bytes | None:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > MAX_FILE_BYTES:  # refused before it is read into memory
            raise forms.ValidationError(FILE_TOO_LARGE)
        data: bytes = upload.read()
        if not data.startswith(b"%PDF-"):
            raise forms.ValidationError(FILE_NOT_PDF)
        return data
