"""The demo gives its Bekasi staff account a few open cases with their notifications, and
takes them away with the demo data."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from netral.accounts.models import Role, User
from netral.accounts.notification_models import Notification
from netral.cases.models import Case
from netral.cases.tests.factories import case_from_report
from netral.demo.alerts import demo_alerts_delete, demo_alerts_load
from netral.demo.plan import DEMO_FLAG

pytestmark = pytest.mark.usefixtures("elections")


def test_demo_staff_get_cases_and_notifications(make_user: Callable[..., User]) -> None:
    staff = make_user(Role.BAWASLU_STAFF, "32.75", username="bekasi.staf")
    demo, _ = case_from_report()
    live, _ = case_from_report()  # not demo data: never touched
    Case.objects.filter(pk=demo.pk).update(checklist={DEMO_FLAG: True})
    assert demo_alerts_load() == 1
    assert Case.objects.get(pk=demo.pk).assignee == staff
    assert Case.objects.get(pk=live.pk).assignee is None
    note = Notification.objects.get(user=staff, kind=Notification.Kind.ASSIGNMENT)
    assert note.link == f"/ruang-kerja/kasus/{demo.pk}/"
    demo_alerts_delete()
    assert not Notification.objects.filter(user=staff).exists()
