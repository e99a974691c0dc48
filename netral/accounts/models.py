"""Staff accounts: a role and a jurisdiction (a region, or none for national)."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    BAWASLU_STAFF = "bawaslu_staff", _("Staf Bawaslu")
    BAWASLU_LEADER = "bawaslu_leader", _("Pimpinan Bawaslu")
    BKN_OFFICER = "bkn", _("Petugas BKN")
    PPK_OFFICE = "ppk", _("Kantor PPK")
    GAKKUMDU = "gakkumdu", _("Sentra Gakkumdu")
    KPU = "kpu", _("KPU")
    ADMIN = "admin", _("Administrator")


# Roles whose account must name a region: a PPK is always a regional head's office.
ROLES_NEEDING_REGION = {Role.PPK_OFFICE}


class User(AbstractUser):
    role = models.CharField(_("peran"), max_length=20, choices=Role.choices)
    # None = national (Bawaslu RI, BKN pusat, administrators).
    jurisdiction = models.ForeignKey(
        "regions.Region",
        verbose_name=_("wilayah kerja"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staff",
    )
    office_name = models.CharField(_("kantor"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("pengguna")
        verbose_name_plural = _("pengguna")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(role=Role.PPK_OFFICE) | models.Q(jurisdiction__isnull=False),
                name="user_ppk_has_region",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def is_national(self) -> bool:
        return self.jurisdiction_id is None

    @property
    def office_level(self) -> str:
        """ "ri", "province" or "regency": the Bawaslu level this account works at."""
        if self.jurisdiction is None:
            return "ri"
        return str(self.jurisdiction.level)


class ApiToken(models.Model):
    """A personal API token. Only its SHA-256 is stored; the token is shown once.

    The token carries no rights of its own: requests made with it act as the owner, so they
    are limited to the owner's role and jurisdiction, and stop when the owner is deactivated.
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100)
    # The first characters, to recognise a token in lists without storing it.
    prefix = models.CharField(max_length=16)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.name})"

    @property
    def is_usable(self) -> bool:
        now = timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


from netral.accounts.notification_models import *  # noqa: E402, F403
from netral.accounts.saved_view_models import *  # noqa: E402, F403
