"""Public report endpoints: intake and tracking by receipt code."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from netral.common.apischemas import WITH_BODY, ErrorOut, refusals
from netral.common.errors import ApplicationError
from netral.common.ratelimit import RateLimited
from netral.reports.forms import ReportForm
from netral.reports.intake import (
    MAX_REQUEST_BYTES,
    REPORT_PART_MISSING,
    IntakeError,
    form_error,
    parse_json,
    payload_to_form_data,
)
from netral.reports.receipts import receipt_code_display
from netral.reports.selectors import report_deadlines, report_find_by_code, report_tracking
from netral.reports.services import report_submit
from netral.reports.throttles import refusal_message, throttle_lookup, throttle_submit

router = Router(tags=["reports"])

CODE_NOT_FOUND = "Kode tanda terima tidak ditemukan. Periksa kembali ke-16 angkanya."
REQUEST_TOO_LARGE = "Permintaan terlalu besar (lebih dari {mb} MB)."
TOO_MANY_PARTS = "Permintaan memuat terlalu banyak kolom atau berkas."
UNSUPPORTED_TYPE = "Gunakan application/json atau multipart/form-data."


class ReportDeadlineOut(Schema):
    code: str
    name: str
    due: datetime.datetime
    legal_basis: str


class SubmitOut(Schema):
    receipt_code: str
    receipt_code_display: str
    kind: str
    submitted_at: datetime.datetime
    late: bool
    warning: str | None
    evidence_count: int
    deadlines: list[ReportDeadlineOut]


class StatusIn(Schema):
    receipt_code: str


class MessageOut(Schema):
    sender: str
    body: str
    created_at: datetime.datetime
    evidence_count: int


class DecisionOut(Schema):
    decided_at: datetime.datetime
    verdicts: list[str]
    summary: str
    followups: list[str]


class StatusOut(Schema):
    kind: str
    status: str
    status_label: str
    submitted_at: datetime.datetime
    region_name: str
    election_name: str
    late: bool
    evidence_count: int
    deadlines: list[ReportDeadlineOut]
    messages: list[MessageOut]
    decisions: list[DecisionOut]


LATE_WARNING = (
    "Kejadian ini diketahui lebih dari batas waktu pelaporan menurut aturan. Laporan tetap "
    "diterima; pengawas dapat menindaklanjutinya sebagai informasi awal."
)


class ReporterIn(Schema):
    name: str
    nik: str | None = None
    address: str
    phone: str | None = None
    email: str | None = None


class ReportIn(Schema):
    """Documentation of the intake body; validation itself is ``ReportForm``'s."""

    region: str
    reported_name: str
    reported_nip: str | None = None
    agency: str
    position: str | None = None
    position_class: str | None = None
    violation_type: str | None = None
    event_date: datetime.date
    known_date: datetime.date
    chronology: str
    candidate_pair: str | None = None
    witnesses: str | list[str] | None = None
    links: list[str] | None = None
    anonymous: bool = False
    reporter: ReporterIn | None = None
    election: int | None = None
    location: str | None = None
    notify_email: str | None = None


def _inline_schema(model: type[Schema]) -> dict[str, Any]:
    """The model's JSON schema with nested definitions inlined (no dangling $ref)."""
    schema = model.model_json_schema()
    defs = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            if "$ref" in node:
                return resolve(defs[node["$ref"].rsplit("/", 1)[-1]])
            return {k: resolve(v) for k, v in node.items()}
        if isinstance(node, list):
            return [resolve(v) for v in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved


_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": _inline_schema(ReportIn)},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": ["report"],
                    "properties": {
                        "report": {"type": "string", "description": "ReportIn as JSON text"},
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                    },
                }
            },
        },
    }
}


def _refuse(status: int, detail: str, field: str | None = None, **extra: Any) -> Status[ErrorOut]:
    return Status(status, ErrorOut(detail=detail, field=field, **extra))


@router.post(
    "",
    response={201: SubmitOut, **refusals(*WITH_BODY, 415, 429)},
    summary="Kirim laporan (JSON, atau multipart dengan bagian 'report' dan 'files')",
    openapi_extra=_REQUEST_BODY,
)
def submit(request: HttpRequest) -> Status[Any]:
    try:
        throttle_submit(request)
    except RateLimited as error:
        return _refuse(429, refusal_message(error))
    if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_REQUEST_BYTES:
        return _refuse(413, _(REQUEST_TOO_LARGE).format(mb=MAX_REQUEST_BYTES // (1024 * 1024)))
    files: list[Any] = []
    try:
        if request.content_type == "multipart/form-data":
            raw = request.POST.get("report")
            files = request.FILES.getlist("files")
            if raw is None:
                return _refuse(400, _(REPORT_PART_MISSING), "report")
            payload = parse_json(raw)
        elif request.content_type == "application/json":
            payload = parse_json(request.body)
        else:
            return _refuse(415, _(UNSUPPORTED_TYPE))
        data = payload_to_form_data(payload)
    except (TooManyFieldsSent, TooManyFilesSent):
        return _refuse(400, _(TOO_MANY_PARTS))
    except RequestDataTooBig:
        return _refuse(413, _(REQUEST_TOO_LARGE).format(mb=MAX_REQUEST_BYTES // (1024 * 1024)))
    except IntakeError as error:
        return _refuse(422 if error.field else 400, error.message, error.field)
    form = ReportForm(data, shared_fields=True)
    if not form.is_valid():
        field, detail, errors = form_error(form)
        return _refuse(422, detail, field, errors=errors)
    try:
        result = report_submit(form=form, files=files, channel="api")
    except ApplicationError as error:  # a refused evidence file
        return _refuse(400, error.message, error.field or "files")
    # From what the intake holds already: a new report has no messages and no decision.
    deadlines = report_deadlines(report=result.report)
    return Status(
        201,
        SubmitOut(
            receipt_code=result.receipt_code,
            receipt_code_display=receipt_code_display(result.receipt_code),
            kind=result.report.kind,
            submitted_at=result.report.submitted_at,
            late=result.late,
            warning=_(LATE_WARNING) if result.late else None,
            evidence_count=result.evidence_count,
            deadlines=[ReportDeadlineOut(**d.__dict__) for d in deadlines],
        ),
    )


@router.post(
    "/status",
    response={200: StatusOut, **refusals(*WITH_BODY, 404, 429)},
    summary="Lacak laporan dengan kode tanda terima",
)
def status(request: HttpRequest, payload: StatusIn) -> Status[Any]:
    try:
        throttle_lookup(request)
    except RateLimited as error:
        return _refuse(429, refusal_message(error))
    report = report_find_by_code(code=payload.receipt_code)
    if report is None:
        return _refuse(404, _(CODE_NOT_FOUND))
    tracking = report_tracking(report=report)
    return Status(
        200,
        StatusOut(
            **{
                k: v
                for k, v in tracking.__dict__.items()
                if k not in ("deadlines", "messages", "kind_label", "decisions")
            },
            deadlines=[ReportDeadlineOut(**d.__dict__) for d in tracking.deadlines],
            messages=[MessageOut(**m.__dict__) for m in tracking.messages],
            decisions=[DecisionOut(**d.__dict__) for d in tracking.decisions],
        ),
    )
