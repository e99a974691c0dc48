"""Tokens issued before tokens expired get the default lifetime from now on, so that scripts
using them keep working for that long instead of stopping at the upgrade."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.db import migrations
from django.utils import timezone


def give_open_tokens_a_lifetime(apps: Any, schema_editor: Any) -> None:
    days = int(getattr(settings, "NETRAL_TOKEN_DAYS", 90) or 0)
    if days <= 0:
        return
    ApiToken = apps.get_model("accounts", "ApiToken")
    ApiToken.objects.filter(expires_at__isnull=True, revoked_at__isnull=True).update(
        expires_at=timezone.now() + datetime.timedelta(days=days)
    )


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(give_open_tokens_a_lifetime, migrations.RunPython.noop)]
