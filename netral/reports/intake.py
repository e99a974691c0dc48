"""Turning an API request into the form's data, and the form's errors into the API's words.

The API and the web form share one validator (``ReportForm``); this module only translates
field names: the API's nested ``reporter.name`` is the form's ``reporter_name``.
"""

from __future__ import annotations

from typing import Any

from django.forms import Form
from django.utils.translation import gettext_lazy as _

from netral.common import jsonparse
from netral.common.errors import TranslatedError
from netral.reports.evidence import MAX_REPORT_BYTES

# The largest request worth parsing: every file at its limit plus the text fields.
MAX_REQUEST_BYTES = MAX_REPORT_BYTES + 2 * 1024 * 1024

TOP_LEVEL = {
    "region",
    "election",
    "location",
    "reported_name",
    "reported_nip",
    "agency",
    "position",
    "position_class",
    "violation_type",
    "event_date",
    "known_date",
    "chronology",
    "candidate_pair",
    "witnesses",
    "links",
    "anonymous",
    "reporter",
    "notify_email",
}
# The reporter's identity, as the API names it (and the ``Reporter`` model).
REPORTER_FIELDS = ("name", "nik", "address", "phone", "email")

NOT_AN_OBJECT = "Isi permintaan harus berupa objek JSON."
UNKNOWN_FIELDS = "Kolom tidak dikenal: {fields}."
REPORTER_NOT_OBJECT = "reporter harus berupa objek dengan name, nik, address, phone, email."
WRONG_TYPE = "{field} harus berupa {expected}."
REPORT_PART_MISSING = "Bagian 'report' (JSON) wajib ada pada permintaan multipart."


class IntakeError(TranslatedError, ValueError):
    """A request the intake refuses; ``message`` is in the reader's language."""


def parse_json(raw: bytes | str) -> dict[str, Any]:
    try:
        payload = jsonparse.loads(raw)  # depth, number and surrogate limits
    except jsonparse.JsonRejected as exc:
        raise IntakeError(exc.template, params=exc.params) from None
    if not isinstance(payload, dict):
        raise IntakeError(NOT_AN_OBJECT)
    return payload


def _text(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise IntakeError(WRONG_TYPE, params={"field": key, "expected": _("teks")}, field=key)
    return str(value)


def _lines(payload: dict[str, Any], key: str) -> str:
    value = payload.get(key)
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    raise IntakeError(WRONG_TYPE, params={"field": key, "expected": _("daftar teks")}, field=key)


def payload_to_form_data(payload: dict[str, Any]) -> dict[str, Any]:
    """The API's JSON as ``ReportForm`` data. Unknown or mistyped fields are refused by name."""
    unknown = sorted(set(payload) - TOP_LEVEL)
    if unknown:
        shown = ", ".join(unknown[:5]) + (" …" if len(unknown) > 5 else "")
        raise IntakeError(UNKNOWN_FIELDS, params={"fields": shown}, field=unknown[0])
    anonymous = payload.get("anonymous", False)
    if not isinstance(anonymous, bool):
        raise IntakeError(
            WRONG_TYPE, params={"field": "anonymous", "expected": "true/false"}, field="anonymous"
        )
    reporter = payload.get("reporter") or {}
    if not isinstance(reporter, dict):
        raise IntakeError(REPORTER_NOT_OBJECT, field="reporter")
    unknown_reporter = sorted(set(reporter) - set(REPORTER_FIELDS))
    if unknown_reporter:
        raise IntakeError(
            UNKNOWN_FIELDS,
            params={"fields": ", ".join(f"reporter.{f}" for f in unknown_reporter)},
            field=f"reporter.{unknown_reporter[0]}",
        )
    election = payload.get("election")
    if election is not None and (isinstance(election, bool) or not isinstance(election, int)):
        raise IntakeError(
            WRONG_TYPE, params={"field": "election", "expected": _("angka")}, field="election"
        )
    data: dict[str, Any] = {
        key: _text(payload, key)
        for key in (
            "region",
            "location",
            "reported_name",
            "reported_nip",
            "agency",
            "position",
            "position_class",
            "violation_type",
            "event_date",
            "known_date",
            "chronology",
            "candidate_pair",
            "notify_email",
        )
    }
    data["witnesses"] = _lines(payload, "witnesses")
    data["links"] = _lines(payload, "links")
    data["election"] = "" if election is None else str(election)
    if anonymous:
        data["anonymous"] = "on"
    for key in REPORTER_FIELDS:
        data[f"reporter_{key}"] = _text(reporter, key) if not anonymous else ""
    return data


def api_field_name(form_field: str) -> str:
    if form_field.startswith("reporter_"):
        return "reporter." + form_field.removeprefix("reporter_")
    return form_field


def form_error(form: Form) -> tuple[str, str, dict[str, list[str]]]:
    """The first error as (field, message) in API names, plus all errors by field."""
    errors = {api_field_name(f): [str(m) for m in msgs] for f, msgs in form.errors.items()}
    field, messages = next(iter(errors.items()))
    return field, f"{field}: {messages[0]}", errors
