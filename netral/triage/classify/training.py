"""Fit the classifier and write its artefact (``manage.py triage_train``).

A multinomial logistic regression over TF-IDF word and character features. Its softmax is
then calibrated with one temperature fitted on out-of-fold scores, the folds grouped by
sentence frame, so that confidence reflects how the model fares on wording it has not seen.
The artefact is JSON: vocabularies, idf, coefficients, temperature and the hashes of the
data and the slang table it was trained with.
"""

from __future__ import annotations

import base64
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from scipy.optimize import minimize_scalar

from netral.triage.classify.dataset import LABELLED_FILE, Labelled, labelled_load, labelled_sha256
from netral.triage.classify.normalise import DATA_DIR, slang_sha256, tokenise
from netral.triage.classify.tfidf import Block, blocks_fit, weigh, width

ARTEFACT_FILE = DATA_DIR / "classifier.json"
FORMAT = 1
# Least number of training texts a feature must occur in, per block: rarer character grams
# mostly spell names and places.
MIN_DF = {"word": 2, "char": 6}
C = 10.0
FOLDS = 5
DIGITS = 6  # significant digits kept for idf and intercepts
# Weights are stored as little-endian float16 in base64: a quarter of their JSON size, and
# far finer than the model's own uncertainty (the test checks the scores are unchanged).
WEIGHT_DTYPE = "<f2"


@dataclass(frozen=True)
class Fitted:
    classes: list[str]
    blocks: list[Block]
    coef: np.ndarray  # classes x features
    intercept: np.ndarray


def _matrix(rows: list[Labelled], blocks: list[Block]) -> sparse.csr_matrix:
    data, indices, indptr = [], [], [0]
    for row in rows:
        weighted = weigh(tokenise(row.text), blocks)
        data.extend(weighted.values)
        indices.extend(weighted.columns)
        indptr.append(len(indices))
    return sparse.csr_matrix((data, indices, indptr), shape=(len(rows), width(blocks)))


def _fit(rows: list[Labelled]) -> Fitted:
    from sklearn.linear_model import LogisticRegression

    blocks = blocks_fit([tokenise(r.text) for r in rows], min_df=MIN_DF)
    model = LogisticRegression(C=C, max_iter=5000)
    model.fit(_matrix(rows, blocks), [r.label for r in rows])
    return Fitted(
        classes=[str(c) for c in model.classes_],
        blocks=blocks,
        coef=model.coef_,
        intercept=model.intercept_,
    )


def _scores(fitted: Fitted, rows: list[Labelled]) -> np.ndarray:
    return np.asarray(_matrix(rows, fitted.blocks) @ fitted.coef.T) + fitted.intercept


def _temperature(rows: list[Labelled]) -> float:
    """The softmax temperature minimising the log loss of out-of-fold scores."""
    from sklearn.model_selection import GroupKFold

    labels = np.array([r.label for r in rows])
    groups = [r.provenance for r in rows]
    logits: list[np.ndarray] = []
    truth: list[int] = []
    for train_at, held_at in GroupKFold(n_splits=FOLDS).split(rows, labels, groups):
        fitted = _fit([rows[i] for i in train_at])
        held = [rows[i] for i in held_at]
        scores = _scores(fitted, held)
        for row, score in zip(held, scores, strict=True):
            if row.label in fitted.classes:
                logits.append(score)
                truth.append(fitted.classes.index(row.label))
    z = np.array(logits)
    y = np.array(truth)

    def loss(t: float) -> float:
        scaled = z / t
        scaled -= scaled.max(axis=1, keepdims=True)
        log_p = scaled - np.log(np.exp(scaled).sum(axis=1, keepdims=True))
        return float(-log_p[np.arange(len(y)), y].mean())

    return float(minimize_scalar(loss, bounds=(0.05, 20.0), method="bounded").x)


def _round(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def weights_encode(coef: np.ndarray) -> dict[str, Any]:
    packed = np.ascontiguousarray(coef, dtype=WEIGHT_DTYPE)
    return {
        "dtype": WEIGHT_DTYPE,
        "shape": list(coef.shape),
        "base64": base64.b64encode(packed.tobytes()).decode("ascii"),
    }


def weights_decode(raw: dict[str, Any]) -> np.ndarray:
    if raw.get("dtype") != WEIGHT_DTYPE:
        raise ValueError(f"weights of type {raw.get('dtype')!r}")
    rows, columns = (int(n) for n in raw["shape"])
    data = np.frombuffer(base64.b64decode(raw["base64"], validate=True), dtype=WEIGHT_DTYPE)
    if data.size != rows * columns or not np.isfinite(data).all():
        raise ValueError("weights do not match their shape")
    return data.reshape(rows, columns).astype(np.float64)


def artefact_build(
    path: Path = LABELLED_FILE, *, temperature: float | None = None
) -> dict[str, Any]:
    """The artefact trained on ``path``'s train split. ``temperature`` skips its calibration
    (five more fits) when it is already known, as when checking that training reproduces a
    shipped artefact."""
    rows = [r for r in labelled_load(path) if r.split == "train"]
    fitted = _fit(rows)
    if temperature is None:
        temperature = _temperature(rows)
    return {
        "format": FORMAT,
        "model": "tfidf(word 1-2 stems, char_wb 3-5) + multinomial logistic regression",
        "data_sha256": labelled_sha256(path),
        "slang_sha256": slang_sha256(),
        "trained_on": len(rows),
        "params": {"min_df": MIN_DF, "C": C, "folds": FOLDS},
        "temperature": _round(temperature),
        "classes": fitted.classes,
        "blocks": [
            {"name": b.name, "features": list(b.vocabulary), "idf": [_round(v) for v in b.idf]}
            for b in fitted.blocks
        ],
        "intercept": [_round(v) for v in fitted.intercept],
        "coef": weights_encode(fitted.coef),
    }


def artefact_write(artefact: dict[str, Any], path: Path = ARTEFACT_FILE) -> None:
    if not all(math.isfinite(v) for v in artefact["intercept"]):
        raise ValueError("non-finite intercept")
    weights_decode(artefact["coef"])  # refuses non-finite or misshapen weights
    path.write_text(json.dumps(artefact, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
