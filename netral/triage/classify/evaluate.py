"""Scores of a model on the data set's test split: macro-F1, F1 per type, and the most
frequent confusions (true type -> predicted type)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from netral.triage.classify.dataset import Labelled, labelled_load
from netral.triage.classify.predict import Model


@dataclass(frozen=True)
class Scores:
    examples: int
    macro_f1: float
    per_type: dict[str, tuple[float, float, float, int]]  # precision, recall, F1, support
    confusions: list[tuple[str, str, int]]


def scores_compute(model: Model, rows: list[Labelled] | None = None) -> Scores:
    test = [r for r in (rows if rows is not None else labelled_load()) if r.split == "test"]
    predicted = [model.rank(r.text)[0].code for r in test]
    truth = [r.label for r in test]
    per_type: dict[str, tuple[float, float, float, int]] = {}
    for code in sorted(set(truth) | set(model.classes)):
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p == code)
        fp = sum(1 for t, p in zip(truth, predicted, strict=True) if p == code != t)
        fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t == code != p)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_type[code] = (precision, recall, f1, tp + fn)
    present = [v[2] for v in per_type.values() if v[3]]
    confusions = Counter((t, p) for t, p in zip(truth, predicted, strict=True) if t != p)
    return Scores(
        examples=len(test),
        macro_f1=sum(present) / len(present) if present else 0.0,
        per_type=per_type,
        confusions=[(t, p, n) for (t, p), n in confusions.most_common()],
    )
