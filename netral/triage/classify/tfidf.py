"""TF-IDF over the named features, one block per feature kind, written out so that training
and prediction weigh a text identically: sublinear term frequency (1 + ln count), smoothed
idf (ln((1 + n) / (1 + df)) + 1), each block scaled to unit length, blocks side by side."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from netral.triage.classify.features import BLOCKS
from netral.triage.classify.normalise import Token


@dataclass(frozen=True)
class Block:
    name: str
    vocabulary: dict[str, int]  # feature -> column within the block
    idf: tuple[float, ...]


@dataclass(frozen=True)
class Weighted:
    """One text's non-zero columns (over all blocks), and for each the token positions that
    produced it (a position once per occurrence)."""

    columns: list[int]
    values: list[float]
    sources: list[list[int]]


def blocks_fit(docs: Sequence[list[Token]], *, min_df: Mapping[str, int]) -> list[Block]:
    blocks = []
    for name, features in BLOCKS.items():
        df: Counter[str] = Counter()
        for tokens in docs:
            df.update({feature for feature, _ in features(tokens)})
        kept = sorted(f for f, count in df.items() if count >= min_df[name])
        n = len(docs)
        blocks.append(
            Block(
                name=name,
                vocabulary={f: i for i, f in enumerate(kept)},
                idf=tuple(math.log((1 + n) / (1 + df[f])) + 1 for f in kept),
            )
        )
    return blocks


def weigh(tokens: list[Token], blocks: Sequence[Block]) -> Weighted:
    out = Weighted(columns=[], values=[], sources=[])
    offset = 0
    for block in blocks:
        counts: Counter[int] = Counter()
        sources: defaultdict[int, list[int]] = defaultdict(list)
        for feature, positions in BLOCKS[block.name](tokens):
            column = block.vocabulary.get(feature)
            if column is not None:
                counts[column] += 1
                sources[column].extend(positions)
        weights = {c: (1 + math.log(k)) * block.idf[c] for c, k in counts.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for column in sorted(weights):
            out.columns.append(offset + column)
            out.values.append(weights[column] / norm)
            out.sources.append(sources[column])
        offset += len(block.vocabulary)
    return out


def width(blocks: Sequence[Block]) -> int:
    return sum(len(b.vocabulary) for b in blocks)
