"""JSON from strangers, parsed with limits: the API's body parser and the intake's.

``json.loads`` alone answers hostile input with a crash: 1,000 nested brackets exhaust the
recursion limit, a 5,000-digit number exceeds Python's integer conversion limit, and an escaped
lone surrogate (``"\\ud800"``) parses fine but cannot be stored or encoded later. ``loads``
refuses all three with ``JsonRejected`` and a reason, in time linear in the size of the text.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from django.http import HttpRequest
from ninja.parser import Parser

from netral.common.errors import TranslatedError

# Netral's own bodies are at most four levels deep (the intake's reporter object with lists).
MAX_DEPTH = 32
# Enough for any id, count or coordinate; a longer literal is an attack or a mistake.
MAX_NUMBER_CHARS = 40
# Integers are ids, counts and offsets: they must fit the database's 64-bit integers.
MAX_INT = 2**63 - 1
# A JSON body (no files: those come as multipart) beyond this is refused before parsing.
MAX_JSON_BYTES = 1024 * 1024

TOO_LARGE = "Isi JSON terlalu besar (lebih dari {kb} KB)."
TOO_DEEP = "JSON bersarang terlalu dalam (lebih dari {depth} tingkat)."
NUMBER_TOO_LONG = "Angka dalam JSON terlalu panjang (lebih dari {chars} karakter)."
NUMBER_OUT_OF_RANGE = "Angka dalam JSON di luar batas yang diterima."
NOT_A_NUMBER = "JSON memuat {value}, yang bukan angka yang sah."
LONE_SURROGATE = "JSON memuat karakter Unicode tidak sah (surrogate tunggal)."
NOT_UTF8 = "Isi permintaan bukan teks UTF-8 yang sah."
BAD_JSON = "JSON tidak valid: {error}"

# Characters that matter to nesting; everything else is skipped in C by ``finditer``.
_STRUCTURE = re.compile(r'["\\\[\]{}]')
# A high or low surrogate written as an escape; a raw one cannot occur in valid UTF-8.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


class JsonRejected(TranslatedError, ValueError):
    """Text that is not JSON Netral accepts; ``message`` says why, in the reader's language."""


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH``, counting brackets outside strings only."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return  # the common case: too few brackets to be too deep
    depth = 0
    in_string = False
    skip_at = -1  # the position after a backslash inside a string
    for match in _STRUCTURE.finditer(text):
        char, at = match.group(), match.start()
        if at == skip_at:
            continue
        if in_string:
            if char == "\\":
                skip_at = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise JsonRejected(TOO_DEEP, params={"depth": MAX_DEPTH})
        elif char in "]}":
            depth -= 1


def _parse_int(literal: str) -> int:
    if len(literal) > MAX_NUMBER_CHARS:
        raise JsonRejected(NUMBER_TOO_LONG, params={"chars": MAX_NUMBER_CHARS})
    value = int(literal)
    if not -MAX_INT - 1 <= value <= MAX_INT:
        raise JsonRejected(NUMBER_OUT_OF_RANGE)
    return value


def _parse_float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_CHARS:
        raise JsonRejected(NUMBER_TOO_LONG, params={"chars": MAX_NUMBER_CHARS})
    value = float(literal)
    if not math.isfinite(value):  # 1e999
        raise JsonRejected(NUMBER_OUT_OF_RANGE)
    return value


def _parse_constant(name: str) -> Any:
    raise JsonRejected(NOT_A_NUMBER, params={"value": name})  # NaN, Infinity, -Infinity


def loads(raw: bytes | str, *, max_bytes: int = MAX_JSON_BYTES) -> Any:
    """Parse ``raw`` as JSON within Netral's limits; ``JsonRejected`` with a reason if not."""
    if len(raw) > max_bytes:
        raise JsonRejected(TOO_LARGE, params={"kb": max_bytes // 1024})
    if isinstance(raw, bytes):
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise JsonRejected(NOT_UTF8) from None
    else:
        text = raw
    _check_depth(text)
    try:
        value = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except json.JSONDecodeError as error:
        raise JsonRejected(BAD_JSON, params={"error": error}) from None
    except RecursionError:  # unreachable after _check_depth; kept as a second fence
        raise JsonRejected(TOO_DEEP, params={"depth": MAX_DEPTH}) from None
    if _SURROGATE_ESCAPE.search(text):
        # Paired surrogates (an emoji) decode to one character; a lone one stays and fails
        # to encode. One C-speed round trip finds it anywhere, keys included.
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise JsonRejected(LONE_SURROGATE) from None
    return value


class BoundedParser(Parser):
    """django-ninja's body parser with ``loads``' limits (``NinjaAPI(parser=...)``)."""

    def parse_body(self, request: HttpRequest) -> Any:
        return loads(request.body)
