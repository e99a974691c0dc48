"""Item 3: the case exchange. The published schema, a decided case exported as a document
valid against it (one or a page, only what the token may see, no identity), and a partner's
answer imported through the desks' own services: the same end state as by hand, all or
nothing, bounded, idempotent on its ``answer_id``."""

from __future__ import annotations

import datetime
import json
from typing import Any

import jsonschema_rs
import pytest
from django.test import Client
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.services import api_token_create
from netral.audit.models import AuditEntry
from netral.cases import services as case_services
from netral.cases.models import Case, Verdict
from netral.cases.tests.factories import case_from_report
from netral.common import clock
from netral.followup import services as desk
from netral.followup.models import Recommendation, RecStatus, Sanction
from netral.partners.models import Event, ExchangeAnswer
from netral.rules.selectors import requirement_list

pytestmark = pytest.mark.usefixtures("elections")

SCHEMA_URL = "/api/schemas/case-exchange.json"
ANSWERS = "/api/exchange/answers"
NIP = "198503172010011004"
NAME = "Drs. Bambang Wijaya"


def _bearer(user: User) -> dict[str, str]:
    issued = api_token_create(actor=user, owner=user, name="sistem mitra")
    return {"Authorization": f"Bearer {issued.raw}"}


def _decided(make_user: Any, verdicts: list[str], office: str = "32.75") -> tuple[Case, str]:
    """A report's case registered, studied and decided with ``verdicts``; and its receipt."""
    case, receipt = case_from_report(region=office)
    staff = make_user(Role.BAWASLU_STAFF, office)
    checklist = {r.code: True for r in requirement_list()}
    case_services.case_register(actor=staff, case_id=case.pk, formal=checklist)
    case_services.case_start_study(actor=staff, case_id=case.pk)
    case_services.case_record_study(
        actor=staff, case_id=case.pk, facts="Fakta.", analysis="Analisis.", conclusion="Terbukti."
    )
    leader = make_user(Role.BAWASLU_LEADER, office)
    case = case_services.case_decide(
        actor=leader, case_id=case.pk, verdicts=verdicts, reason="Pleno."
    )
    return case, receipt


