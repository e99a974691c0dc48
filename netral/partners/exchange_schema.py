"""The case-exchange format (issue #16 item 3): one JSON Schema (draft 2020-12), published as
is at ``/api/schemas/case-exchange.json`` and used as is to validate what partners send, so
the published schema and the validation are one source.

Two kinds of document share it: ``"kind": "case"`` (a decided case Netral hands to BKN or
Sentra Gakkumdu) and ``"kind": "answer"`` (what the partner answers: BKN's assessment, the
PPK's sanction decree, the criminal stage). Neither carries an identity (name, NIP, NIK,
contact) or a receipt code. A change that breaks a partner's reader gets a new version.
"""

from __future__ import annotations

from typing import Any

import jsonschema_rs

VERSION = "v1"
SCHEMA_NAME = f"netral.case-exchange/{VERSION}"
SCHEMA_ID = f"urn:netral:schema:case-exchange:{VERSION}"

MAX_ANSWERS = 50
MAX_TEXT = 5000
MAX_ERRORS = 10


def _text(max_length: int = 200, min_length: int = 0) -> dict[str, Any]:
    return {"type": "string", "minLength": min_length, "maxLength": max_length}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": required,
        "properties": properties,
    }


ID = {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
CODE = {"type": "string", "pattern": "^[a-z0-9_.]{1,60}$"}
REGION = {"type": "string", "pattern": "^[0-9]{2}(\\.[0-9]{2}){0,3}$"}
SHA256 = {"type": "string", "pattern": "^[0-9a-f]{64}$"}
DATETIME = {"type": "string", "format": "date-time", "maxLength": 40}
DATE = {"type": "string", "format": "date", "maxLength": 10}
HEADER = {"schema": {"const": SCHEMA_NAME}}

RECOMMENDATION = _object(
    ["id", "number", "addressee", "verdict", "status", "issued_at"],
    {
        "id": ID,
        "number": _text(80, 1),
        "letter_number": _text(60),
        "addressee": {"enum": ["bkn", "gakkumdu", "kpu", "dkpp", "other"]},
        "addressee_name": _text(200),
        "verdict": CODE,
        "status": CODE,
        "issued_at": DATETIME,
        "due_at": _nullable(DATETIME),
        "ended_at": _nullable(DATETIME),
        "ppk_region": _nullable(REGION),
        "criminal_articles": {"type": "array", "maxItems": 50, "items": CODE},
        "criminal_stage": _text(30),
        "assessed_at": _nullable(DATETIME),
        "recommended_sanction": _text(30),
        "sanction": _nullable(
            _object(
                ["imposed"],
                {
                    "imposed": {"type": "boolean"},
                    "decree_number": _text(100),
                    "decree_date": _nullable(DATE),
                    "sanction": _text(30),
                    "option": _text(40),
                    "decree_sha256": _nullable(SHA256),
                },
            )
        ),
    },
)

CASE_DOCUMENT = _object(
    ["schema", "kind", "generated_at", "case", "decision", "recommendations", "documents"],
    {
        **HEADER,
        "kind": {"const": "case"},
        "generated_at": DATETIME,
        "case": _object(
            ["id", "origin", "status", "office", "election", "received_at", "decided_at"],
            {
                "id": ID,
                "register_number": _nullable(_text(60)),
                "origin": CODE,
                "status": CODE,
                "office": _object(["region", "name"], {"region": REGION, "name": _text(200)}),
                "election": _object(["id", "name"], {"id": ID, "name": _text(200)}),
                "violation_type": _text(60),
                "received_at": DATETIME,
                "registered_at": _nullable(DATETIME),
                "decided_at": DATETIME,
                "announced_at": _nullable(DATETIME),
            },
        ),
        "decision": _object(
            ["verdicts", "legal_basis"],
            {
                "verdicts": {"type": "array", "minItems": 1, "maxItems": 10, "items": CODE},
                "legal_basis": {"type": "array", "maxItems": 50, "items": _text(500, 1)},
                # Published only once announced, and redacted: what the public page shows.
                "public_summary": _text(MAX_TEXT),
            },
        ),
        "recommendations": {
            "type": "array",
            "maxItems": 100,
            "items": {"$ref": "#/$defs/recommendation"},
        },
        "documents": {
            "type": "array",
            "maxItems": 500,
            "items": _object(
                ["number", "kind", "issued_at", "sha256"],
                {"number": _text(40, 1), "kind": CODE, "issued_at": DATETIME, "sha256": SHA256},
            ),
        },
        "evidence": {
            "type": "array",
            "maxItems": 500,
            "items": _object(
                ["kind", "size", "sha256", "received_at"],
                {
                    "kind": CODE,
                    "size": {"type": "integer", "minimum": 0},
                    "sha256": SHA256,
                    "received_at": DATETIME,
                },
            ),
        },
    },
)


def _answer(type_: str, required: list[str], fields: dict[str, Any]) -> dict[str, Any]:
    return _object(
        ["type", "recommendation_id", *required],
        {"type": {"const": type_}, "recommendation_id": ID, **fields},
    )


# What each kind of answer records, through the service the desk uses by hand.
ANSWER_ITEMS = {
    # BKN: recommendation_assess.
    "assessment": _answer(
        "assessment",
        ["assessment", "sanction"],
        {"assessment": _text(MAX_TEXT, 1), "sanction": CODE},
    ),
    # The PPK: sanction_record (a decree number and date when imposed, a reason when not).
    "sanction_decree": _answer(
        "sanction_decree",
        ["imposed"],
        {
            "imposed": {"type": "boolean"},
            "decree_number": _text(100),
            "decree_date": DATE,
            "sanction": _text(30),
            "option": _text(40),
            "reason": _text(MAX_TEXT),
        },
    ),
    # Sentra Gakkumdu: criminal_advance to the next stage, criminal_conclude to end.
    "criminal_stage": _answer(
        "criminal_stage", ["stage"], {"stage": CODE, "note": _text(MAX_TEXT)}
    ),
    "criminal_conclusion": _answer(
        "criminal_conclusion", ["outcome"], {"outcome": _text(MAX_TEXT, 1)}
    ),
    # KPU (or Bawaslu entering another agency's answer): recommendation_respond.
    "response": _answer("response", ["response"], {"response": _text(MAX_TEXT, 1)}),
}

ANSWER_DOCUMENT = _object(
    ["schema", "kind", "answer_id", "case_id", "answers"],
    {
        **HEADER,
        "kind": {"const": "answer"},
        # The partner's own id for this answer: sending it again changes nothing.
        "answer_id": {"type": "string", "pattern": "^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$"},
        "case_id": ID,
        "answered_at": DATETIME,
        "answers": {
            "type": "array",
            "minItems": 1,
            "maxItems": MAX_ANSWERS,
            "items": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"enum": sorted(ANSWER_ITEMS)}},
                "allOf": [
                    {
                        "if": {"properties": {"type": {"const": name}}},
                        "then": {"$ref": f"#/$defs/answer_{name}"},
                    }
                    for name in sorted(ANSWER_ITEMS)
                ],
            },
        },
    },
)

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": SCHEMA_ID,
    "title": f"Netral case exchange {VERSION}",
    "description": (
        "A decided case handed by Bawaslu (Netral) to BKN or Sentra Gakkumdu (kind 'case'), "
        "and the partner's answer (kind 'answer'). No identity, no receipt code."
    ),
    "type": "object",
    "required": ["schema", "kind"],
    "properties": {**HEADER, "kind": {"enum": ["case", "answer"]}},
    "if": {"properties": {"kind": {"const": "answer"}}},
    "then": {"$ref": "#/$defs/answer"},
    "else": {"$ref": "#/$defs/case"},
    "$defs": {
        "case": CASE_DOCUMENT,
        "answer": ANSWER_DOCUMENT,
        "recommendation": RECOMMENDATION,
        **{f"answer_{name}": item for name, item in ANSWER_ITEMS.items()},
    },
}

_VALIDATOR = jsonschema_rs.Draft202012Validator(SCHEMA, validate_formats=True)


def schema_errors(document: Any) -> list[str]:
    """The first problems of ``document`` against the schema (empty: valid), each as
    ``"<path>: <reason>"``. The validator is Rust's: its patterns run in linear time."""
    problems = []
    for error in _VALIDATOR.iter_errors(document):
        path = "/".join(str(p) for p in error.instance_path) or "(dokumen)"
        problems.append(f"{path}: {error.message[:200]}")
        if len(problems) >= MAX_ERRORS:
            break
    return problems
