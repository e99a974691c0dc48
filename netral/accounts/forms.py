"""Staff sign-in forms. Labels and hints are what the page shows; Django links hints and
errors to their inputs with ``aria-describedby`` and marks invalid inputs ``aria-invalid``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

CODE_FORMAT = _("Kode autentikator terdiri dari 6 angka, misalnya 123456.")
CODE_MISSING = _("Masukkan kode 6 angka dari aplikasi autentikator.")


def _otp_field(*, required: bool, help_text: StrOrPromise) -> forms.RegexField:
    return forms.RegexField(
        label=_("Kode autentikator"),
        help_text=help_text,
        required=required,
        regex=r"^\d{6}$",
        error_messages={"invalid": CODE_FORMAT, "required": CODE_MISSING},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9]{6}",
                "maxlength": "6",
                "spellcheck": "false",
                "class": "input input--code",
            }
        ),
    )


class LoginForm(forms.Form):
    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "username",
                "autocapitalize": "none",
                "spellcheck": "false",
                "class": "input",
            }
        ),
    )
    password = forms.CharField(
        label=_("Kata sandi"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "class": "input"}),
    )
    # Optional: someone signing in for the first time has no authenticator yet and is taken
    # to the enrolment page once the password is right.
    otp_token = _otp_field(
        required=False,
        help_text=_(
            "6 angka dari aplikasi autentikator di ponsel Anda. Masuk pertama kali? "
            "Kosongkan; Anda akan diminta memasang aplikasi autentikator."
        ),
    )


class TotpConfirmForm(forms.Form):
    otp_token = _otp_field(
        required=True,
        help_text=_("Kode yang sedang tampil di aplikasi autentikator untuk Netral."),
    )
