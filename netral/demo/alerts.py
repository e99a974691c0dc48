"""Demo assignments and notifications: a few open cases of Kota Bekasi and Jawa Barat given
to their demo staff (as a leader would assign them), each with its "assigned to you"
notification, so the home page's "my work" and the menu's notification count show something
on the first sign-in. Rows written directly (the demo loader's way); the live path is
``cases.assignment.case_assign``."""

from __future__ import annotations

from django.urls import reverse

from netral.accounts.models import User
from netral.accounts.notification_models import Notification
from netral.cases.assignment import ASSIGNED_TEXT, case_label
from netral.cases.models import Case
from netral.cases.workflow import OPEN_FOR_HANDLING
from netral.demo.accounts import DEMO_ACCOUNTS
from netral.demo.plan import DEMO_FLAG

# Demo staff account -> how many of its office's open cases it is given.
DEMO_ASSIGNMENTS = {"bekasi.staf": 6, "jabar.staf": 4}


def demo_alerts_load() -> int:
    """Assign the demo staff their cases and notify them; returns the notifications made."""
    made: list[Notification] = []
    for username, count in DEMO_ASSIGNMENTS.items():
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None or user.jurisdiction_id is None:
            continue  # accounts not created (load_demo_data without demo_setup)
        cases = list(
            Case.objects.filter(
                office_region_id=user.jurisdiction_id,
                status__in=OPEN_FOR_HANDLING,
                assignee__isnull=True,
                due_at__isnull=False,
                **{f"checklist__{DEMO_FLAG}": True},
            ).order_by("due_at", "pk")[:count]
        )
        Case.objects.filter(pk__in=[c.pk for c in cases]).update(assignee=user)
        made += [
            Notification(
                user=user,
                kind=Notification.Kind.ASSIGNMENT,
                text=ASSIGNED_TEXT.format(case=case_label(case)),
                link=reverse("cases:case_detail", kwargs={"case_id": case.pk}),
            )
            for case in cases
        ]
    Notification.objects.bulk_create(made)
    return len(made)


def demo_alerts_delete() -> None:
    """The demo accounts' notifications go with the demo data they point at."""
    Notification.objects.filter(user__username__in=[a[0] for a in DEMO_ACCOUNTS]).delete()
