"""Issue #11 "Done when": the guide answers plain questions; each forbidden act of the SKB
annex (and every other entry) is reachable by a plain question at rank 1.

The questions are in ``questions.toml``: a first batch of 60 written before the scorer was
tuned, and a held-out batch written after it and never tuned on. The share answered at rank
1 is printed (``pytest -s``) and must stay above a floor.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from django.test import Client

from netral.prevention.guidance import GuideEntry, guidance_search, guide_entries
from netral.rules.selectors import violation_type_list

QUESTIONS = tomllib.loads((Path(__file__).parent / "questions.toml").read_text(encoding="utf-8"))[
    "questions"
]
# Measured when written: 59/60 tuned batch (50/60 with the scorer before tuning), 11/12 held
# out. Floors leave room for a new entry to take one or two questions, not for a broken scorer.
FLOOR_TUNED = 0.9
FLOOR_HELD_OUT = 0.75


def _first(question: str) -> str | None:
    matches = guidance_search(question=question)
    return matches[0].entry.code if matches else None


def _share(batch: str) -> tuple[int, int]:
    asked = [q for q in QUESTIONS if q.get("batch", "tuned") == batch]
    right = sum(_first(q["q"]) == q["code"] for q in asked)
    return right, len(asked)


def test_the_question_set_is_varied_and_covers_every_entry() -> None:
    assert len(QUESTIONS) >= 40
    codes = {e.code for e in guide_entries()}
    assert {q["code"] for q in QUESTIONS} == codes


@pytest.mark.parametrize("entry", guide_entries(), ids=lambda e: e.code)
def test_every_entry_is_the_first_answer_to_some_plain_question(entry: GuideEntry) -> None:
    code = entry.code
    asked = [q["q"] for q in QUESTIONS if q["code"] == code]
    assert any(_first(q) == code for q in asked), (code, [(q, _first(q)) for q in asked])


def test_each_act_of_the_skb_annex_is_reachable_by_a_plain_question() -> None:
    reached = {q["code"] for q in QUESTIONS if _first(q["q"]) == q["code"]}
    skb = {t.code for t in violation_type_list() if t.source == "skb_2022"}
    assert skb <= reached, skb - reached


@pytest.mark.parametrize(
    ("question", "code", "verdict"),
    [
        ("bolehkah saya like postingan calon bupati?", "interaksi_akun_calon", "forbidden"),
        ("boleh ga foto pose 2 jari sama calon?", "foto_gestur_keberpihakan", "forbidden"),
        ("apakah ASN boleh nyoblos?", "memberikan_suara", "allowed"),
        ("boleh menyebarkan brosur calon ke tetangga?", "kegiatan_keberpihakan", "forbidden"),
        (
            "kalau dikasih kalender calon di jalan, boleh diterima?",
            "menerima_bahan_kampanye",
            "allowed",
        ),
    ],
)
def test_the_issues_examples_rank_first_with_their_verdict(
    client: Client, question: str, code: str, verdict: str
) -> None:
    first = client.get("/api/guidance", {"q": question}).json()["results"][0]
    assert (first["code"], first["verdict"]) == (code, verdict)


def test_spreading_material_is_never_answered_as_allowed_receiving() -> None:
    for question in ("boleh sebar brosur calon?", "boleh nempel selebaran paslon?"):
        codes = [m.entry.code for m in guidance_search(question=question)]
        assert "menerima_bahan_kampanye" not in codes, question


def test_share_answered_at_rank_one() -> None:
    tuned, tuned_n = _share("tuned")
    held, held_n = _share("held_out")
    print(f"\nrank-1: tuned {tuned}/{tuned_n}, held out {held}/{held_n}")
    assert tuned / tuned_n >= FLOOR_TUNED
    assert held_n >= 10 and held / held_n >= FLOOR_HELD_OUT
