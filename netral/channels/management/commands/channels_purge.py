"""``manage.py channels_purge``: forget expired WhatsApp conversations and old delivery
records (run it hourly; an expired conversation is also dropped when its sender writes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from netral.channels.services import channels_purge


class Command(BaseCommand):
    help = "Delete expired WhatsApp conversations and delivery records past their use."

    def handle(self, *args: Any, **options: Any) -> None:
        conversations, deliveries = channels_purge()
        self.stdout.write(f"{conversations} conversations, {deliveries} delivery records deleted")
