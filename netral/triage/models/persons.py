"""Triage records: persons (see the package docstring).

A ``Person`` is a reported civil servant (ASN) seen across reports and cases. Each report
points at one person at most, through a ``PersonLink``: *linked* (the NIP matched, or staff
confirmed the match), *proposed* (name and agency look alike: staff confirm or reject), or,
as history, *rejected* (staff said no, or split the report off). At most one link per report
is not rejected.

The NIP is stored as ``Report.reported_nip`` and ``Recommendation.subject_nip`` store it:
in the clear, under the staff workspace's access control. Every linked report holds the same
NIP in the clear already, so encrypting the copy here would protect nothing while losing the
exact match, the unique constraint and the search by NIP that this record exists for. (A
pledge's NIP is encrypted with a keyed digest because a pledge is volunteered personal data
that no report holds; a reported person's NIP is the subject of a complaint.)
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["Person", "PersonLink"]


class Person(models.Model):
    """A reported ASN: identified by NIP when one is known, otherwise by name and agency."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Unique when present (a valid NIP); blank for a person known by name only.
    nip = models.CharField(_("NIP"), max_length=18, blank=True)
    name = models.CharField(_("nama"), max_length=200)
    # ``person_names.name_key``: titles and degrees dropped, words sorted (search, matching).
    name_key = models.CharField(max_length=200, db_index=True)
    # Every agency the person's reports named, in the order first seen.
    agencies = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField()
    # A person merged into another stays as a pointer, so old links and audit entries resolve.
    merged_into = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name_key", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["nip"], condition=~models.Q(nip=""), name="person_nip_unique"
            )
        ]
        verbose_name = _("orang terlapor")
        verbose_name_plural = _("orang terlapor")

    def __str__(self) -> str:
        return f"{self.name} ({self.nip})" if self.nip else self.name

    @property
    def agency(self) -> str:
        return self.agencies[0] if self.agencies else ""


class PersonLink(models.Model):
    """One report's link to a person, and how it came about."""

    class Status(models.TextChoices):
        LINKED = "linked", _("Tertaut")
        PROPOSED = "proposed", _("Usulan kecocokan")
        REJECTED = "rejected", _("Ditolak")

    class Basis(models.TextChoices):
        NIP = "nip", _("NIP sama")
        NAME_AGENCY = "name_agency", _("Nama dan instansi mirip")
        NEW = "new", _("Orang baru dari laporan")
        STAFF = "staff", _("Ditetapkan petugas")

    report = models.ForeignKey("reports.Report", on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="links")
    status = models.CharField(max_length=10, choices=Status.choices)
    basis = models.CharField(max_length=12, choices=Basis.choices)
    # Name-and-agency similarity for a proposal (0..1); 1 for a NIP match.
    score = models.FloatField(default=1.0)
    created_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report"],
                condition=~models.Q(status="rejected"),
                name="person_link_one_per_report",
            )
        ]
        indexes = [models.Index(fields=["person", "status"])]

    def __str__(self) -> str:
        return f"{self.report_id} -> {self.person_id} ({self.status})"
