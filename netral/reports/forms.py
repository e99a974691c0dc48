"""The one validator of a public report, used by the web form and by the API alike.

Field names are the API's (``reporter_name`` is ``reporter.name`` there); every message is
Indonesian (translated lazily, so the page or API answer is in the visitor's language) and
names what is wrong.
"""

from __future__ import annotations

import datetime
import re
from typing import Any
from urllib.parse import urlsplit

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from netral.common import clock
from netral.common.identifiers import IdentifierInvalid, nik_parse, nip_parse
from netral.common.text import FreeTextField, NameField
from netral.elections.lookups import elections_in, region_with_parent
from netral.elections.models import Election
from netral.regions.models import Region
from netral.reports.subjects import PositionClass
from netral.rules.labels import rule_name
from netral.rules.selectors import violation_type_list

MAX_LINKS = 10
MIN_CHRONOLOGY = 20
EVENT_TOO_OLD = _("Tanggal kejadian terlalu lama (sebelum 2019).")
KNOWN_BEFORE_EVENT = _("Tanggal diketahui tidak boleh sebelum tanggal kejadian.")
IN_FUTURE = _("Tanggal tidak boleh di masa depan.")
REPORTER_REQUIRED = _(
    "Wajib diisi untuk laporan beridentitas (atau pilih melapor tanpa identitas)."
)
CONTACT_REQUIRED = _("Isi nomor telepon atau e-mail agar petugas dapat menghubungi Anda.")
REGION_UNKNOWN = _("Wilayah tidak dikenal. Pilih provinsi dan kabupaten/kota dari daftar.")
REGENCY_NOT_IN_PROVINCE = _("Kabupaten/kota tidak berada di provinsi yang dipilih.")
NO_ELECTION = _("Tidak ada pemilihan di wilayah ini; pilih kabupaten/kota tempat kejadian.")
ELECTION_NOT_HERE = _("Pemilihan yang dipilih tidak berlangsung di wilayah ini.")
BAD_LINK = _("Tautan harus berupa alamat web lengkap (http:// atau https://): {link}")
TOO_MANY_LINKS = _("Paling banyak {limit} tautan.")
HONEYPOT_FILLED = _("Permintaan ditolak.")
NIP_NOT_VALID = _("NIP ini tidak valid: {reason}.")
NIP_VALID = _("NIP ini sah: lahir {birth}, diangkat {appointment}, {sex}.")
SEX_NAMES = {"L": _("laki-laki"), "P": _("perempuan")}
# The longest NIP input read (the field's own limit).
MAX_NIP_INPUT = 40


def reported_nip_problem(raw: str) -> str | None:
    """Why a reported NIP is invalid, as the form says it ("NIP ini tidak valid: angka ke-15
    harus 1 (laki-laki) atau 2 (perempuan), bukan 3."), or None for a valid or empty one."""
    if not (raw or "").strip():
        return None
    try:
        nip_parse(raw[:MAX_NIP_INPUT], today=clock.today())
    except IdentifierInvalid as exc:
        reason = gettext(exc.reason).format(**exc.params)
        return str(NIP_NOT_VALID).format(reason=reason)
    return None


def reported_nip_check(raw: str) -> str:
    """The early check's answer for the public form: the problem, or what the NIP says."""
    problem = reported_nip_problem(raw)
    if problem is not None or not (raw or "").strip():
        return problem or ""
    info = nip_parse(raw[:MAX_NIP_INPUT], today=clock.today())
    return str(NIP_VALID).format(
        birth=info.birth_date.strftime("%d-%m-%Y"),
        appointment=f"{info.appointment_month:02d}/{info.appointment_year}",
        sex=SEX_NAMES[info.sex],
    )


def _violation_choices() -> list[tuple[str, Any]]:
    return [("", _("Tidak tahu / belum yakin"))] + [
        (vt.code, rule_name(vt)) for vt in violation_type_list()
    ]


# Read lazily too (a callable's choices cost nothing to copy with each form).
def _office_choices() -> list[tuple[str, Any]]:
    return [
        ("", _("Bupati/Wali Kota (atau Gubernur bila memilih provinsi saja)")),
        ("gubernur", _("Gubernur")),
    ]


