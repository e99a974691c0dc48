"""Input of the follow-up desks. Forms carry input; services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.followup import criminal
from netral.followup.models import Addressee, RecStatus
from netral.rules.selectors import sanction_list

MAX_DECREE_BYTES = 10 * 1024 * 1024
DECREE_TOO_LARGE = _("Berkas keputusan paling besar 10 MB.")
DECREE_NOT_PDF = _("Berkas keputusan harus berupa PDF.")


def _sanction_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [(s.code, s.name) for s in sanction_list()]


def _option_choices() -> list[tuple[str, str]]:
    return [("", "—")] + [
        (o.code, f"{s.name}: {o.name}") for s in sanction_list() for o in s.options
    ]


class DeskFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Semua")), *list(RecStatus.choices)]
    )
    addressee = forms.ChoiceField(
        label=_("Tujuan"), required=False, choices=[("", _("Semua")), *list(Addressee.choices)]
    )
    overdue = forms.BooleanField(label=_("Hanya yang melewati tenggat"), required=False)


class AssessForm(forms.Form):
    assessment = forms.CharField(
        label=_("Hasil penilaian BKN"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 4})
    )
    sanction = forms.ChoiceField(label=_("Sanksi yang direkomendasikan"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["sanction"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = _sanction_choices()


class SanctionForm(forms.Form):
    imposed = forms.TypedChoiceField(
        label=_("Keputusan PPK"),
        choices=[("yes", _("Sanksi dijatuhkan")), ("no", _("Sanksi tidak dijatuhkan"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    decree_number = forms.CharField(label=_("Nomor keputusan"), max_length=100, required=False)
    decree_date = forms.DateField(
        label=_("Tanggal keputusan"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    sanction = forms.ChoiceField(label=_("Jenis sanksi"), required=False)
    option = forms.ChoiceField(label=_("Bentuk sanksi"), required=False)
    reason = forms.CharField(
        label=_("Alasan bila tidak dijatuhkan"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decree_file = forms.FileField(label=_("Berkas keputusan (PDF, opsional)"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, choices in (("sanction", _sanction_choices()), ("option", _option_choices())):
            field = self.fields[name]
            assert isinstance(field, forms.ChoiceField)
            field.choices = choices

    def clean_decree_file(self) -> bytes | None:
        upload = self.cleaned_data.get("decree_file")
        if not upload:
            return None
        if upload.size > MAX_DECREE_BYTES:
            raise forms.ValidationError(DECREE_TOO_LARGE)
        data: bytes = upload.read()
        if not data.startswith(b"%PDF-"):
            raise forms.ValidationError(DECREE_NOT_PDF)
        return data


class AdvanceForm(forms.Form):
    stage = forms.ChoiceField(label=_("Tahap berikutnya"))
    note = forms.CharField(
        label=_("Catatan"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: Any, current: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["stage"]
        assert isinstance(field, forms.ChoiceField)
        codes = criminal.next_stages(current) if current in criminal.STAGES else ()
        field.choices = [(code, criminal.stage_label(code)) for code in codes]


class ConcludeForm(forms.Form):
    outcome = forms.CharField(
        label=_("Hasil akhir (dihentikan, putusan berkekuatan hukum tetap, dst.)"),
        max_length=5_000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RespondForm(forms.Form):
    response = forms.CharField(
        label=_("Tanggapan instansi tujuan"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class MeasureForm(forms.Form):
    measure = forms.CharField(
        label=_("Tindakan BKN terhadap PPK"),
        max_length=5_000,
        help_text=_("Misalnya pemblokiran data kepegawaian ASN yang bersangkutan."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
