"""The identity a reporter gives when stepping forward: the report form's own reporter
fields and checks (name and address required, a phone or e-mail, a valid NIK if given), plus
the reporter's explicit consent."""

from __future__ import annotations

import copy
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from netral.reports.forms import CONTACT_REQUIRED, ReportForm

IDENTITY_FIELDS = (
    "reporter_name",
    "reporter_nik",
    "reporter_address",
    "reporter_phone",
    "reporter_email",
)


class StepForwardForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "Saya menyatakan identitas ini benar dan bersedia informasi ini menjadi laporan "
            "resmi atas nama saya."
        ),
        error_messages={"required": _("Centang pernyataan ini untuk melanjutkan.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        consent = self.fields.pop("consent")
        for name in IDENTITY_FIELDS:
            field = copy.deepcopy(ReportForm.base_fields[name])
            field.required = name in ("reporter_name", "reporter_address")
            self.fields[name] = field
        self.fields["consent"] = consent

    # The report form's NIK check, as it is.
    clean_reporter_nik = ReportForm.clean_reporter_nik

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        no_contact = not (data.get("reporter_phone") or data.get("reporter_email"))
        if no_contact and "reporter_email" not in self.errors:
            self.add_error("reporter_phone", CONTACT_REQUIRED)
        return data

    def identity(self) -> dict[str, str]:
        """The service's keyword arguments (``information_step_forward``)."""
        data = self.cleaned_data
        return {name.removeprefix("reporter_"): data.get(name) or "" for name in IDENTITY_FIELDS}
