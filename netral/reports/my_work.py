"""The reports part of the staff home page (``accounts.my_work``): reveal requests awaiting my
decision (leadership), reporter messages not yet answered, and my finding imports that
finished this week. Registered in ``ReportsConfig``; every list comes from a
jurisdiction-scoped selector."""

from __future__ import annotations

import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from netral.accounts.models import User
from netral.accounts.my_work import SECTION_ROWS, WorkItem, WorkRequest, WorkSection
from netral.accounts.permissions import has_capability
from netral.reports.handling_selectors import reveal_requests_pending_for
from netral.reports.models import ImportJob, Message, RevealRequest
from netral.reports.selectors import report_list_for

# A finished import stays on the home page this long.
IMPORT_RECENT = datetime.timedelta(days=7)
FINISHED_IMPORTS = (ImportJob.Status.DONE, ImportJob.Status.FAILED)


def reveal_requests_awaiting(*, actor: User) -> QuerySet[RevealRequest]:
    """Pending reveal requests the actor may decide: in the jurisdiction, not their own
    (four eyes), oldest first."""
    return reveal_requests_pending_for(actor=actor).exclude(requested_by=actor)


def reporter_messages_awaiting_reply(*, actor: User) -> QuerySet[Message]:
    """The latest message of each report of the actor's office where that message is the
    reporter's (nobody has answered it yet), the longest waiting first: one row per report.
    Read from the messages side, so only reports with messages are looked at."""
    latest = Message.objects.filter(report=OuterRef("report")).order_by("-created_at", "-pk")
    return (
        Message.objects.filter(
            sender=Message.Sender.REPORTER,
            report__in=report_list_for(actor=actor).order_by().values("pk"),
        )
        .filter(pk=Subquery(latest.values("pk")[:1]))
        .select_related("report")
        .order_by("created_at", "pk")
    )


def import_jobs_finished_for(*, actor: User, now: datetime.datetime) -> QuerySet[ImportJob]:
    """The actor's own finding imports that finished (stored or refused) in the last week."""
    return ImportJob.objects.filter(
        created_by=actor, status__in=FINISHED_IMPORTS, finished_at__gte=now - IMPORT_RECENT
    ).order_by("-finished_at", "-pk")


def _when(moment: datetime.datetime | None) -> str:
    return date_format(moment, "j M Y H:i") if moment else ""


def report_work_sections(request: WorkRequest) -> list[WorkSection]:
    actor, now = request.actor, request.now
    sections: list[WorkSection] = []
    if has_capability(actor, "identity.reveal_approve"):
        reveals = reveal_requests_awaiting(actor=actor)
        pending_url = reverse("reports_staff:reveal_pending")
        sections.append(
            WorkSection(
                key="reveal_requests",
                title=_("Permintaan pengungkapan identitas menunggu keputusan saya"),
                count=reveals.count(),
                order=30,
                more_url=pending_url,
                empty=_("Tidak ada permintaan yang menunggu."),
                items=[]
                if request.counts_only
                else [
                    WorkItem(
                        label=_("Laporan %(region)s") % {"region": r.report.region.name},
                        url=pending_url,
                        note=_("diminta %(when)s") % {"when": _when(r.requested_at)},
                    )
                    for r in reveals[:SECTION_ROWS]
                ],
            )
        )
    if has_capability(actor, "case.view"):
        waiting = reporter_messages_awaiting_reply(actor=actor)
        sections.append(
            WorkSection(
                key="reporter_messages",
                title=_("Pesan baru dari pelapor"),
                count=waiting.count(),
                order=40,
                more_url=reverse("reports_staff:report_list"),
                empty=_("Semua pesan pelapor sudah dijawab."),
                items=[]
                if request.counts_only
                else [
                    WorkItem(
                        label=message.report.reported_name,
                        url=reverse(
                            "reports_staff:report_detail",
                            kwargs={"public_id": message.report.public_id},
                        )
                        + "#pesan",
                        note=_("pesan %(when)s") % {"when": _when(message.created_at)},
                    )
                    for message in waiting[:SECTION_ROWS]
                ],
            )
        )
    if has_capability(actor, "finding.create"):
        jobs = import_jobs_finished_for(actor=actor, now=now)
        count = jobs.count()
        if count:  # only when there is something to tell
            sections.append(
                WorkSection(
                    key="imports_finished",
                    title=_("Impor temuan selesai"),
                    count=count,
                    order=60,
                    items=[]
                    if request.counts_only
                    else [
                        WorkItem(
                            label=job.file_name,
                            url=reverse(
                                "reports_staff:finding_import_status",
                                kwargs={"public_id": job.public_id},
                            ),
                            note=f"{job.get_status_display()}, {_when(job.finished_at)}",
                        )
                        for job in jobs[:SECTION_ROWS]
                    ],
                )
            )
    return sections
