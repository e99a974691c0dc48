"""The tokenizer every extractor reads: words, runs of ASCII digits and single other
characters, each with its span in the original text.

One linear pass (``re.finditer`` over three alternatives that each repeat a single character
class, so no input can make it backtrack); the extractors then walk the token list with small
state machines instead of running patterns over the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Digits, letters (any script, no digits or underscore) or one other visible character.
_TOKEN = re.compile(r"[0-9]+|[^\W0-9_]+|\S")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    lower: str

    @property
    def is_digits(self) -> bool:
        return self.text.isascii() and self.text.isdigit()

    @property
    def is_word(self) -> bool:
        return self.text.isalpha()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)]


def adjacent(left: Token, right: Token) -> bool:
    """No character between the two tokens."""
    return left.end == right.start


def gap(text: str, left: Token, right: Token) -> str:
    return text[left.end : right.start]


def spaced(text: str, left: Token, right: Token) -> bool:
    """At most one blank (a space or a tab; no line break) between the two tokens."""
    between = gap(text, left, right)
    return between in ("", " ", "\t", "\u00a0")


def small_int(token: Token, *, digits: int = 9) -> int | None:
    """The token's value when it is a run of at most ``digits`` ASCII digits (never a huge
    ``int()`` over attacker text)."""
    if token.is_digits and len(token.text) <= digits:
        return int(token.text)
    return None
