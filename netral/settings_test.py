"""Settings for the test suite: the real settings with test keys and fast password hashing."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

os.environ.setdefault("NETRAL_TESTING", "1")
# Keys of the tests' own, not the public development ones (a system check refuses those
# outside DEBUG).
os.environ.setdefault("SECRET_KEY", "netral-test-suite-secret-key-not-for-production")
os.environ.setdefault("NETRAL_FIELD_KEY", "dGVzdC1zdWl0ZS1maWVsZC1rZXktMzItYnl0ZXMhISE=")

from netral.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; not in prod
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared-cache memory: concurrent-writer tests need SQLite's real locking.
    # One file per run, so parallel runs on one machine do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-netral-{os.getpid()}.sqlite3")}  # noqa: F405

# Evidence written by tests goes to a throwaway folder, removed when the run ends.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="netral-test-media-"))
atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)

# Tests expect figures computed from the data they just made.
NETRAL_STATS_CACHE_SECONDS = 0
# ... and intake to see the regions and elections they just made (``elections.lookups``).
NETRAL_REFERENCE_CACHE_SECONDS = 0

# Links in other tests' reports are not captured (a browser per report); the capture tests
# switch it on against their local server.
NETRAL_CAPTURE_ENABLED = False
