"""Load the shipped artefact and rank violation types for a text.

The artefact is plain JSON read into arrays (no pickle, no scikit-learn at run time, nothing
downloaded). Loading compares the hashes it records with the data set and slang table beside
it: a mismatch means the model was trained on other data; ``strict`` callers (evaluation,
tests) refuse it, the API logs a warning and still suggests (suggestions are only ever
proposals to staff).
"""

from __future__ import annotations

import json
import logging
import math
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from netral.common.errors import ApplicationError
from netral.triage.classify.dataset import LABELLED_FILE, labelled_sha256
from netral.triage.classify.normalise import Token, slang_sha256, tokenise
from netral.triage.classify.tfidf import Block, weigh
from netral.triage.classify.training import ARTEFACT_FILE, FORMAT, weights_decode

logger = logging.getLogger(__name__)

MAX_TEXT = 20_000
TEXT_TOO_LONG = "Teks terlalu panjang untuk diklasifikasi: paling banyak {limit} karakter."
STALE = (
    "Model klasifikasi dilatih dengan data lain ({what} berbeda dari yang tercatat di "
    "artefak). Latih ulang: python manage.py triage_train."
)
BAD_FORMAT = "Artefak model klasifikasi berformat {found}, diharapkan {expected}."
BECAUSE = 5
# Words too common to explain anything; a feature of theirs may still weigh, unnamed.
_UNTELLING_WORDS = (
    "yang dan di ke dari pada untuk dengan itu ini ada tidak sudah juga saya kami ya the "
    "sebagai dalam oleh atau akan karena tapi bapak ibu"
)
_UNTELLING = frozenset(_UNTELLING_WORDS.split(" "))


class ModelStale(Exception):
    pass


@dataclass(frozen=True)
class TypeScore:
    code: str
    confidence: float
    because: list[str]


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    blocks: tuple[Block, ...]
    coef: np.ndarray  # classes x features
    intercept: np.ndarray
    temperature: float
    data_sha256: str
    slang_sha256: str

    def rank(self, text: str) -> list[TypeScore]:
        tokens = tokenise(text)
        weighted = weigh(tokens, self.blocks)
        columns = np.array(weighted.columns, dtype=np.int64)
        values = np.array(weighted.values)
        contributions = self.coef[:, columns] * values  # classes x present columns
        logits = (contributions.sum(axis=1) + self.intercept) / self.temperature
        logits -= logits.max()
        probabilities = np.exp(logits) / np.exp(logits).sum()
        ranked = []
        for k in np.argsort(-probabilities, kind="stable"):
            ranked.append(
                TypeScore(
                    code=self.classes[k],
                    confidence=round(float(probabilities[k]), 4),
                    because=_because(tokens, contributions[k], weighted.sources),
                )
            )
        return ranked


def _because(tokens: list[Token], contributions: np.ndarray, sources: list[list[int]]) -> list[str]:
    """The written words with the largest positive share of the class's score: each
    feature's contribution is split evenly over the token occurrences that produced it."""
    per_word: defaultdict[str, float] = defaultdict(float)
    for value, positions in zip(contributions.tolist(), sources, strict=True):
        if value <= 0 or not positions:
            continue
        share = value / len(positions)
        for position in positions:
            per_word[tokens[position].surface] += share
    best = sorted(per_word.items(), key=lambda item: (-item[1], item[0]))
    return [w for w, v in best if v > 0 and w not in _UNTELLING and not w.isdigit()][:BECAUSE]


def model_load(
    *, path: Path = ARTEFACT_FILE, data: Path = LABELLED_FILE, strict: bool = False
) -> Model:
    raw = json.loads(path.read_text(encoding="utf-8"))
    if raw.get("format") != FORMAT:
        raise ModelStale(BAD_FORMAT.format(found=raw.get("format"), expected=FORMAT))
    for what, recorded, actual in (
        ("data set", raw["data_sha256"], labelled_sha256(data) if data.exists() else None),
        ("slang table", raw["slang_sha256"], slang_sha256()),
    ):
        if actual is not None and recorded != actual:
            if strict:
                raise ModelStale(STALE.format(what=what))
            logger.warning(STALE.format(what=what))
    try:
        coef = weights_decode(raw["coef"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ModelStale(BAD_FORMAT.format(found=f"rusak ({exc})", expected=FORMAT)) from exc
    blocks = tuple(
        Block(
            name=b["name"],
            vocabulary={f: i for i, f in enumerate(b["features"])},
            idf=tuple(b["idf"]),
        )
        for b in raw["blocks"]
    )
    temperature = float(raw["temperature"])
    if not (math.isfinite(temperature) and temperature > 0) or coef.shape != (
        len(raw["classes"]),
        sum(len(b.vocabulary) for b in blocks),
    ):
        raise ModelStale(BAD_FORMAT.format(found="rusak", expected=FORMAT))
    return Model(
        classes=tuple(raw["classes"]),
        blocks=blocks,
        coef=coef,
        intercept=np.array(raw["intercept"], dtype=np.float64),
        temperature=temperature,
        data_sha256=raw["data_sha256"],
        slang_sha256=raw["slang_sha256"],
    )


@cache
def shipped_model() -> Model:
    return model_load()


def classify(*, text: str) -> list[TypeScore]:
    """Every violation type and ``none``, best first. Text longer than ``MAX_TEXT``: 400."""
    if len(text) > MAX_TEXT:
        raise ApplicationError(TEXT_TOO_LONG, field="text", params={"limit": MAX_TEXT})
    return shipped_model().rank(text)
