"""Input for the staff case pages: the inbox filter and one small form per workflow action.

Forms only carry and clean input; the services decide whether the action is allowed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from netral.cases.models import Case, Clarification, NotRegisteredReason, Status, Verdict
from netral.elections.models import Election, Stage
from netral.rules.labels import rule_name
from netral.rules.selectors import requirement_list, violation_type_list

TEXTAREA = {"rows": 3, "class": "input"}
REQUIREMENT_KINDS = (("formal", _("Syarat formal")), ("material", _("Syarat materiel")))


def _optional_id(value: str) -> int | None:
    return int(value) if value else None


class InboxFilterForm(forms.Form):
    """The inbox filters (a GET form). ``elections`` and ``stages`` are the choices offered:
    the elections with cases in the jurisdiction and the stages of every cycle."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    violation_type = forms.ChoiceField(label=_("Jenis pelanggaran"), required=False)
    election = forms.TypedChoiceField(
        label=_("Pemilihan"),
        help_text=_("Hanya pemilihan yang memiliki kasus di wilayah kerja Anda."),
        required=False,
        coerce=int,
        empty_value=None,
    )
    stage = forms.TypedChoiceField(
        label=_("Tahapan saat kejadian"),
        help_text=_("Menurut tanggal kejadian pada laporan pertama."),
        required=False,
        coerce=int,
        empty_value=None,
    )
    agency = forms.CharField(
        label=_("Instansi terlapor"),
        help_text=_("Sebagian nama pun cukup, misalnya 'Dinas Pendidikan'."),
        required=False,
        max_length=200,
    )
    q = forms.CharField(
        label=_("Cari"),
        help_text=_(
            "Nomor registrasi, nama terlapor, NIP, instansi, kronologi atau pesan pelapor; "
            "setiap kata dicari sebagai awal kata."
        ),
        required=False,
        max_length=200,
    )

    def __init__(
        self,
        *args: Any,
        elections: Iterable[Election] = (),
        stages: Iterable[Stage] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        everything = [("", _("Semua"))]
        self.fields["status"].choices = everything + list(Status.choices)  # type: ignore[attr-defined]
        self.fields["violation_type"].choices = everything + [  # type: ignore[attr-defined]
            (t.code, rule_name(t)) for t in violation_type_list()
        ]
        self.fields["election"].choices = everything + _grouped(  # type: ignore[attr-defined]
            (rule_name(e.cycle), e.pk, e.name) for e in elections
        )
        self.fields["stage"].choices = everything + _grouped(  # type: ignore[attr-defined]
            (rule_name(s.cycle), s.pk, rule_name(s)) for s in stages
        )


def _grouped(rows: Iterable[tuple[str, int, str]]) -> list[Any]:
    """Choices grouped by their first item (an election cycle), in the order given."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for group, value, label in rows:
        groups.setdefault(group, []).append((value, label))
    return list(groups.items())


@dataclass(frozen=True)
class Fieldset:
    legend: Any
    fields: list[forms.BoundField]


class RegisterForm(forms.Form):
    """The rulebook's checklist: one checkbox per formal and per material requirement. The
    service refuses registration unless every one is ticked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for requirement in requirement_list():
            self.fields[f"{requirement.kind}_{requirement.code}"] = forms.BooleanField(
                label=rule_name(requirement), help_text=requirement.legal_basis, required=False
            )

    def fieldsets(self) -> list[Fieldset]:
        return [
            Fieldset(legend, [self[name] for name in self.fields if name.startswith(f"{kind}_")])
            for kind, legend in REQUIREMENT_KINDS
        ]

    def _ticked(self, kind: str) -> dict[str, bool]:
        return {
            name.removeprefix(f"{kind}_"): bool(value)
            for name, value in self.cleaned_data.items()
            if name.startswith(f"{kind}_")
        }

    def formal(self) -> dict[str, bool]:
        return self._ticked("formal")

    def material(self) -> dict[str, bool]:
        return self._ticked("material")


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
        self.fields["missing"].choices = [  # type: ignore[attr-defined]
            (legend, [(r.code, rule_name(r)) for r in requirement_list(kind=kind)])
            for kind, legend in REQUIREMENT_KINDS
        ]


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
    """Pick the case to merge into from ``candidates`` (``case_merge_candidates``): a choice
    outside them (itself, another office or election, a closed or merged case) is refused."""

    into_id = forms.TypedChoiceField(
        label=_("Kasus tujuan"), coerce=int, widget=forms.RadioSelect, choices=()
    )

    def __init__(self, *args: Any, candidates: Iterable[Case] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(case.pk, _candidate_label(case)) for case in candidates]
        field = self.fields["into_id"]
        field.choices = choices  # type: ignore[attr-defined]
        field.help_text = (
            _("Kasus di kantor dan pemilihan yang sama; yang terlapornya sama lebih dulu.")
            if choices
            else _("Tidak ada kasus lain di kantor dan pemilihan yang sama yang dapat digabung.")
        )


def _candidate_label(case: Case) -> str:
    number = case.register_number or _("belum diregistrasi (#%(pk)d)") % {"pk": case.pk}
    parts = [
        str(number),
        getattr(case, "first_reported_name", None) or "—",
        getattr(case, "first_agency", None) or "—",
        str(case.get_status_display()),
        _("diterima %(date)s")
        % {"date": date_format(timezone.localtime(case.received_at), "j M Y")},
    ]
    label = " · ".join(parts)
    if getattr(case, "similar", False):
        label = f"{label} · {_('terlapor sama')}"
    return label


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
