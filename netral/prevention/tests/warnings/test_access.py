"""Who sees and acknowledges early warnings: scoped by jurisdiction (outside: 404 on pages
and the API), by role (403), the acknowledgement audited; the list page and map."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from netral.accounts.models import Role, User
from netral.accounts.services import api_token_create
from netral.audit.models import AuditEntry
from netral.common.errors import Conflict, NotFound, PermissionDenied
from netral.prevention.models import EarlyWarning
from netral.prevention.warnings import warning_acknowledge

pytestmark = pytest.mark.django_db
DAY = datetime.date(2024, 11, 10)
SIGNALS = [
    {"code": "rise", "fired": True, "points": 2, "count": 12, "baseline_mean": 2.1,
     "baseline_weeks": 8, "tested_mean": 2.1, "p_value": 0.0003, "alpha": 0.01, "min_count": 3},
    {"code": "ppk_overdue", "fired": False, "points": 1, "count": 0, "threshold": 2},
]  # fmt: skip
ACTIONS = [
    {"code": "appeal", "template": "campaign", "stage": "kampanye"},
    {"code": "social_media_patrol", "agency": "Dinas Pendidikan Kota Bekasi", "reports": 7},
]


def _warning(region: str) -> EarlyWarning:
    return EarlyWarning.objects.create(
        region_id=region,
        computed_for=DAY,
        score=2,
        signals=SIGNALS,
        actions=ACTIONS,
        stage_code="kampanye",
        created_at=timezone.now(),
    )


@pytest.fixture
def bekasi(elections: None) -> EarlyWarning:
    return _warning("32.75")


def bearer(make_user: Callable[..., User], role: str, region: str | None) -> dict[str, str]:
    user = make_user(role, region)
    return {"Authorization": f"Bearer {api_token_create(actor=user, owner=user, name='x').raw}"}


def test_acknowledge_by_the_office_with_jurisdiction_is_audited(
    make_user: Callable[..., User], bekasi: EarlyWarning
) -> None:
    province = make_user(Role.BAWASLU_STAFF, "32")
    warning = warning_acknowledge(
        actor=province, warning_id=bekasi.pk, action_taken="Imbauan kampanye dikirim."
    )
    assert warning.status == EarlyWarning.Status.ACKNOWLEDGED
    assert warning.acknowledged_by == province and warning.acknowledged_at is not None
    entry = AuditEntry.objects.get(action="warning.acknowledge")
    assert entry.actor_id == province.pk and entry.object_id == str(bekasi.pk)
    assert entry.after is not None and entry.after["action_taken"] == "Imbauan kampanye dikirim."
    with pytest.raises(Conflict):
        warning_acknowledge(actor=province, warning_id=bekasi.pk, action_taken="Lagi.")


def test_outside_the_jurisdiction_is_not_found_and_the_wrong_role_refused(
    make_user: Callable[..., User], bekasi: EarlyWarning
) -> None:
    with pytest.raises(NotFound):
        warning_acknowledge(
            actor=make_user(Role.BAWASLU_STAFF, "33"), warning_id=bekasi.pk, action_taken="x"
        )
    with pytest.raises(PermissionDenied):  # admins see warnings, only Bawaslu acts on them
        warning_acknowledge(actor=make_user(Role.ADMIN), warning_id=bekasi.pk, action_taken="x")
    with pytest.raises(PermissionDenied):  # a PPK office may not even see them
        warning_acknowledge(
            actor=make_user(Role.PPK_OFFICE, "32.75"), warning_id=bekasi.pk, action_taken="x"
        )
    assert not AuditEntry.objects.filter(action="warning.acknowledge").exists()
    bekasi.refresh_from_db()
    assert bekasi.status == EarlyWarning.Status.OPEN


def test_an_empty_note_is_refused(make_user: Callable[..., User], bekasi: EarlyWarning) -> None:
    from netral.common.errors import ApplicationError

    with pytest.raises(ApplicationError, match="Tuliskan"):
        warning_acknowledge(
            actor=make_user(Role.BAWASLU_STAFF, "32.75"), warning_id=bekasi.pk, action_taken="  "
        )


def test_api_lists_in_scope_and_404s_outside(
    make_user: Callable[..., User], bekasi: EarlyWarning
) -> None:
    _warning("33.03")
    client = Client()
    bekasi_office = bearer(make_user, Role.BAWASLU_STAFF, "32.75")
    listed = client.get("/api/prevention/warnings", headers=bekasi_office).json()
    assert [w["region"] for w in listed] == ["32.75"]
    rise = listed[0]["signals"][0]
    assert rise["code"] == "rise" and rise["values"]["count"] == 12
    assert rise["text"].startswith("12 laporan dan temuan minggu ini vs rata-rata 2,1")
    assert "p = 0,0003" in rise["text"]
    assert listed[0]["actions"][1]["values"]["agency"] == "Dinas Pendidikan Kota Bekasi"
    outside = client.get("/api/prevention/warnings?region=33.03", headers=bekasi_office)
    assert outside.status_code == 404 and outside.json()["field"] == "region"
    unknown = client.get("/api/prevention/warnings?region=99.99", headers=bekasi_office)
    assert unknown.status_code == 404
    national = bearer(make_user, Role.BAWASLU_LEADER, None)
    jateng = client.get("/api/prevention/warnings?region=33", headers=national).json()
    assert [w["region"] for w in jateng] == ["33.03"]
    ppk = client.get(
        "/api/prevention/warnings", headers=bearer(make_user, Role.PPK_OFFICE, "32.75")
    )
    assert ppk.status_code == 403
    assert client.get("/api/prevention/warnings").status_code == 401


def test_api_list_query_count_does_not_grow(
    make_user: Callable[..., User], elections: None
) -> None:
    client = Client()
    headers = bearer(make_user, Role.BAWASLU_LEADER, None)
    _warning("32.75")
    client.get("/api/prevention/warnings", headers=headers)  # the token's first use is noted
    with CaptureQueriesContext(connection) as one:
        assert len(client.get("/api/prevention/warnings", headers=headers).json()) == 1
    for code in ("33.03", "32.01", "35.71"):
        _warning(code)
    with CaptureQueriesContext(connection) as four:
        assert len(client.get("/api/prevention/warnings", headers=headers).json()) == 4
    assert len(four) == len(one)


def test_pages_list_map_detail_and_acknowledge(sign_in: Any, bekasi: EarlyWarning) -> None:
    _warning("33.03")
    client, _user = sign_in(Role.BAWASLU_STAFF, "32")
    page = client.get("/ruang-kerja/peringatan/")
    html = page.content.decode()
    assert page.status_code == 200
    assert 'data-region="32.75"' in html and 'data-region="33.03"' not in html.split("<table")[1]
    assert "Peringatan dini" in html and "map__tile--1" in html  # Jawa Barat's tile
    detail = client.get(f"/ruang-kerja/peringatan/{bekasi.pk}/").content.decode()
    assert "/ruang-kerja/imbauan/baru/?template_code=campaign" in detail
    assert "Dinas Pendidikan Kota Bekasi" in detail
    empty = client.post(f"/ruang-kerja/peringatan/{bekasi.pk}/tindak-lanjut/", {"action_taken": ""})
    assert empty.status_code == 400
    done = client.post(
        f"/ruang-kerja/peringatan/{bekasi.pk}/tindak-lanjut/",
        {"action_taken": "Patroli siber dijadwalkan."},
    )
    assert done.status_code == 302
    bekasi.refresh_from_db()
    assert bekasi.status == EarlyWarning.Status.ACKNOWLEDGED
    other = EarlyWarning.objects.get(region_id="33.03")
    assert client.get(f"/ruang-kerja/peringatan/{other.pk}/").status_code == 404
    refused = client.post(
        f"/ruang-kerja/peringatan/{other.pk}/tindak-lanjut/", {"action_taken": "x"}
    )
    assert refused.status_code == 404


def test_partners_do_not_get_the_page(sign_in: Any, elections: None) -> None:
    client, _user = sign_in(Role.PPK_OFFICE, "32.75")
    assert client.get("/ruang-kerja/peringatan/").status_code == 403
    client, _user = sign_in(Role.BAWASLU_STAFF, "32.75")
    assert "/ruang-kerja/peringatan/" in client.get("/akun/ruang-kerja/").content.decode()


def test_api_refuses_a_date_that_is_not_one(
    make_user: Callable[..., User], elections: None
) -> None:
    headers = bearer(make_user, Role.BAWASLU_LEADER, None)
    client = Client()
    assert client.get("/api/prevention/warnings?date=0", headers=headers).status_code == 422
    bad = client.get("/api/prevention/warnings?date=2024-02-30", headers=headers)
    assert bad.status_code == 400 and bad.json()["field"] == "date"
    assert client.get("/api/prevention/warnings?date=2024-11-10", headers=headers).json() == []
