"""Cleaning untrusted text at the door: invisible and direction-changing characters.

A name such as ``"Budi\u202eodraH"`` shows as "BudiHardo" reversed, and ``"Bu\u200bdi"`` looks
like "Budi" while matching nothing in a search: both mislead the staff who read them and
break duplicate detection. Names lose every such character; free text (chronologies,
messages) loses the bidi controls and zero-width characters but keeps its line breaks.
One linear pass over the characters: no regular expression over attacker text.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django import forms

# Bidirectional embedding/override/isolate controls and marks (Unicode UAX #9).
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
# Zero-width and invisible joiners/spaces, the word joiner and the byte-order mark.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff\u180e")
INVISIBLE = BIDI_CONTROLS | ZERO_WIDTH


def _normalised(value: str) -> str:
    try:
        return unicodedata.normalize("NFC", value)
    except UnicodeError:  # a lone surrogate: leave it for the field's own validation
        return value


def clean_text(value: str) -> str:
    """Free text without bidi controls or zero-width characters (line breaks kept)."""
    return "".join(ch for ch in _normalised(value) if ch not in INVISIBLE)


def clean_name(value: str) -> str:
    """A name on one line: no invisible, format or control characters, spaces collapsed."""
    kept: list[str] = []
    for ch in _normalised(value):
        if ch in INVISIBLE:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Zl", "Zp") or ch.isspace():
            kept.append(" ")
        elif category != "Cf":
            kept.append(ch)
    return " ".join("".join(kept).split())


class NameField(forms.CharField):
    """A one-line name, cleaned by ``clean_name`` before ``required``/``max_length`` apply."""

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return clean_name(value) if isinstance(value, str) else value


class FreeTextField(forms.CharField):
    """Free text, cleaned by ``clean_text`` before the length checks apply."""

    def to_python(self, value: Any) -> Any:
        value = super().to_python(value)
        return clean_text(value).strip() if isinstance(value, str) else value
