"""Netral settings: everything comes from the environment.

Defaults are the embedded demo (SQLite and files under ``var/``). Production sets
``DEBUG=0`` (the default), ``SECRET_KEY`` and ``NETRAL_FIELD_KEY`` (no defaults: a missing
one stops the start), ``DATABASE_URL`` for PostgreSQL and ``ALLOWED_HOSTS``.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from netral.common.devkeys import DEV_FIELD_KEY, DEV_SECRET_KEY

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
DEBUG: bool = env.bool("DEBUG", default=False)
TESTING: bool = env.bool("NETRAL_TESTING", default=False)

# Development and tests get throwaway keys; production must set real ones. Outside DEBUG the
# development keys are refused by a system check (netral/common/checks.py) whatever lets
# them in here; the test settings bring keys of their own.
_dev_defaults = DEBUG or TESTING
SECRET_KEY: str = (
    env.str("SECRET_KEY", default=DEV_SECRET_KEY) if _dev_defaults else env.str("SECRET_KEY")
)
# Field-encryption key (urlsafe base64 of 32 bytes). Several keys may be given, comma separated:
# the first encrypts, all decrypt (see `rotate_field_key`).
NETRAL_FIELD_KEYS: list[str] = (
    env.list("NETRAL_FIELD_KEY", default=[DEV_FIELD_KEY])
    if _dev_defaults
    else env.list("NETRAL_FIELD_KEY")
)

ALLOWED_HOSTS: list[str] = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if _dev_defaults else []
)
CSRF_TRUSTED_ORIGINS: list[str] = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # django.contrib.admin behind the second factor (accounts/admin_site.py).
    "netral.accounts.admin_config.NetralAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_htmx",
    "csp",
    "ninja",  # Swagger UI from its static files, not a CDN (see netral/api.py)
    "django_tasks",
    "django_tasks_db",
    "netral.common",
    "netral.regions",
    "netral.elections",
    "netral.accounts",
    "netral.rules",
    "netral.audit",
    "netral.documents",
    "netral.reports",
    "netral.cases",
    "netral.followup",
    "netral.prevention",
    "netral.triage",
    "netral.channels",
    "netral.operations",
    "netral.partners",
    "netral.analytics",
    "netral.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML and JSON (gzip with random padding against BREACH); above everything
    # that writes the body. WhiteNoise above it serves static files pre-compressed itself.
    "django.middleware.gzip.GZipMiddleware",
    # Above sessions and CSRF, so that it sees every cookie a response sets.
    "netral.common.middleware.PublicCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "netral.common.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "netral.urls"
WSGI_APPLICATION = "netral.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "netral" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "netral.accounts.context_processors.capabilities",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
VAR_DIR.mkdir(exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'netral.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions serialise writers instead of failing with "database is locked";
    # WAL lets readers go on while one writes. synchronous=FULL syncs the WAL at every commit,
    # so a report whose receipt code was shown survives a power cut (NORMAL may lose the last
    # commits); its cost is measured in the README. NETRAL_SQLITE_SYNCHRONOUS is for the
    # benchmark's comparison, not for production.
    _sqlite_sync = env.str("NETRAL_SQLITE_SYNCHRONOUS", default="FULL").upper()
    if _sqlite_sync not in {"FULL", "EXTRA", "NORMAL", "OFF"}:
        raise ImproperlyConfigured("NETRAL_SQLITE_SYNCHRONOUS: FULL, EXTRA, NORMAL or OFF.")
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": f"PRAGMA journal_mode=WAL; PRAGMA synchronous={_sqlite_sync};",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:workspace"
LOGOUT_REDIRECT_URL = "home"
OTP_TOTP_ISSUER = "Netral"

# Throttle failed logins: five failures for one username from one client lock it for 15 min.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# The client address behind the load balancer (NETRAL_TRUSTED_PROXIES), as for rate limits:
# otherwise every client shares the balancer's address and five failures lock everyone out.
AXES_CLIENT_IP_CALLABLE = "netral.common.ratelimit.client_address"

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "netral" / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "netral" / "static"]  # site-wide CSS, outside any app
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Evidence storage: local files by default; S3-compatible object storage (AWS, MinIO, Ceph...)
# when S3_BUCKET is set. Files are encrypted by Netral before they reach either.
S3_BUCKET: str = env.str("S3_BUCKET", default="")
_default_storage: dict[str, object] = (
    {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env.str("S3_ENDPOINT_URL", default="") or None,
            "region_name": env.str("S3_REGION", default="") or None,
            "access_key": env.str("S3_ACCESS_KEY_ID", default="") or None,
            "secret_key": env.str("S3_SECRET_ACCESS_KEY", default="") or None,
            "file_overwrite": False,
            "default_acl": "private",
            "querystring_auth": True,
        },
    }
    if S3_BUCKET
    else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
)
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or TESTING

# --- Mail -----------------------------------------------------------------------------------
# Production must say where mail goes (no default: a missing EMAIL_URL stops the start);
# development prints it to the console.
EMAIL_CONFIG = (
    env.email_url("EMAIL_URL", default="consolemail://")
    if _dev_defaults
    else env.email_url("EMAIL_URL")
)
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Netral <noreply@netral.local>")

# --- Background tasks -----------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind TLS (production): secure cookies, HSTS, and trust the proxy's scheme header.
SECURE_TLS: bool = env.bool("SECURE_TLS", default=not _dev_defaults)
if SECURE_TLS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # Preloading commits the whole domain (subdomains too) to HTTPS for browsers for years: the
    # domain's owner decides (SECURE_HSTS_PRELOAD=1); left off, `check --deploy` is not told.
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
    if not SECURE_HSTS_PRELOAD:
        SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Everything is served from our own origin: no CDN, no inline script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# --- Logging --------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- Netral ---------------------------------------------------------------------------------
# The rulebook version in force (a folder under netral/rules/data/).
NETRAL_RULEBOOK_DIR = env.path("NETRAL_RULEBOOK_DIR", default=BASE_DIR / "netral/rules/data")
NETRAL_DEMO: bool = env.bool("NETRAL_DEMO", default=False)
# The back-office admin lives at an unguessable path in production.
NETRAL_ADMIN_PATH: str = env.str("NETRAL_ADMIN_PATH", default="admin")
NETRAL_DEMO_PORT: int = env.int("PORT", default=8000)
# The demo's clock (``netral.common.clock``): with DEBUG or NETRAL_DEMO, "now" is this date at
# the real time of day, so `make demo` tells an election in progress. The default lies in the
# Pilkada 2024 campaign (25 Sep - 23 Nov 2024, netral/elections/data/pilkada-2024.toml). Empty:
# the real date. Production (neither flag) ignores it.
_DEMO_TODAY = env.str("NETRAL_DEMO_TODAY", default="2024-11-10").strip()
NETRAL_DEMO_TODAY: datetime.date | None = (
    datetime.date.fromisoformat(_DEMO_TODAY) if _DEMO_TODAY else None
)

# Shared cache (rate limits): the database by default so that all web processes agree.
CACHES = {
    "default": env.cache("CACHE_URL", default="dbcache://netral_cache"),
}
# How many reverse proxies in front of the app append to X-Forwarded-For (0: use REMOTE_ADDR).
NETRAL_TRUSTED_PROXIES: int = env.int("NETRAL_TRUSTED_PROXIES", default=0)
# How long a new personal API token lives, in days (0: until revoked).
NETRAL_TOKEN_DAYS: int = env.int("NETRAL_TOKEN_DAYS", default=90)
# How long aggregate statistics (dashboard, open data, stats API) are served from the cache;
# 0 computes them on every request.
NETRAL_STATS_CACHE_SECONDS: int = env.int("NETRAL_STATS_CACHE_SECONDS", default=300)
# Cleaning time one submission's files share (a report, a message, clarification minutes);
# each document still has its own 10 s limit. Spent, the upload is refused, nothing stored.
NETRAL_SCRUB_BUDGET_SECONDS: float = env.float("NETRAL_SCRUB_BUDGET_SECONDS", default=20.0)
# How long a staff invitation or authenticator-recovery link works (it works once).
NETRAL_INVITATION_HOURS: int = env.int("NETRAL_INVITATION_HOURS", default=72)
# The public address, for links in e-mails and PDFs; unset, the local server on PORT (so
# `make demo PORT=8123` links to port 8123).
NETRAL_SITE_URL: str = env.str(
    "NETRAL_SITE_URL", default=f"http://127.0.0.1:{NETRAL_DEMO_PORT}"
).rstrip("/")

# --- Channels (issue #15): WhatsApp Business Cloud API and e-mail intake -------------------
# Empty secrets switch the WhatsApp webhook off (404): an empty HMAC key would let anyone sign.
WHATSAPP_VERIFY_TOKEN: str = env.str("WHATSAPP_VERIFY_TOKEN", default="")
WHATSAPP_APP_SECRET: str = env.str("WHATSAPP_APP_SECRET", default="")
WHATSAPP_ACCESS_TOKEN: str = env.str("WHATSAPP_ACCESS_TOKEN", default="")
WHATSAPP_GRAPH_URL: str = env.str(
    "WHATSAPP_GRAPH_URL", default="https://graph.facebook.com/v21.0"
).rstrip("/")
# A conversation left unanswered this long is forgotten with everything it collected.
WHATSAPP_STATE_MINUTES: int = env.int("WHATSAPP_STATE_MINUTES", default=60)
# The address(es) reports are mailed to; the SMTP listener (`manage.py channels_smtp`) accepts
# mail for these only. Empty: e-mail intake off.
EMAIL_INTAKE_ADDRESSES: list[str] = env.list("EMAIL_INTAKE_ADDRESSES", default=[])
EMAIL_INTAKE_SMTP_HOST: str = env.str("EMAIL_INTAKE_SMTP_HOST", default="127.0.0.1")
EMAIL_INTAKE_SMTP_PORT: int = env.int("EMAIL_INTAKE_SMTP_PORT", default=8025)
# IMAP polling instead of (or beside) the listener: imaps://user:password@host:993/INBOX.
EMAIL_INTAKE_IMAP_URL: str = env.str("EMAIL_INTAKE_IMAP_URL", default="")
EMAIL_INTAKE_IMAP_SECONDS: int = env.int("EMAIL_INTAKE_IMAP_SECONDS", default=60)
# Links given as evidence are captured in headless Chromium (`netral.channels.capture`).
# Private, loopback and link-local addresses are refused (SSRF): allow them only for a test
# server, never in production.
NETRAL_CAPTURE_ENABLED: bool = env.bool("NETRAL_CAPTURE_ENABLED", default=True)
NETRAL_CAPTURE_ALLOW_PRIVATE: bool = env.bool("NETRAL_CAPTURE_ALLOW_PRIVATE", default=False)
