"""The duplicate score on the labelled pairs stays where it was measured (precision 0.889,
recall 0.780 at the threshold 0.6, 390 pairs), within a margin."""

from __future__ import annotations

import io
import json
from collections import Counter

from netral.triage.duplicates_eval import DATA, duplicate_eval, print_duplicate_eval

MARGIN = 0.03


def test_precision_and_recall_stay_above_what_was_measured() -> None:
    result = duplicate_eval()
    assert result.precision >= 0.889 - MARGIN
    assert result.recall >= 0.780 - MARGIN


def test_the_labelled_set_has_enough_pairs_of_each_kind() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    ids = {row["id"] for row in data["reports"]}
    kinds = Counter((p["kind"], p["duplicate"]) for p in data["pairs"])
    assert len(data["pairs"]) >= 150
    assert all(p["a"] in ids and p["b"] in ids for p in data["pairs"])
    assert kinds[("same_event_retold", True)] >= 60
    assert kinds[("same_person_other_event", False)] >= 60
    assert kinds[("similar_name_other_person", False)] >= 20


def test_triage_eval_section_prints_precision_and_recall() -> None:
    out = io.StringIO()
    print_duplicate_eval(out)
    words = out.getvalue().split()
    precision = float(words[words.index("presisi") + 1])
    recall = float(words[words.index("recall") + 1])
    assert precision >= 0.86 and recall >= 0.75  # the limits triage_eval enforces
