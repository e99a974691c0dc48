"""Partners' data: the append-only event log (the feed's cursor is the event id), the partner
endpoints an administrator registers, and one delivery row per (endpoint, event)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netral.common.fields import EncryptedTextField
from netral.regions.models import Region

EVENT_IMMUTABLE = (
    "An event is append-only: it is never changed, and only retention deletes old ones."
)


class EventType(models.TextChoices):
    REPORT_RECEIVED = "report.received", _("Laporan diterima")
    CASE_REGISTERED = "case.registered", _("Kasus diregistrasi")
    CASE_DECIDED = "case.decided", _("Kasus diputus")
    CASE_ANNOUNCED = "case.announced", _("Status kasus diumumkan")
    RECOMMENDATION_ISSUED = "recommendation.issued", _("Rekomendasi diterbitkan")
    RECOMMENDATION_ASSESSED = "recommendation.assessed", _("Rekomendasi dinilai BKN")
    RECOMMENDATION_SANCTIONED = "recommendation.sanctioned", _("Sanksi dijatuhkan PPK")
    RECOMMENDATION_OVERDUE = "recommendation.overdue", _("Tindak lanjut PPK melewati tenggat")
    REPORT_FORWARDED_LAPOR = "report.forwarded_lapor", _("Laporan diteruskan ke SP4N-LAPOR!")


class Event(models.Model):
    """One state change of interest, recorded in the transaction of the change itself. ``id``
    only grows, so ``after=<id>`` is a cursor that survives restarts (and retention's removal
    of old events, ``partners.retention_kinds``). ``data`` never carries an identity (name,
    NIP, contact) or a receipt code."""

    id = models.BigAutoField(primary_key=True)
    type = models.CharField(_("jenis"), max_length=40, choices=EventType.choices)
    occurred_at = models.DateTimeField(_("terjadi pada"))
    # The office whose jurisdiction the event lies in (None: national).
    region = models.ForeignKey(
        Region,
        verbose_name=_("wilayah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    data = models.JSONField(_("data"), default=dict)

    class Meta:
        verbose_name = _("peristiwa")
        verbose_name_plural = _("peristiwa")
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

    name = models.CharField(_("nama mitra"), max_length=120)
    url = models.URLField(_("URL"), max_length=500)
    event_types = models.JSONField(_("jenis peristiwa"), default=list)
    # What it may see: events of this region and the regions under it (None: national).
    region = models.ForeignKey(
        Region,
        verbose_name=_("wilayah"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    secret = EncryptedTextField(_("rahasia"), purpose="partners.endpoint.secret")
    active = models.BooleanField(_("aktif"), default=True)
    # Set after repeated failures: nothing is sent until an administrator resumes it.
    paused_at = models.DateTimeField(_("dijeda pada"), null=True, blank=True)
    consecutive_failures = models.PositiveIntegerField(_("kegagalan berturut-turut"), default=0)
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("endpoint mitra")
        verbose_name_plural = _("endpoint mitra")

    def __str__(self) -> str:
        return self.name


class Delivery(models.Model):
    """One event for one endpoint: its log (status, attempts, last error) and when it is due
    again (exponential back-off)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        DELIVERED = "delivered", _("Terkirim")
        FAILED = "failed", _("Gagal")

    endpoint = models.ForeignKey(
        Endpoint,
        verbose_name=_("endpoint mitra"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    event = models.ForeignKey(
        Event, verbose_name=_("peristiwa"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("percobaan"), default=0)
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"), null=True, blank=True)
    last_attempt_at = models.DateTimeField(_("percobaan terakhir"), null=True, blank=True)
    last_status_code = models.PositiveIntegerField(_("kode status terakhir"), null=True, blank=True)
    last_error = models.CharField(_("galat terakhir"), max_length=300, blank=True)
    delivered_at = models.DateTimeField(_("terkirim pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("pengiriman")
        verbose_name_plural = _("pengiriman")
        constraints = [
            models.UniqueConstraint(fields=["endpoint", "event"], name="partners_delivery_once")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="partners_due")]

    def __str__(self) -> str:
        return f"{self.endpoint} {self.event}"


class ExchangeAnswer(models.Model):
    """A partner's answer document (case exchange), imported once: sending the same
    ``answer_id`` again returns this row instead of recording twice."""

    answer_id = models.CharField(_("id jawaban mitra"), max_length=100)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dikirim oleh"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    case = models.ForeignKey(
        "cases.Case", verbose_name=_("kasus"), on_delete=models.PROTECT, related_name="+"
    )
    # SHA-256 of the canonical JSON of the document: the same id with other content is refused.
    sha256 = models.CharField(max_length=64)
    recommendations = models.JSONField(_("rekomendasi"), default=list)
    received_at = models.DateTimeField(_("diterima pada"))

    class Meta:
        verbose_name = _("jawaban pertukaran kasus")
        verbose_name_plural = _("jawaban pertukaran kasus")
        constraints = [
            models.UniqueConstraint(
                fields=["submitted_by", "answer_id"], name="partners_exchange_answer_once"
            )
        ]

    def __str__(self) -> str:
        return self.answer_id
