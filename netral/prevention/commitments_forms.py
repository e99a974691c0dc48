"""Input of the pacts, meetings, commitments and activities pages. Forms carry input (choices
limited to the viewer's jurisdiction); the services decide."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from netral.prevention.commitments import MAX_PARTICIPANTS, MAX_PDF_BYTES, MAX_REACH
from netral.prevention.models import ActivityKind, CommitmentStatus

Choices = list[tuple[str, Any]]

FILE_TOO_LARGE = _("Berkas paling besar 10 MB.")
FILE_NOT_PDF = _("Berkas harus berupa PDF.")
PARTICIPANT_LINE = gettext_noop(
    "Baris {n}: tulis nama instansi, titik koma, lalu jumlah orang (misalnya "
    "“Pemerintah Kota Bekasi; 12”)."
)
PARTICIPANT_LINES_TOO_MANY = gettext_noop("Paling banyak {max} baris peserta.")
PARTICIPANT_LINE_MAX = 260
DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _pdf_upload(upload: Any) -> bytes | None:
    """The bytes of an uploaded PDF (None for none), bounded before it is read."""
    if not upload:
        return None
    if upload.size > MAX_PDF_BYTES:
        raise forms.ValidationError(FILE_TOO_LARGE)
    data: bytes = upload.read()
    if not data.startswith(b"%PDF-"):
        raise forms.ValidationError(FILE_NOT_PDF)
    return data


def _with_choices(form: forms.Form, name: str, choices: Choices) -> None:
    field = form.fields[name]
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def _all(choices: Choices) -> Choices:
    return [("", _("Semua")), *choices]


# --- Integrity pacts -------------------------------------------------------------------


class PactFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Wilayah"), required=False)
    year = forms.IntegerField(label=_("Tahun"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args: Any, regions: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_choices(self, "region", _all(regions))


class PactForm(forms.Form):
    region = forms.ChoiceField(label=_("Pemerintah daerah"))
    signatory_name = forms.CharField(label=_("Nama penanda tangan"), max_length=200)
    signatory_position = forms.CharField(
        label=_("Jabatan penanda tangan"),
        max_length=200,
        help_text=_("Pejabat Pembina Kepegawaian, misalnya Wali Kota Bekasi."),
    )
    signed_on = forms.DateField(label=_("Tanggal penandatanganan"), widget=DATE)
    occasion = forms.CharField(
        label=_("Kegiatan penandatanganan"),
        max_length=300,
        help_text=_("Misalnya penandatanganan serentak yang diinisiasi Bawaslu RI."),
    )
    file = forms.FileField(label=_("Pindaian pakta (PDF, opsional)"), required=False)

    def __init__(self, *args: Any, regions: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_choices(self, "region", regions)

    def clean_file(self) -> bytes | None:
        return _pdf_upload(self.cleaned_data.get("file"))


# --- Coordination meetings and commitments ---------------------------------------------


def participants_parse(text: str) -> list[tuple[str, int]]:
    """``"Institution; number"`` per line into pairs (blank lines skipped). Bounded: at most
    ``MAX_PARTICIPANTS`` lines of ``PARTICIPANT_LINE_MAX`` characters, split at the last
    semicolon; no regular expression over the input."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > MAX_PARTICIPANTS:
        raise forms.ValidationError(
            gettext(PARTICIPANT_LINES_TOO_MANY).format(max=MAX_PARTICIPANTS)
        )
    pairs = []
    for n, line in enumerate(lines, start=1):
        name, sep, number = line.rpartition(";")
        number = number.strip()
        if (
            len(line) > PARTICIPANT_LINE_MAX
            or not sep
            or not name.strip()
            or not number.isascii()
            or not number.isdigit()
            or len(number) > 7
        ):
            raise forms.ValidationError(gettext(PARTICIPANT_LINE).format(n=n))
        pairs.append((name.strip(), int(number)))
    return pairs


class MeetingFilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Kantor"), required=False)
    overdue = forms.BooleanField(label=_("Hanya yang punya komitmen lewat tenggat"), required=False)

    def __init__(self, *args: Any, regions: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_choices(self, "region", _all(regions))


class MeetingForm(forms.Form):
    office = forms.ChoiceField(label=_("Kantor Bawaslu penyelenggara"), required=False)
    title = forms.CharField(label=_("Judul rapat"), max_length=300)
    held_on = forms.DateField(label=_("Tanggal"), widget=DATE)
    place = forms.CharField(label=_("Tempat"), max_length=300)
    participants = forms.CharField(
        label=_("Peserta menurut instansi"),
        max_length=MAX_PARTICIPANTS * (PARTICIPANT_LINE_MAX + 2),
        help_text=_("Satu instansi per baris: nama instansi; jumlah orang."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    summary = forms.CharField(
        label=_("Ringkasan (opsional)"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    minutes = forms.FileField(label=_("Notulen (PDF, opsional)"), required=False)

    def __init__(self, *args: Any, offices: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_choices(self, "office", offices)

    def clean_participants(self) -> list[tuple[str, int]]:
        return participants_parse(self.cleaned_data.get("participants", ""))

    def clean_minutes(self) -> bytes | None:
        return _pdf_upload(self.cleaned_data.get("minutes"))


class CommitmentForm(forms.Form):
    text = forms.CharField(
        label=_("Isi komitmen"), max_length=5_000, widget=forms.Textarea(attrs={"rows": 3})
    )
    owner_institution = forms.CharField(label=_("Penanggung jawab (instansi)"), max_length=200)
    owner_region = forms.ChoiceField(
        label=_("Pemerintah daerah yang menindaklanjuti"),
        required=False,
        help_text=_("Kantor PPK daerah ini dapat memperbarui status komitmennya."),
    )
    due_on = forms.DateField(label=_("Tenggat"), widget=DATE)

    def __init__(self, *args: Any, regions: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_choices(self, "owner_region", [("", _("Bukan pemerintah daerah")), *regions])


class CommitmentFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_all(list(CommitmentStatus.choices))
    )
    owner_region = forms.ChoiceField(label=_("Pemerintah daerah"), required=False)
    overdue = forms.BooleanField(label=_("Hanya yang melewati tenggat"), required=False)

    def __init__(self, *args: Any, regions: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_choices(self, "owner_region", _all(regions))


class CommitmentStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status tindak lanjut"), choices=CommitmentStatus.choices)
    note = forms.CharField(
        label=_("Catatan"),
        max_length=5_000,
        required=False,
        help_text=_("Apa yang sudah dilakukan; wajib bila tidak terlaksana."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


# --- Prevention activities -------------------------------------------------------------


class ActivityFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Jenis"), required=False, choices=_all(list(ActivityKind.choices))
    )
    region = forms.ChoiceField(label=_("Kantor"), required=False)
    date_from = forms.DateField(label=_("Dari tanggal"), required=False, widget=DATE)
    date_to = forms.DateField(label=_("Sampai tanggal"), required=False, widget=DATE)

    def __init__(self, *args: Any, regions: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_choices(self, "region", _all(regions))


class ActivityForm(forms.Form):
    office = forms.ChoiceField(label=_("Kantor Bawaslu"), required=False)
    kind = forms.ChoiceField(label=_("Jenis kegiatan"), choices=ActivityKind.choices)
    held_on = forms.DateField(label=_("Tanggal"), widget=DATE)
    place = forms.CharField(
        label=_("Tempat"),
        max_length=300,
        help_text=_("Untuk patroli media sosial: platform atau akun yang dipantau."),
    )
    audience = forms.CharField(
        label=_("Sasaran"), max_length=300, help_text=_("Misalnya ASN kecamatan, kepala desa.")
    )
    reach = forms.IntegerField(
        label=_("Jumlah orang yang dijangkau"), min_value=0, max_value=MAX_REACH
    )
    description = forms.CharField(
        label=_("Uraian (opsional)"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, offices: Choices, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _with_choices(self, "office", offices)
