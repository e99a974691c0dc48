"""Start-up checks (``manage.py check``; also run by ``migrate`` and ``runserver``).

- Outside DEBUG the development keys, which are public, are refused, whichever flag let them
  in (``NETRAL_TESTING`` in a production environment would otherwise accept them).
- Outside DEBUG the console e-mail backend is refused: notifications would vanish.
- Outside DEBUG a missing, empty or malformed ``NETRAL_FIELD_KEY`` is refused: nothing could be
  encrypted or read back (``deploy/gunicorn.conf.py`` runs these checks before gunicorn starts).
- On PostgreSQL, ``synchronous_commit`` turned off is reported (``--deploy`` or ``--database
  default``): a receipt code would then be shown for a report a crash may still lose.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.db import connections

from netral.common.crypto import check_keys
from netral.common.devkeys import DEV_FIELD_KEY, DEV_SECRET_KEY

CONSOLE_EMAIL = "django.core.mail.backends.console.EmailBackend"


@register(Tags.security)
def development_keys_refused(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if settings.DEBUG:
        return []
    errors = []
    if settings.SECRET_KEY == DEV_SECRET_KEY:
        errors.append(
            Error(
                "SECRET_KEY is the public development key.",
                hint="Set SECRET_KEY to a long random value (or DEBUG=1 for development).",
                id="netral.E001",
            )
        )
    field_keys = [str(key).strip() for key in getattr(settings, "NETRAL_FIELD_KEYS", [])]
    if DEV_FIELD_KEY in field_keys:
        errors.append(
            Error(
                "NETRAL_FIELD_KEY contains the public development key.",
                hint="Generate a key (32 random bytes, urlsafe base64) and rotate to it "
                "(README: key rotation).",
                id="netral.E002",
            )
        )
    return errors


@register(Tags.security)
def field_keys_usable(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if settings.DEBUG:
        return []
    try:
        check_keys()
    except ImproperlyConfigured as exc:
        return [
            Error(
                f"NETRAL_FIELD_KEY is missing or unusable: {exc}",
                hint="Set NETRAL_FIELD_KEY to 32 random bytes in urlsafe base64 "
                "(deploy/env.example shows how to generate one); escrow it with the backups.",
                id="netral.E004",
            )
        ]
    return []


@register(Tags.security)
def email_configured(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    if settings.DEBUG or settings.EMAIL_BACKEND != CONSOLE_EMAIL:
        return []
    return [
        Error(
            "E-mail goes to the console outside DEBUG: reporters and staff would get nothing.",
            hint="Set EMAIL_URL, e.g. smtp+tls://user:pass@mail.example:587.",
            id="netral.E003",
        )
    ]


@register(Tags.database)
def postgres_commits_durably(
    app_configs: Any = None, databases: Any = None, **kwargs: Any
) -> list[Warning]:
    """Asks the server only when the check is run for a database (``--database`` or
    ``--deploy`` is not enough by itself: Django passes ``databases`` for database checks)."""
    warnings = []
    for alias in databases or []:
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            value = str(cursor.fetchone()[0]).lower()
        if value == "off":
            warnings.append(
                Warning(
                    f"PostgreSQL synchronous_commit is off for database {alias!r}.",
                    hint="An acknowledged report may be lost in a crash. Keep the default "
                    "(on): ALTER SYSTEM RESET synchronous_commit.",
                    id="netral.W001",
                )
            )
    return warnings
