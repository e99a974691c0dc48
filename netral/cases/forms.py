"""Input for the staff case pages: the inbox filter and one small form per workflow action.

Forms only carry and clean input; the services decide whether the action is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.cases.models import Case, Clarification, NotRegisteredReason, Status, Verdict
from netral.rules.selectors import requirement_list, violation_type_list

TEXTAREA = {"rows": 3, "class": "input"}


def _formal_choices() -> list[tuple[str, str]]:
    return [(r.code, r.name) for r in requirement_list(kind="formal")]


class InboxFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False)
    violation_type = forms.ChoiceField(label=_("Jenis pelanggaran"), required=False)
    q = forms.CharField(
        label=_("Cari"),
        help_text=_("Nomor registrasi, nama terlapor, instansi atau kronologi."),
        required=False,
        max_length=200,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("Semua"))]
        self.fields["status"].choices = everything + list(Status.choices)  # type: ignore[attr-defined]
        self.fields["violation_type"].choices = everything + [  # type: ignore[attr-defined]
            (t.code, t.name) for t in violation_type_list()
        ]


class RegisterForm(forms.Form):
    """One checkbox per formal requirement of the rulebook; all must be ticked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, name in _formal_choices():
            self.fields[f"formal_{code}"] = forms.BooleanField(label=name, required=False)

    def formal(self) -> dict[str, bool]:
        return {
            name.removeprefix("formal_"): bool(value)
            for name, value in self.cleaned_data.items()
            if name.startswith("formal_")
        }


class NotRegisterForm(forms.Form):
    reason = forms.ChoiceField(label=_("Alasan"), choices=NotRegisteredReason.choices)
    note = forms.CharField(
        label=_("Catatan"), required=False, max_length=5_000, widget=forms.Textarea(TEXTAREA)
    )


class RequestCompletionForm(forms.Form):
    missing = forms.MultipleChoiceField(
        label=_("Syarat yang belum lengkap"), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["missing"].choices = _formal_choices()  # type: ignore[attr-defined]


class EmptyForm(forms.Form):
    """Actions that need nothing but the button (and the CSRF token)."""


class RecordStudyForm(forms.Form):
    facts = forms.CharField(label=_("Fakta"), max_length=20_000, widget=forms.Textarea(TEXTAREA))
    analysis = forms.CharField(
        label=_("Analisis"), max_length=20_000, widget=forms.Textarea(TEXTAREA)
    )
    conclusion = forms.CharField(
        label=_("Kesimpulan"), max_length=20_000, widget=forms.Textarea(TEXTAREA)
    )


class DecideForm(forms.Form):
    verdicts = forms.MultipleChoiceField(
        label=_("Putusan pleno"), choices=Verdict.choices, widget=forms.CheckboxSelectMultiple
    )
    reason = forms.CharField(
        label=_("Pertimbangan"), max_length=20_000, widget=forms.Textarea(TEXTAREA)
    )


class AnnounceForm(forms.Form):
    summary = forms.CharField(
        label=_("Ringkasan status untuk publik"),
        help_text=_("Jangan memuat nama pelapor, saksi, atau data pribadi lain."),
        max_length=5_000,
        widget=forms.Textarea(TEXTAREA),
    )


class ExtendForm(forms.Form):
    reason = forms.CharField(
        label=_("Alasan perpanjangan"), max_length=5_000, widget=forms.Textarea(TEXTAREA)
    )


class MergeForm(forms.Form):
    into_id = forms.IntegerField(label=_("Nomor kasus tujuan (ID)"), min_value=1)


class HandoverForm(forms.Form):
    to_region_code = forms.CharField(
        label=_("Kode wilayah kantor tujuan"),
        help_text=_("Kode Kemendagri, misalnya 32 untuk provinsi atau 32.75 untuk kota."),
        max_length=13,
    )
    reason = forms.CharField(
        label=_("Alasan pelimpahan"), max_length=5_000, widget=forms.Textarea(TEXTAREA)
    )


class ClarificationInviteForm(forms.Form):
    invitee_role = forms.ChoiceField(
        label=_("Pihak yang diundang"), choices=Clarification.InviteeRole.choices
    )
    invitee_label = forms.CharField(
        label=_("Sebutan"),
        help_text=_("Misalnya 'Terlapor' atau inisial saksi. Jangan tulis identitas pelapor."),
        max_length=100,
    )
    scheduled_at = forms.DateTimeField(
        label=_("Jadwal"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    place = forms.CharField(label=_("Tempat"), max_length=200)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ClarificationMinutesForm(forms.Form):
    """The minutes of one of the case's invitations."""

    clarification = forms.TypedChoiceField(label=_("Undangan"), coerce=int)
    attended = forms.BooleanField(label=_("Pihak yang diundang hadir"), required=False)
    minutes = forms.CharField(
        label=_("Berita acara"), required=False, max_length=50_000, widget=forms.Textarea(TEXTAREA)
    )
    attachments = MultipleFileField(label=_("Lampiran"), required=False)

    def __init__(self, *args: Any, case: Case | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        invitations = case.clarifications.order_by("scheduled_at", "pk") if case else []
        self.fields["clarification"].choices = [  # type: ignore[attr-defined]
            (c.pk, str(c)) for c in invitations
        ]
