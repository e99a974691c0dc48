"""The model's features, named from tokens: stems and stem pairs (``w:``) and character
3-5-grams of each normalised word with its boundaries (``c:``), as scikit-learn's ``char_wb``
makes them. Each feature comes with the token positions that produced it, so a prediction can
say which written words drove it. Training and prediction call the same functions."""

from __future__ import annotations

from collections.abc import Iterator

from netral.triage.classify.normalise import Token

CHAR_SIZES = (3, 4, 5)


def word_features(tokens: list[Token]) -> Iterator[tuple[str, tuple[int, ...]]]:
    for i, token in enumerate(tokens):
        yield "w:" + token.stem, (i,)
        if i + 1 < len(tokens):
            yield f"w:{token.stem} {tokens[i + 1].stem}", (i, i + 1)


def char_features(tokens: list[Token]) -> Iterator[tuple[str, tuple[int, ...]]]:
    for i, token in enumerate(tokens):
        padded = f" {token.norm} "
        for size in CHAR_SIZES:
            for start in range(max(1, len(padded) - size + 1)):
                yield "c:" + padded[start : start + size], (i,)


def word_analyzer(tokens: list[Token]) -> list[str]:
    return [name for name, _ in word_features(tokens)]


def char_analyzer(tokens: list[Token]) -> list[str]:
    return [name for name, _ in char_features(tokens)]


BLOCKS = {"word": word_features, "char": char_features}
