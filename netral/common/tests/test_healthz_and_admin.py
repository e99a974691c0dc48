"""Health check against a real unreachable database, and the back office."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.db import connections
from django.test import Client

from netral.accounts.models import Role, User
from netral.audit.models import AuditEntry


def test_healthz_answers_503_when_the_database_is_unreachable(
    client: Client, django_db_blocker: Any
) -> None:
    with django_db_blocker.unblock():
        connection = connections["default"]
        saved = dict(connection.settings_dict)
        connection.close()
        try:
            if connection.vendor == "sqlite":
                connection.settings_dict["NAME"] = "/nonexistent-netral-dir/db.sqlite3"
            else:
                connection.settings_dict["PORT"] = "1"  # nothing listens there
            response = client.get("/healthz")
        finally:
            connection.close()
            connection.settings_dict.clear()
            connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


@pytest.mark.usefixtures("regions")
def test_admin_lists_users_and_audits_changes(
    client: Client, make_user: Callable[..., User]
) -> None:
    admin = make_user(Role.ADMIN)
    staff = make_user(Role.BAWASLU_STAFF, "32.75")
    client.force_login(admin)
    assert client.get("/admin/accounts/user/").status_code == 200
    assert client.get("/admin/audit/auditentry/").status_code == 200
    page = client.get(f"/admin/accounts/user/{staff.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k != "password"}
    data.update(
        {
            "role": Role.BAWASLU_LEADER,
            "jurisdiction": "32.75",
            "date_joined_0": "2024-01-01",
            "date_joined_1": "00:00:00",
            "groups": [],
            "user_permissions": [],
        }
    )
    data.pop("date_joined", None)
    data.pop("last_login", None)
    response = client.post(f"/admin/accounts/user/{staff.pk}/change/", data)
    assert response.status_code == 302, response.content[:2000]
    entry = AuditEntry.objects.filter(action="user.change").latest("seq")
    assert entry.before == {"role": "bawaslu_staff", "jurisdiction": "32.75", "active": True}
    assert entry.after == {"role": "bawaslu_leader", "jurisdiction": "32.75", "active": True}
    # The trail cannot be edited from the back office.
    first = AuditEntry.objects.first()
    assert first is not None
    assert client.post(f"/admin/audit/auditentry/{first.pk}/delete/").status_code == 403
