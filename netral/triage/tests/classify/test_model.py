"""The shipped classifier (issue #12 item 2): quality on the test split, reproducible from
the data it records, refusing an artefact trained on other data, explaining its ranking."""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path

import numpy as np
import pytest

from netral.common.errors import ApplicationError
from netral.rules.selectors import violation_type_list
from netral.triage.classify.dataset import LABELLED_FILE, NONE, labelled_sha256
from netral.triage.classify.evaluate import scores_compute
from netral.triage.classify.predict import MAX_TEXT, ModelStale, classify, model_load
from netral.triage.classify.training import ARTEFACT_FILE, artefact_build, weights_decode


@pytest.fixture(scope="module")
def shipped() -> dict:
    return json.loads(ARTEFACT_FILE.read_text(encoding="utf-8"))


def test_shipped_artefact_reaches_macro_f1_085_on_the_test_split() -> None:
    scores = scores_compute(model_load(strict=True))
    assert scores.examples >= 150
    assert scores.macro_f1 >= 0.85
    assert all(f1 > 0.5 for _p, _r, f1, _n in scores.per_type.values())


def test_retraining_reproduces_the_artefact_and_its_data_hash(shipped: dict) -> None:
    again = artefact_build(temperature=shipped["temperature"])
    assert again["data_sha256"] == shipped["data_sha256"] == labelled_sha256()
    assert again["classes"] == shipped["classes"]
    assert [b["features"] for b in again["blocks"]] == [b["features"] for b in shipped["blocks"]]
    assert np.allclose(
        weights_decode(again["coef"]), weights_decode(shipped["coef"]), atol=2e-3, rtol=1e-2
    )


def test_classes_are_the_rulebook_types_and_none(shipped: dict) -> None:
    assert set(shipped["classes"]) == {t.code for t in violation_type_list()} | {NONE}


def test_artefact_is_small_json_without_code(shipped: dict) -> None:
    assert ARTEFACT_FILE.stat().st_size < 2_000_000
    assert shipped["format"] == 1 and "pickle" not in ARTEFACT_FILE.read_text(encoding="utf-8")


def test_a_model_trained_on_other_data_is_refused_when_strict(tmp_path: Path) -> None:
    data = tmp_path / "labelled.jsonl"
    shutil.copy(LABELLED_FILE, data)
    with data.open("a", encoding="utf-8") as f:
        f.write('{"id": "x", "text": "baru", "label": "none", "split": "train", ')
        f.write('"register": "formal", "provenance": "test"}\n')
    with pytest.raises(ModelStale, match="triage_train"):
        model_load(data=data, strict=True)


def test_a_model_trained_on_other_data_still_suggests_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = tmp_path / "labelled.jsonl"
    data.write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        model = model_load(data=data)
    assert "triage_train" in caplog.text
    assert model.rank("spanduk paslon")[0].code


def test_a_damaged_artefact_is_refused(tmp_path: Path, shipped: dict) -> None:
    broken = dict(shipped, coef=dict(shipped["coef"], base64="AAAA"))
    path = tmp_path / "classifier.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(ModelStale):
        model_load(path=path)


def test_ranking_is_every_type_best_first_with_confidences_summing_to_one() -> None:
    ranked = classify(text="Guru SD itu masang baliho paslon 02 di pagar rumahnya")
    assert ranked[0].code == "alat_peraga_calon"
    assert len(ranked) == len(violation_type_list()) + 1
    confidences = [t.confidence for t in ranked]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1, abs=1e-3)
    assert "baliho" in ranked[0].because


@pytest.mark.parametrize(
    ("text", "code", "word"),
    [
        ("abis nyoblos foto jari ungu di tps, posting fb sudah mencoblos", NONE, "jari"),
        ("Kadis ngerahin semua pegawai PNS buat ikut kampanye paslon 01", "mengerahkan_pns", None),
        ("pns dinsos itu ngelike dan komen di postingan ig cabup", "interaksi_akun_calon", None),
        ("Camat memakai mobil dinas plat merah ke lokasi kampanye", "fasilitas_negara", "dinas"),
    ],
)
def test_examples_outside_the_data_set(text: str, code: str, word: str | None) -> None:
    best = classify(text=text)[0]
    assert best.code == code
    if word:
        assert word in best.because


def test_because_names_the_words_as_written() -> None:
    written = ["kades2", "ikut", "pasang", "spanduk", "calon", "bupati"]
    best = classify(text=" ".join(written))[0]
    assert best.because and all(w in written for w in best.because)


def test_text_length_is_bounded() -> None:
    with pytest.raises(ApplicationError) as refused:
        classify(text="a" * (MAX_TEXT + 1))
    assert refused.value.field == "text"
    assert classify(text="")[0].code
