"""Saved views: a staff member's list filters kept under a name, optionally shared with the
staff of their office (the same institution and jurisdiction)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["SavedView"]


class SavedView(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_views"
    )
    # Which list the filters belong to ("cases.inbox"); that list's app validates the query.
    list_name = models.CharField(max_length=40)
    name = models.CharField(_("nama tampilan"), max_length=80)
    # The filters as a URL query string with its keys sorted ("q=dinas&status=registered").
    query = models.CharField(max_length=1000, blank=True)
    # Shown to the staff of the owner's office too (read and apply; only the owner changes it).
    shared = models.BooleanField(_("bagikan ke kantor"), default=False)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "list_name", "name"], name="saved_view_unique_name"
            )
        ]

    def __str__(self) -> str:
        return self.name
