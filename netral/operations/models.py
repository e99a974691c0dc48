"""Operations: the scheduler's runs, legal holds, and what retention warned of and erased."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class JobRun(models.Model):
    """One run of a periodic job for one slot (``common.schedule``). The unique (job, slot)
    row is the claim: a scheduler runs a slot only after inserting it, so several scheduler
    processes run each slot once. A row left ``running`` by a killed scheduler stays so: the
    slot is not run twice."""

    class Outcome(models.TextChoices):
        RUNNING = "running", _("Berjalan")
        OK = "ok", _("Berhasil")
        FAILED = "failed", _("Gagal")

    job = models.CharField(_("tugas"), max_length=100)
    # The instant the job was due at (domain clock).
    slot = models.DateTimeField(_("jadwal"))
    # When it really ran (machine time, like the audit trail).
    started_at = models.DateTimeField(_("mulai"))
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    outcome = models.CharField(
        _("hasil"), max_length=10, choices=Outcome.choices, default=Outcome.RUNNING
    )
    result = models.CharField(_("keluaran"), max_length=300, blank=True)
    error = models.TextField(_("galat"), blank=True)
    # host:pid of the scheduler process that claimed the slot.
    runner = models.CharField(_("proses"), max_length=200, blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="jobrun_once")]
        verbose_name = _("jalannya tugas terjadwal")
        verbose_name_plural = _("tugas terjadwal")

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"


class LegalHold(models.Model):
    """A case that retention must not touch (litigation, an appeal, an inquiry) until the
    hold is released. At most one active hold per case."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("alasan"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField()
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-placed_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["case"], condition=Q(released_at__isnull=True), name="legalhold_one_active"
            )
        ]
        verbose_name = _("penahanan hukum")
        verbose_name_plural = _("penahanan hukum")

    def __str__(self) -> str:
        return f"hold case #{self.case_id}"


class RetentionErasure(models.Model):
    """What one retention rule erased from one case, and when: counts only, never content.
    Its twin is the ``retention.erase`` entry in the audit trail. An age rule (rows older
    than its period, not a case's data: the partners' event log) leaves one row per run that
    erased something, without a case."""

    rule = models.CharField(max_length=60)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    erased_at = models.DateTimeField()
    counts = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rule", "case"], name="retentionerasure_once")
        ]

    def __str__(self) -> str:
        return f"{self.rule} case #{self.case_id}"


class RetentionWarning(models.Model):
    """The office was told that ``rule`` will erase from ``case`` on ``expires_on`` (once)."""

    rule = models.CharField(max_length=60)
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    expires_on = models.DateField()
    warned_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rule", "case"], name="retentionwarning_once")
        ]

    def __str__(self) -> str:
        return f"{self.rule} case #{self.case_id} on {self.expires_on}"
