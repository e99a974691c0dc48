"""Precision and recall of the duplicate score on the labelled pairs
(``data/duplicates_labelled.json``; how they were made: ``data/README.md``). Printed by
``triage_eval``; ``tests/duplicates/test_eval.py`` keeps them above what was measured.

No database: each labelled report's signature is computed as for a stored one and every
labelled pair is scored (the look-up's candidate step is the LSH's business; its recall on
these pairs is printed too).
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from netral.triage.duplicates import THRESHOLD, Signature, score

DATA = Path(__file__).resolve().parent / "data" / "duplicates_labelled.json"

# What was measured at ``THRESHOLD`` on these pairs, less a margin: below is a regression.
PRECISION_BAR = 0.86
RECALL_BAR = 0.75


@dataclass(frozen=True)
class PairResult:
    a: str
    b: str
    kind: str
    duplicate: bool
    score: float
    shares_key: bool


@dataclass(frozen=True)
class DuplicateEval:
    threshold: float
    pairs: int
    positives: int
    precision: float
    recall: float
    candidate_recall: float
    errors: Counter[str]


def _signature(row: dict[str, Any]) -> Signature:
    return Signature.of(
        text=row["text"],
        nip=row["reported_nip"],
        name=row["reported_name"],
        agency=row["agency"],
        region_code=row["region"],
        event_date=datetime.date.fromisoformat(row["event_date"]),
    )


def pair_results(path: Path = DATA) -> list[PairResult]:
    data = json.loads(path.read_text(encoding="utf-8"))
    sigs = {row["id"]: _signature(row) for row in data["reports"]}
    results = []
    for pair in data["pairs"]:
        a, b = sigs[pair["a"]], sigs[pair["b"]]
        value, _reasons = score(a, b)
        shares = bool(a.nip and a.nip == b.nip) or bool(set(a.lsh_keys()) & set(b.lsh_keys()))
        results.append(
            PairResult(pair["a"], pair["b"], pair["kind"], pair["duplicate"], value, shares)
        )
    return results


def duplicate_eval(threshold: float = THRESHOLD, path: Path = DATA) -> DuplicateEval:
    results = pair_results(path)
    # A pair counts as found only when the look-up would reach it (a shared key) and it
    # scores at the threshold.
    found = [r for r in results if r.shares_key and r.score >= threshold]
    tp = sum(r.duplicate for r in found)
    positives = sum(r.duplicate for r in results)
    errors: Counter[str] = Counter()
    for r in results:
        hit = r.shares_key and r.score >= threshold
        if hit != r.duplicate:
            errors[("missed " if r.duplicate else "wrongly matched ") + r.kind] += 1
    return DuplicateEval(
        threshold=threshold,
        pairs=len(results),
        positives=positives,
        precision=tp / len(found) if found else 0.0,
        recall=tp / positives if positives else 0.0,
        candidate_recall=sum(r.duplicate and r.shares_key for r in results) / positives,
        errors=errors,
    )


def print_duplicate_eval(stdout: TextIO) -> DuplicateEval:
    """The duplicate section of ``triage_eval``."""
    result = duplicate_eval()
    stdout.write(
        f"Duplikat: {result.pairs} pasangan berlabel ({result.positives} duplikat), "
        f"ambang {result.threshold:.2f}\n"
        f"  presisi {result.precision:.3f}  recall {result.recall:.3f}  "
        f"(kandidat LSH/NIP menjangkau {result.candidate_recall:.3f} duplikat)\n"
    )
    for kind, count in result.errors.most_common():
        stdout.write(f"  {count:4d}  {kind}\n")
    return result


def duplicates_section(stdout: TextIO) -> bool:
    """``triage_eval``'s duplicate section: passes while precision and recall hold their bars."""
    result = print_duplicate_eval(stdout)
    stdout.write(f"  (batas: presisi {PRECISION_BAR}, recall {RECALL_BAR})\n")
    return result.precision >= PRECISION_BAR and result.recall >= RECALL_BAR
