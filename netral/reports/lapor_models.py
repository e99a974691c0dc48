"""Where a report went when it lies outside Bawaslu's reach: forwarded to SP4N-LAPOR! (issue
#16 item 4). Written only by ``netral.reports.lapor.report_forward_to_lapor``."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["LaporForward"]


class LaporForward(models.Model):
    """One per report: LAPOR!'s tracking number, who recorded it and when. The reporter's
    tracking page shows the number; partners never receive it (it opens the complaint at
    lapor.go.id)."""

    report = models.OneToOneField(
        "reports.Report", on_delete=models.CASCADE, related_name="lapor_forward"
    )
    tracking_number = models.CharField(_("nomor pelacakan LAPOR!"), max_length=30)
    forwarded_at = models.DateTimeField(_("diteruskan pada"))
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("penerusan ke SP4N-LAPOR!")
        verbose_name_plural = _("penerusan ke SP4N-LAPOR!")

    def __str__(self) -> str:
        return f"LAPOR! {self.tracking_number}"
