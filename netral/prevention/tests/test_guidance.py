"""Issue #11 item 4: "Boleh atau tidak?" (the guide, its question box and its API)."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from netral.prevention.guidance import (
    MAX_QUESTION,
    guidance_file_load,
    guidance_search,
    guide_entries,
)
from netral.rules.selectors import violation_type_list

API = "/api/guidance"
PAGE = "/boleh-atau-tidak/"


def _codes(question: str) -> list[str]:
    return [m.entry.code for m in guidance_search(question=question)]


def test_every_violation_type_has_guidance_and_permitted_acts_are_sourced() -> None:
    data = guidance_file_load()
    assert {g.code for g in data.forbidden} == {t.code for t in violation_type_list()}
    assert all(p.legal_basis for p in data.permitted)
    assert any(p.code == "memberikan_suara" and p.confirmed for p in data.permitted)


@pytest.mark.parametrize("entry", guide_entries(), ids=lambda e: e.code)
def test_each_act_is_reachable_by_a_plain_question_from_its_example(entry: Any) -> None:
    for example in entry.examples:
        assert entry.code in _codes(f"Bolehkah saya {example.lower()}?")[:3], example


def test_liking_a_candidates_post_is_a_forbidden_social_media_act(client: Client) -> None:
    body = client.get(API, {"q": "bolehkah saya like postingan calon bupati?"}).json()
    first = body["results"][0]
    assert first["code"] == "interaksi_akun_calon"
    assert first["verdict"] == "forbidden"
    assert "Hukuman disiplin" in first["sanction"]
    assert "SKB 2022" in first["legal_basis"]
    scores = [r["score"] for r in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_voting_is_allowed(client: Client) -> None:
    first = client.get(API, {"q": "bolehkah saya mencoblos"}).json()["results"][0]
    assert (first["code"], first["verdict"]) == ("memberikan_suara", "allowed")
    assert first["sanction"] == ""


@pytest.mark.parametrize("question", ["", "   ", "!!!???", "zzqx qwrt", "\u0000\ud7ff"])
def test_empty_or_garbage_question_answers_nothing(client: Client, question: str) -> None:
    response = client.get(API, {"q": question})
    assert response.status_code == 200
    assert response.json() == {"results": []}


def test_overlong_question_is_refused_with_a_reason(client: Client) -> None:
    response = client.get(API, {"q": "kampanye " * 100})
    assert response.status_code == 400
    assert str(MAX_QUESTION) in response.json()["detail"]
    page = client.get(PAGE, {"q": "x" * (MAX_QUESTION + 1)})
    assert page.status_code == 400
    assert str(MAX_QUESTION) in page.content.decode()


@pytest.mark.django_db
def test_page_answers_without_javascript_and_lists_the_whole_guide(client: Client) -> None:
    page = client.get(PAGE, {"q": "bolehkah saya selfie dengan paslon?"}).content.decode()
    answers, guide = page.split('id="forbidden"', 1)
    assert 'id="foto_gestur_keberpihakan"' in answers
    assert 'href="/lapor/"' in answers
    for t in violation_type_list():
        assert f'id="{t.code}"' in guide
    assert 'id="memberikan_suara"' in guide
    assert "guidance.css" in page


@pytest.mark.django_db
def test_page_renders_in_english(client: Client) -> None:
    client.cookies["django_language"] = "en"
    page = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Allowed or not?" in page
    assert "Campaigning or promoting a candidate on social media" in page
    assert "Moral sanction" in page


def test_attending_an_official_event_depends() -> None:
    first = guidance_search(question="Bolehkah saya hadir upacara dinas yang dihadiri petahana?")[0]
    assert (first.entry.code, first.entry.verdict) == ("hadir_acara_dinas", "depends")