def _bkn_assessing(make_user: Any) -> tuple[Case, Recommendation, dict[str, str], dict[str, Any]]:
    """A decided case's recommendation, the BKN office's token, and its assessment answer."""
    case, _ = _decided(make_user, [Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    token = _bearer(make_user(Role.BKN_OFFICER, "32.75"))
    answer = {
        "type": "assessment",
        "recommendation_id": rec.pk,
        "assessment": "x",
        "sanction": "moderate",
    }
    return case, rec, token, answer


def _answer(case: Case, answer_id: str, *items: dict[str, Any]) -> dict[str, Any]:
    return {
        "schema": "netral.case-exchange/v1",
        "kind": "answer",
        "answer_id": answer_id,
        "case_id": case.pk,
        "answers": list(items),
    }


def _post(client: Client, headers: dict[str, str], body: Any) -> Any:
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return client.post(ANSWERS, data, content_type="application/json", headers=headers)


def _published_validator(client: Client) -> Any:
    schema = client.get(SCHEMA_URL).json()
    return jsonschema_rs.Draft202012Validator(schema, validate_formats=True)


def _rec_actions(rec: Recommendation) -> list[str]:
    return list(
        AuditEntry.objects.filter(object_type="followup.recommendation", object_id=str(rec.pk))
        .order_by("seq")
        .values_list("action", flat=True)
    )


def test_the_schema_is_published_versioned_and_valid(client: Client) -> None:
    answer = client.get(SCHEMA_URL)
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/json")
    schema = answer.json()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"].endswith(":v1")
    assert jsonschema_rs.meta.is_valid(schema)


def test_an_export_is_valid_against_the_published_schema_and_carries_no_identity(
    client: Client, make_user: Any, django_assert_max_num_queries: Any
) -> None:
    case, receipt = _decided(make_user, [Verdict.ASN_NEUTRALITY, Verdict.CRIMINAL])
    _decided(make_user, [Verdict.ASN_NEUTRALITY], office="32.73")  # another regency
    validator = _published_validator(client)
    bawaslu = _bearer(make_user(Role.BAWASLU_STAFF, "32.75"))

    answer = client.get(f"/api/cases/{case.pk}/exchange", headers=bawaslu)
    assert answer.status_code == 200
    document = answer.json()
    assert list(validator.iter_errors(document)) == []
    assert document["case"]["id"] == case.pk
    assert document["case"]["office"]["region"] == "32.75"
    assert sorted(document["decision"]["verdicts"]) == ["asn_neutrality", "criminal"]
    assert document["decision"]["legal_basis"]  # the criminal articles at least
    assert {r["addressee"] for r in document["recommendations"]} == {"bkn", "gakkumdu"}
    assert all(len(e["sha256"]) == 64 for e in document["evidence"] + document["documents"])
    text = answer.content.decode()
    assert NIP not in text and NAME not in text and receipt not in text

    # The batch holds the same documents, filtered by office and date, a page bounded.
    today = timezone.localdate(case.decided_at).isoformat()
    with django_assert_max_num_queries(12):
        page = client.get(
            "/api/exchange/cases",
            {"office": "32.75", "decided_after": today, "decided_before": today},
            headers=bawaslu,
        ).json()
    assert page["count"] == 1
    [listed] = page["results"]
    assert {**listed, "generated_at": None} == {**document, "generated_at": None}
    assert list(validator.iter_errors(listed)) == []
    # Twice the cases, the same queries: the page's documents are built in bulk.
    national = _bearer(make_user(Role.BAWASLU_LEADER))
    with django_assert_max_num_queries(12):
        both = client.get("/api/exchange/cases", headers=national).json()
    assert both["count"] == 2 and all(not list(validator.iter_errors(d)) for d in both["results"])
    later = (timezone.localdate(case.decided_at) + datetime.timedelta(days=1)).isoformat()
    assert (
        client.get("/api/exchange/cases", {"decided_after": later}, headers=bawaslu).json()["count"]
        == 0
    )
    for bad in ({"limit": 51}, {"decided_before": "0"}, {"decided_after": "2024-02-30"}):
        refused = client.get("/api/exchange/cases", bad, headers=bawaslu)
        assert refused.status_code == 422 and refused.json()["detail"], bad

    # A partner desk sees only its own recommendation, and no evidence unless it gets the
    # case file (BKN and Gakkumdu do; KPU has nothing of this case).
    gakkumdu = client.get(
        f"/api/cases/{case.pk}/exchange", headers=_bearer(make_user(Role.GAKKUMDU, "32.75"))
    ).json()
    assert [r["addressee"] for r in gakkumdu["recommendations"]] == ["gakkumdu"]
    assert list(validator.iter_errors(gakkumdu)) == []
    kpu = _bearer(make_user(Role.KPU, "32.75"))
    assert client.get(f"/api/cases/{case.pk}/exchange", headers=kpu).status_code == 404


def test_a_token_outside_the_jurisdiction_or_role_is_refused(
    client: Client, make_user: Any
) -> None:
    case, _ = _decided(make_user, [Verdict.ASN_NEUTRALITY])
    rec = Recommendation.objects.get(case=case)
    url = f"/api/cases/{case.pk}/exchange"
    elsewhere = _bearer(make_user(Role.BKN_OFFICER, "32.73"))
    assert client.get(url, headers=elsewhere).status_code == 404
    assert client.get("/api/exchange/cases", headers=elsewhere).json()["count"] == 0
    assessment = {
        "type": "assessment",
        "recommendation_id": rec.pk,
        "assessment": "Terbukti.",
        "sanction": "moderate",
    }
    refused = _post(client, elsewhere, _answer(case, "x-1", assessment))
    assert refused.status_code == 404 and "detail" in refused.json()
    # The PPK office sees it only once BKN passed it on; administrators never.
    assert client.get(url, headers=_bearer(make_user(Role.PPK_OFFICE, "32.75"))).status_code == 404
    assert client.get(url, headers=_bearer(make_user(Role.ADMIN))).status_code == 403
    assert client.get(url).status_code == 401
    rec.refresh_from_db()
    assert rec.status == RecStatus.ISSUED and not ExchangeAnswer.objects.exists()


def _state(rec: Recommendation) -> dict[str, Any]:
    rec.refresh_from_db()
    sanction = Sanction.objects.get(recommendation=rec)
    return {
        "status": rec.status,
        "assessment": rec.assessment,
        "recommended_sanction": rec.recommended_sanction,
        "assessed_at": rec.assessed_at,
        "due_at": rec.due_at,
        "ended_at": rec.ended_at,
        "assignee": rec.assignee_id,
        "case_status": rec.case.status,
        "sanction": {
            f: getattr(sanction, f)
            for f in ("imposed", "decree_number", "decree_date", "sanction", "option", "reason")
        },
        "sanction_recorded_at": sanction.recorded_at,
        "audit": _rec_actions(rec),
        "events": list(
            Event.objects.filter(data__recommendation_id=rec.pk)
            .order_by("pk")
            .values_list("type", "data__status")
        ),
    }


def test_an_exported_answered_and_imported_case_ends_as_the_desks_leave_it_by_hand(
    client: Client, make_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_hand, _ = _decided(make_user, [Verdict.ASN_NEUTRALITY])
    exchanged, _ = _decided(make_user, [Verdict.ASN_NEUTRALITY])
    bkn, ppk = make_user(Role.BKN_OFFICER, "32.75"), make_user(Role.PPK_OFFICE, "32.75")
    now = clock.now()
    monkeypatch.setattr(clock, "now", lambda: now)  # both paths at the same instant
    today = timezone.localdate(now)
    assessment = {"assessment": "Terbukti mengunggah materi kampanye.", "sanction": "moderate"}
    decree: dict[str, Any] = {
        "imposed": True,
        "decree_number": "800/123/BKPSDM/2024",
        "decree_date": today,
        "sanction": "moderate",
        "option": "potong_tukin_6_bulan",
    }

    # By hand, at the desks.
    hand_rec = Recommendation.objects.get(case=by_hand)
    desk.recommendation_assess(actor=bkn, rec_id=hand_rec.pk, **assessment)
    desk.sanction_record(actor=ppk, rec_id=hand_rec.pk, **decree)

    # Through the exchange: BKN's system exports and answers, then the PPK's.
    validator = _published_validator(client)
    bkn_token, ppk_token = _bearer(bkn), _bearer(ppk)
    exported = client.get(f"/api/cases/{exchanged.pk}/exchange", headers=bkn_token).json()
    assert list(validator.iter_errors(exported)) == []
    [rec_doc] = exported["recommendations"]
    first = _answer(
        exchanged,
        "BKN-2024-0001",
        {"type": "assessment", "recommendation_id": rec_doc["id"], **assessment},
    )
    assert list(validator.iter_errors(first)) == []
    assert _post(client, bkn_token, first).status_code == 201
    for_ppk = client.get(f"/api/cases/{exchanged.pk}/exchange", headers=ppk_token).json()
    assert [r["status"] for r in for_ppk["recommendations"]] == ["assessed"]
    second = _answer(
        exchanged,
        "PPK-3275-0001",
        {
            "type": "sanction_decree",
            "recommendation_id": rec_doc["id"],
            **decree,
            "decree_date": today.isoformat(),
        },
    )
    assert list(validator.iter_errors(second)) == []
    created = _post(client, ppk_token, second)
    assert created.status_code == 201, created.json()
    assert created.json() == {
        "answer_id": "PPK-3275-0001",
        "case_id": exchanged.pk,
        "recommendations": [rec_doc["id"]],
        "replayed": False,
    }

    exchanged_rec = Recommendation.objects.get(pk=rec_doc["id"])
    hand, imported = _state(hand_rec), _state(exchanged_rec)
    assert imported == hand
    assert hand["status"] == RecStatus.SANCTIONED
    assert hand["audit"] == [
        "recommendation.issue",
        "recommendation.letter",
        "recommendation.assess",
        "recommendation.sanction",
    ]
    # The import itself is audited too, once per answer document.
    assert AuditEntry.objects.filter(action="exchange.answer").count() == 2
    final_answer = client.get(f"/api/cases/{exchanged.pk}/exchange", headers=ppk_token)
    assert assessment["assessment"] not in final_answer.content.decode()  # free text stays in
    final = final_answer.json()
    assert final["recommendations"][0]["sanction"]["decree_number"] == "800/123/BKPSDM/2024"
    assert list(validator.iter_errors(final)) == []


def _snapshot() -> tuple[int, int, int, list[str]]:
    return (
        AuditEntry.objects.count(),
        Event.objects.count(),
        ExchangeAnswer.objects.count(),
        list(Recommendation.objects.order_by("pk").values_list("status", flat=True)),
    )


DEEP = '{"a":' * 40 + "1" + "}" * 40


# Each refused with a reason in JSON, never a 500, and nothing recorded.
REFUSALS = {
    "not_json": 400,
    "too_deep": 400,
    "too_large": 413,
    "missing_sanction": 400,
    "unknown_type": 400,
    "a_case_document": 400,
    "bad_answer_id": 400,
    "bad_date": 400,
    "a_list": 400,
}


def test_malformed_or_oversized_answers_are_refused_with_nothing_changed(
    client: Client, make_user: Any
) -> None:
    case, rec, token, good = _bkn_assessing(make_user)
    bodies: dict[str, Any] = {
        "not_json": b"{not json",
        "too_deep": DEEP,
        "too_large": _answer(case, "big", {**good, "assessment": "x" * (300 * 1024)}),
        "missing_sanction": _answer(case, "a", {k: v for k, v in good.items() if k != "sanction"}),
        "unknown_type": _answer(case, "a", {**good, "type": "pardon"}),
        "a_case_document": {**_answer(case, "a", good), "kind": "case"},
        "bad_answer_id": _answer(case, "a b; drop", good),
        "bad_date": _answer(
            case,
            "a",
            {
                "type": "sanction_decree",
                "recommendation_id": rec.pk,
                "imposed": True,
                "decree_date": "2024-02-30",
            },
        ),
        "a_list": [good],
    }
    before = _snapshot()
    for name, status in REFUSALS.items():
        answer = _post(client, token, bodies[name])
        assert answer.status_code == status, (name, answer.content)
        assert answer.json()["detail"], name
    assert set(bodies) == set(REFUSALS)
    assert _snapshot() == before


def test_a_refused_answer_rolls_the_whole_document_back(client: Client, make_user: Any) -> None:
    case, rec, token, assess = _bkn_assessing(make_user)
    before = _snapshot()
    # The first answer is fine on its own; the second, the same step again, is not.
    twice = _post(client, token, _answer(case, "twice", assess, assess))
    assert twice.status_code == 400
    assert twice.json()["detail"].startswith("answers[1]: ")
    assert _snapshot() == before
    # An answer the token's role may not give (a PPK's decree from BKN): 403, nothing kept.
    decree = {
        "type": "sanction_decree",
        "recommendation_id": rec.pk,
        "imposed": False,
        "reason": "x",
    }
    wrong_role = _post(client, token, _answer(case, "role", assess, decree))
    assert wrong_role.status_code == 403 and "answers[1]" in wrong_role.json()["detail"]
    assert _snapshot() == before
    # A recommendation of another case: 404, nothing kept.
    other, _ = _decided(make_user, [Verdict.ASN_NEUTRALITY])
    stranger = Recommendation.objects.get(case=other)
    before = _snapshot()
    mixed = _post(
        client, token, _answer(case, "mixed", assess, {**assess, "recommendation_id": stranger.pk})
    )
    assert mixed.status_code == 404
    assert _snapshot() == before


def test_the_same_answer_id_is_recorded_once(client: Client, make_user: Any) -> None:
    case, _rec, token, assess = _bkn_assessing(make_user)
    document = _answer(case, "BKN-7", assess)
    assert _post(client, token, document).status_code == 201
    after_first = _snapshot()
    again = _post(client, token, document)
    assert again.status_code == 200 and again.json()["replayed"] is True
    assert _snapshot() == after_first
    changed = _post(client, token, _answer(case, "BKN-7", {**assess, "assessment": "lain"}))
    assert changed.status_code == 409 and "BKN-7" in changed.json()["detail"]
    assert _snapshot() == after_first
