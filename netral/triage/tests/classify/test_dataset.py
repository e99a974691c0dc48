"""The labelled data set (issue #12 item 2): size, coverage of the rulebook, registers, and a
train/test split without shared wording."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

import pytest

from netral.rules.selectors import violation_type_list
from netral.triage.classify.corpus.build import examples_build
from netral.triage.classify.dataset import LABELLED_FILE, NONE, labelled_load
from netral.triage.classify.normalise import tokenise

REGISTERS = {"formal", "informal", "social", "news"}


@pytest.fixture(scope="module")
def rows() -> list:
    return labelled_load()


def test_at_least_600_examples_over_every_rulebook_type_and_none(rows: list) -> None:
    assert len(rows) >= 600
    codes = {t.code for t in violation_type_list()} | {NONE}
    per_label = Counter(r.label for r in rows)
    assert set(per_label) == codes
    assert min(per_label.values()) >= 30


def test_every_label_has_train_and_test_examples_in_several_registers(rows: list) -> None:
    for label in {r.label for r in rows}:
        mine = [r for r in rows if r.label == label]
        splits = Counter(r.split for r in mine)
        assert splits["test"] >= 10 and splits["train"] >= 3 * splits["test"] * 0.8, label
        assert {r.register for r in mine} == REGISTERS, label
    assert {r.split for r in rows} == {"train", "test"}


def test_test_examples_share_no_frame_and_no_normalised_text_with_train(rows: list) -> None:
    train_frames = {r.provenance for r in rows if r.split == "train"}
    test_frames = {r.provenance for r in rows if r.split == "test"}
    assert not train_frames & test_frames

    def normal(text: str) -> str:
        return " ".join(t.stem for t in tokenise(text))

    train_texts = {normal(r.text) for r in rows if r.split == "train"}
    assert not [r.id for r in rows if r.split == "test" and normal(r.text) in train_texts]


def test_no_test_example_is_a_near_copy_of_a_training_one(rows: list) -> None:
    """Word sets: every test example differs from its nearest training example of the same
    label in at least a fifth of its words (slot values alone would differ less)."""

    def words(text: str) -> set[str]:
        return {t.stem for t in tokenise(text)}

    train: dict[str, list[set[str]]] = {}
    for r in rows:
        if r.split == "train":
            train.setdefault(r.label, []).append(words(r.text))
    worst = 0.0
    for r in rows:
        if r.split == "test":
            mine = words(r.text)
            worst = max(worst, *(len(mine & w) / len(mine | w) for w in train[r.label]))
    assert worst < 0.8


def test_the_file_is_what_the_builder_makes() -> None:
    """Deterministic: rebuilding the data set gives the shipped file byte for byte."""
    built = "".join(json.dumps(asdict(e), ensure_ascii=False) + "\n" for e in examples_build())
    assert built == LABELLED_FILE.read_text(encoding="utf-8")
