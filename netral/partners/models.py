"""Partners' data: the append-only event log (the feed's cursor is the event id), the partner
endpoints an administrator registers, and one delivery row per (endpoint, event)."""

from __future__ import annotations

from typing import Any

from django.db import models

from netral.common.fields import EncryptedTextField
from netral.regions.models import Region

EVENT_IMMUTABLE = "An event is append-only: it is never changed or deleted."


class EventType(models.TextChoices):
    REPORT_RECEIVED = "report.received", "Laporan diterima"
    CASE_REGISTERED = "case.registered", "Kasus diregistrasi"
    CASE_DECIDED = "case.decided", "Kasus diputus"
    CASE_ANNOUNCED = "case.announced", "Status kasus diumumkan"
    RECOMMENDATION_ISSUED = "recommendation.issued", "Rekomendasi diterbitkan"
    RECOMMENDATION_ASSESSED = "recommendation.assessed", "Rekomendasi dinilai BKN"
    RECOMMENDATION_SANCTIONED = "recommendation.sanctioned", "Sanksi dijatuhkan PPK"
    RECOMMENDATION_OVERDUE = "recommendation.overdue", "Tindak lanjut PPK melewati tenggat"


class Event(models.Model):
    """One state change of interest, recorded in the transaction of the change itself. ``id``
    only grows, so ``after=<id>`` is a cursor that survives restarts. ``data`` never carries
    an identity (name, NIP, contact) or a receipt code."""

    id = models.BigAutoField(primary_key=True)
    type = models.CharField(max_length=40, choices=EventType.choices)
    occurred_at = models.DateTimeField()
    # The office whose jurisdiction the event lies in (None: national).
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    data = models.JSONField(default=dict)

    class Meta:
        indexes = [models.Index(fields=["region", "id"], name="partners_event_region_id")]

    def __str__(self) -> str:
        return f"{self.type} #{self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise ValueError(EVENT_IMMUTABLE)
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        raise ValueError(EVENT_IMMUTABLE)

    def as_payload(self) -> dict[str, Any]:
        """The body partners receive (webhook and feed alike)."""
        return {
            "id": self.pk,
            "type": self.type,
            "occurred_at": self.occurred_at.isoformat(),
            "data": self.data,
        }


class Endpoint(models.Model):
    """A partner system's webhook receiver, registered by an administrator."""

    name = models.CharField("nama mitra", max_length=120)
    url = models.URLField("URL", max_length=500)
    event_types = models.JSONField("jenis peristiwa", default=list)
    # What it may see: events of this region and the regions under it (None: national).
    region = models.ForeignKey(
        Region,
        verbose_name="wilayah",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    secret = EncryptedTextField("rahasia", purpose="partners.endpoint.secret")
    active = models.BooleanField("aktif", default=True)
    # Set after repeated failures: nothing is sent until an administrator resumes it.
    paused_at = models.DateTimeField("dijeda pada", null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "endpoint mitra"
        verbose_name_plural = "endpoint mitra"

    def __str__(self) -> str:
        return self.name


class Delivery(models.Model):
    """One event for one endpoint: its log (status, attempts, last error) and when it is due
    again (exponential back-off)."""

    class Status(models.TextChoices):
        PENDING = "pending", "Menunggu"
        DELIVERED = "delivered", "Terkirim"
        FAILED = "failed", "Gagal"

    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=300, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "pengiriman"
        verbose_name_plural = "pengiriman"
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event"], name="partners_delivery_once")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="partners_due")]

    def __str__(self) -> str:
        return f"{self.endpoint} {self.event}"
