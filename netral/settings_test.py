"""Settings for the test suite: the real settings with test keys and fast password hashing."""

import os

os.environ.setdefault("NETRAL_TESTING", "1")

from netral.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; not in prod
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
