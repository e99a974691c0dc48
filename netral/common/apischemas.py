"""The one error body of the API, named once so that every operation documents the same
``ErrorOut`` (two schemas of one name collide in the OpenAPI components)."""

from __future__ import annotations

from typing import Annotated, Any

from ninja import Schema
from pydantic import Field


class ErrorOut(Schema):
    """Every refusal: the reason, the field at fault when there is one, and per-field errors
    (a form's ``{"field": ["message"]}`` or the schema validator's list of problems)."""

    detail: str
    field: str | None = None
    errors: dict[str, list[str]] | list[dict[str, Any]] | None = None


def refusals(*codes: int) -> dict[int, type[ErrorOut]]:
    """``{code: ErrorOut}`` for each status an operation may refuse with."""
    return dict.fromkeys(codes, ErrorOut)


# What any operation may answer besides its own codes: 422 when a parameter or the body does
# not fit its schema. Operations with a body add 400 (not JSON Netral accepts) and 413.
WITH_BODY = (400, 413, 422)
STAFF = (401,)

# Integers from the URL, bounded where the database is: an id beyond 64 bits is a 422 with a
# reason instead of an overflow inside the query.
MAX_ID = 2**63 - 1
# The furthest a list may be paged; beyond it no list of Netral's has rows.
MAX_OFFSET = 10_000_000
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Offset = Annotated[int, Field(ge=0, le=MAX_OFFSET)]