def _position_class_choices() -> list[tuple[str, Any]]:
    return [("", _("Tidak tahu")), *PositionClass.choices]


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class DateField(forms.DateField):
    """A date field that reads the API's ISO 8601 date (YYYY-MM-DD) at once; other input
    goes through the site's formats as before (ISO is among them: the same dates result,
    without trying the others first)."""

    def to_python(self, value: Any) -> datetime.date | None:
        if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass  # 2026-02-30: the formats below refuse it with the field's message
        return super().to_python(value)


class _SharedFields(dict[str, forms.Field]):
    """A form's fields that ``copy.deepcopy`` (``BaseForm.__init__``) copies shallowly."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, forms.Field]:
        return dict(self)


class ReportForm(forms.Form):
    # Where: a province, optionally narrowed to a regency/city (the API sends one `region`).
    region = forms.CharField(label=_("Kabupaten/kota atau provinsi"), max_length=13)
    election = forms.IntegerField(label=_("Pemilihan"), required=False)
    # The web form's province picker (the API sends `region` only) and the election level.
    province = forms.CharField(label=_("Provinsi"), max_length=2, required=False)
    election_office = forms.ChoiceField(
        label=_("Pemilihan yang terkait"),
        required=False,
        choices=_office_choices,
    )
    location = FreeTextField(label=_("Alamat atau lokasi kejadian"), max_length=500, required=False)

    reported_name = NameField(label=_("Nama ASN yang dilaporkan"), max_length=200)
    reported_nip = forms.CharField(
        label=_("NIP (jika tahu)"),
        max_length=40,
        required=False,
        help_text=_("18 angka. Boleh dikosongkan."),
    )
    agency = NameField(label=_("Instansi tempat bekerja"), max_length=200)
    position = NameField(label=_("Jabatan"), max_length=200, required=False)
    position_class = forms.ChoiceField(
        label=_("Kelompok jabatan (jika tahu)"),
        required=False,
        choices=_position_class_choices,
    )

    # Listed when the form is shown or a type is given (the callable's choices are read
    # lazily): an API report without a type never builds the rulebook's list.
    violation_type = forms.ChoiceField(
        label=_("Jenis dugaan pelanggaran"), required=False, choices=_violation_choices
    )
    chronology = FreeTextField(
        label=_("Apa yang terjadi?"),
        min_length=MIN_CHRONOLOGY,
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    event_date = DateField(label=_("Tanggal kejadian"))
    known_date = DateField(label=_("Tanggal Anda mengetahuinya"))
    candidate_pair = NameField(
        label=_("Pasangan calon yang diuntungkan (jika ada)"), max_length=200, required=False
    )
    witnesses = FreeTextField(
        label=_("Saksi (nama dan cara menghubungi, jika ada)"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    links = forms.CharField(
        label=_("Tautan bukti (satu per baris)"),
        max_length=5_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    anonymous = forms.BooleanField(label=_("Saya melapor tanpa identitas"), required=False)
    reporter_name = NameField(label=_("Nama lengkap"), max_length=200, required=False)
    reporter_nik = forms.CharField(label=_("NIK"), max_length=40, required=False)
    reporter_address = FreeTextField(label=_("Alamat"), max_length=500, required=False)
    reporter_phone = forms.CharField(
        label=_("Nomor telepon/WhatsApp"), max_length=30, required=False
    )
    reporter_email = forms.EmailField(label=_("E-mail"), required=False)
    notify_email = forms.EmailField(
        label=_("E-mail untuk pemberitahuan (opsional)"),
        required=False,
        help_text=_("Kami kirim kabar setiap status berubah, tanpa menyebut identitas Anda."),
    )
    # A field people never see: bots fill it in.
    website = forms.CharField(required=False)

    def __init__(self, *args: Any, shared_fields: bool = False, **kwargs: Any) -> None:
        if shared_fields:
            # Validation only (the API, the channels): the class's field objects serve this
            # form too instead of a deep copy of all 25 with their widgets (about 2 ms of
            # each submit's CPU, issue #13). Such a form is never rendered and changes no
            # field; removing or adding fields stays its own (the dict is its own).
            self.base_fields = _SharedFields(type(self).base_fields)  # type: ignore[misc]
        super().__init__(*args, **kwargs)
        self.region_obj: Region | None = None
        self.election_obj: Election | None = None

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(HONEYPOT_FILLED)
        return ""

    def clean_region(self) -> str:
        code = self.cleaned_data["region"].strip()
        region = region_with_parent(code)  # cached per process (``elections.lookups``)
        if region is None:
            raise forms.ValidationError(REGION_UNKNOWN)
        province = (self.data.get("province") or "").strip()
        if province and region.code != province and region.parent_id != province:
            raise forms.ValidationError(REGENCY_NOT_IN_PROVINCE)
        self.region_obj = region
        return code

    def clean_reported_nip(self) -> str:
        raw = self.cleaned_data.get("reported_nip", "")
        if not raw.strip():
            return ""
        problem = reported_nip_problem(raw)
        if problem is not None:
            raise forms.ValidationError(problem)
        return nip_parse(raw, today=clock.today()).nip

    def clean_reporter_nik(self) -> str:
        raw = self.cleaned_data.get("reporter_nik", "")
        if not raw.strip():
            return ""
        try:
            return nik_parse(raw).nik
        except ValueError as exc:
            raise forms.ValidationError(gettext(str(exc))) from None

    def clean_links(self) -> list[str]:
        raw = self.cleaned_data.get("links", "")
        links = [line.strip() for line in raw.splitlines() if line.strip()]
        if len(links) > MAX_LINKS:
            raise forms.ValidationError(TOO_MANY_LINKS.format(limit=MAX_LINKS))
        for link in links:
            parts = urlsplit(link)
            if parts.scheme not in ("http", "https") or not parts.netloc or len(link) > 2000:
                raise forms.ValidationError(BAD_LINK.format(link=link[:80]))
        return links

    def _clean_dates(self) -> None:
        today = clock.today()
        event: datetime.date | None = self.cleaned_data.get("event_date")
        known: datetime.date | None = self.cleaned_data.get("known_date")
        if event and event > today:
            self.add_error("event_date", IN_FUTURE)
        elif event and event.year < 2019:
            self.add_error("event_date", EVENT_TOO_OLD)
        if known and known > today:
            self.add_error("known_date", IN_FUTURE)
        elif event and known and known < event:
            self.add_error("known_date", KNOWN_BEFORE_EVENT)

    def _clean_reporter(self) -> None:
        data = self.cleaned_data
        if data.get("anonymous"):
            return
        for name in ("reporter_name", "reporter_address"):
            if not (data.get(name) or "").strip() and name not in self.errors:
                self.add_error(name, REPORTER_REQUIRED)
        no_contact = not (data.get("reporter_phone") or data.get("reporter_email"))
        if no_contact and "reporter_email" not in self.errors:
            self.add_error("reporter_phone", CONTACT_REQUIRED)

    def _clean_election(self) -> None:
        region = self.region_obj
        if region is None:
            return
        candidates = elections_in(region)  # with cycle and stages; cached per process
        chosen = self.cleaned_data.get("election")
        if chosen is not None:
            self.election_obj = next((e for e in candidates if e.pk == chosen), None)
            if self.election_obj is None:
                self.add_error("election", ELECTION_NOT_HERE)
            return
        if self.cleaned_data.get("election_office") == Election.Office.GUBERNUR:
            candidates = [e for e in candidates if e.office == Election.Office.GUBERNUR]
        # The region's own election first (bupati/wali kota, or gubernur for a province);
        # Jakarta's administrative cities fall back to the governor election.
        own = [e for e in candidates if e.region_id == region.code]
        parent = [e for e in candidates if e.region_id != region.code]
        picked = (own or parent)[0] if (own or parent) else None
        if picked is None:
            self.add_error("region", NO_ELECTION)
        elif picked.region_id == region.code:
            picked.region = region  # loaded already: routing the case asks for it
        elif region.parent is not None and picked.region_id == region.parent.code:
            picked.region = region.parent
        self.election_obj = picked

    def clean(self) -> dict[str, Any]:
        super().clean()
        self._clean_dates()
        self._clean_reporter()
        self._clean_election()
        return self.cleaned_data
