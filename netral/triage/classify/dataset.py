"""The labelled data set ``data/labelled.jsonl`` (how it is made: ``data/README.md``)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from netral.triage.classify.normalise import DATA_DIR

LABELLED_FILE = DATA_DIR / "labelled.jsonl"
NONE = "none"


@dataclass(frozen=True)
class Labelled:
    id: str
    text: str
    label: str
    split: str  # "train" or "test"
    register: str  # formal, informal, social, news
    provenance: str


def labelled_load(path: Path = LABELLED_FILE) -> list[Labelled]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rows.append(Labelled(**json.loads(line)))
    return rows


def labelled_sha256(path: Path = LABELLED_FILE) -> str:
    """The hash the artefact records: of the file's bytes, so any change to any row (train or
    test) marks the shipped model as trained on other data."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
