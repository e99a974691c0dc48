"""Settings of the gunicorn that ``python -m bench.intake`` starts: the test settings (test keys,
throwaway media) on the throwaway database the benchmark made, with the production task queue
(a notification is a row in the queue, as in production) and the bench-only URLconf that adds
the KDF-only endpoint. Never a production settings module: ``bench`` is not an installed app
and ``netral.settings`` never routes to ``bench.intake_urls``."""

import os
import warnings

os.environ.setdefault("NETRAL_TESTING", "1")

from netral.settings_test import *  # noqa: F403

# WhiteNoise looks for collected static files, which the benchmark does not need.
warnings.filterwarnings("ignore", "No directory at")

DATABASES["default"]["NAME"] = os.environ["NETRAL_BENCH_DB"]  # noqa: F405
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ROOT_URLCONF = "bench.intake_urls"
DEBUG = False
# The benchmark's clients all come from 127.0.0.1: the limits stay on the path, raised.
NETRAL_RATE_LIMITS = {
    name: (10**9, 60)
    for name in ("report-submit", "report-submit-all", "receipt-lookup", "receipt-lookup-all")
}
# As in production (the test settings turn it off): regions and elections cached per process.
NETRAL_REFERENCE_CACHE_SECONDS = 60
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
