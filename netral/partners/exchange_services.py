"""Writes of the case exchange: a partner's answer document imported through the very
services the BKN, PPK and Gakkumdu desks use by hand (``followup.services``), so the same
authorization, state rules, audit entries and events apply. All or nothing: one
transaction for the whole document; any answer refused rolls every other one back.
Idempotent on the partner's ``answer_id``: the same document again changes nothing."""

from __future__ import annotations

import datetime
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction

from netral.accounts.models import User
from netral.accounts.permissions import require
from netral.audit.services import audit_deferred, audit_record
from netral.common import clock
from netral.common.errors import ApplicationError, Conflict, NotFound
from netral.followup import services as followup
from netral.partners.exchange import CASE_NOT_FOUND, exchange_case_list_for
from netral.partners.exchange_schema import schema_errors
from netral.partners.models import ExchangeAnswer

INVALID = "Dokumen tidak sesuai skema pertukaran kasus: {problems}"
NOT_AN_ANSWER = "Dokumen ini bukan jawaban (kind harus 'answer')."
REC_NOT_IN_CASE = "answers[{index}]: rekomendasi {id} tidak ditemukan pada kasus ini."
ANSWER_REFUSED = "answers[{index}]: {reason}"
ANSWER_ID_REUSED = (
    "answer_id '{answer_id}' sudah dipakai untuk jawaban lain; pakai id baru untuk jawaban baru."
)
BAD_DATE = "tanggal tidak valid"


@dataclass(frozen=True)
class ImportResult:
    answer: ExchangeAnswer
    replayed: bool


def _sha256(document: dict[str, Any]) -> str:
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _date(value: str | None) -> datetime.date | None:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ApplicationError(BAD_DATE, field="decree_date") from None


def _assessment(actor: User, item: dict[str, Any]) -> None:
    followup.recommendation_assess(
        actor=actor,
        rec_id=item["recommendation_id"],
        assessment=item["assessment"],
        sanction=item["sanction"],
    )


def _sanction_decree(actor: User, item: dict[str, Any]) -> None:
    followup.sanction_record(
        actor=actor,
        rec_id=item["recommendation_id"],
        imposed=item["imposed"],
        decree_number=item.get("decree_number", ""),
        decree_date=_date(item.get("decree_date")),
        sanction=item.get("sanction", ""),
        option=item.get("option", ""),
        reason=item.get("reason", ""),
    )


def _criminal_stage(actor: User, item: dict[str, Any]) -> None:
    followup.criminal_advance(
        actor=actor,
        rec_id=item["recommendation_id"],
        stage=item["stage"],
        note=item.get("note", ""),
    )


def _criminal_conclusion(actor: User, item: dict[str, Any]) -> None:
    followup.criminal_conclude(
        actor=actor, rec_id=item["recommendation_id"], outcome=item["outcome"]
    )


def _response(actor: User, item: dict[str, Any]) -> None:
    followup.recommendation_respond(
        actor=actor, rec_id=item["recommendation_id"], response=item["response"]
    )


# Answer type (``exchange_schema.ANSWER_ITEMS``) -> the desk's service that records it.
RECORDERS: dict[str, Callable[[User, dict[str, Any]], None]] = {
    "assessment": _assessment,
    "sanction_decree": _sanction_decree,
    "criminal_stage": _criminal_stage,
    "criminal_conclusion": _criminal_conclusion,
    "response": _response,
}


def exchange_answer_validate(document: Any) -> dict[str, Any]:
    """``document`` if it is a valid answer of the published schema, else the reasons."""
    problems = schema_errors(document)
    if problems:
        raise ApplicationError(INVALID, params={"problems": "; ".join(problems)})
    if document["kind"] != "answer":
        raise ApplicationError(NOT_AN_ANSWER, field="kind")
    return dict(document)


def exchange_answer_import(*, actor: User, document: Any) -> ImportResult:
    """Validate and record a partner's answer document (see the module's docstring).
    Refusals: 400 invalid document or a rule of a desk's service, 403 an answer the actor's
    role may not give, 404 a case or recommendation outside what it sees, 409 an
    ``answer_id`` used before for another document."""
    require(actor, "case.exchange")
    document = exchange_answer_validate(document)
    digest = _sha256(document)
    try:
        with transaction.atomic(), audit_deferred():
            return _import(actor=actor, document=document, digest=digest)
    except IntegrityError:
        # Another request recorded the same answer_id between our check and our insert.
        existing = _existing(actor, document)
        if existing is None:
            raise
        return _replay(existing, digest)


def _existing(actor: User, document: dict[str, Any]) -> ExchangeAnswer | None:
    return ExchangeAnswer.objects.filter(
        submitted_by=actor, answer_id=document["answer_id"]
    ).first()


def _replay(existing: ExchangeAnswer, digest: str) -> ImportResult:
    if existing.sha256 != digest:
        raise Conflict(
            ANSWER_ID_REUSED, field="answer_id", params={"answer_id": existing.answer_id}
        )
    return ImportResult(answer=existing, replayed=True)


def _import(*, actor: User, document: dict[str, Any], digest: str) -> ImportResult:
    existing = _existing(actor, document)
    if existing is not None:
        return _replay(existing, digest)
    case = exchange_case_list_for(actor=actor).filter(pk=document["case_id"]).first()
    if case is None:
        raise NotFound(CASE_NOT_FOUND)
    answers = document["answers"]
    for index, item in enumerate(answers):
        rec_id = item["recommendation_id"]
        if not case.recommendations.filter(pk=rec_id).exists():
            raise NotFound(REC_NOT_IN_CASE, params={"index": index, "id": rec_id})
        try:
            RECORDERS[item["type"]](actor, item)
        except ApplicationError as error:
            # The desk's own reason, with the answer it belongs to; same status code.
            refused = type(error)(
                ANSWER_REFUSED, field=error.field, params={"index": index, "reason": error.message}
            )
            raise refused from error
    answer = ExchangeAnswer.objects.create(
        answer_id=document["answer_id"],
        submitted_by=actor,
        case=case,
        sha256=digest,
        recommendations=sorted({item["recommendation_id"] for item in answers}),
        received_at=clock.now(),
    )
    audit_record(
        actor=actor,
        action="exchange.answer",
        obj=answer,
        after={
            "answer_id": answer.answer_id,
            "case": case.pk,
            "answers": [[item["type"], item["recommendation_id"]] for item in answers],
            "sha256": digest,
        },
    )
    return ImportResult(answer=answer, replayed=False)
