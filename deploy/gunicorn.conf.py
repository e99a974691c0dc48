"""Gunicorn settings for Netral: ``gunicorn -c deploy/gunicorn.conf.py netral.wsgi``.

Used by the Docker image and the systemd unit alike. Before any worker starts, Django's
system checks run with ``--deploy``: a development key, a missing or malformed field key or
console e-mail stops the start (gunicorn alone does not run them).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

chdir = str(Path(__file__).resolve().parent.parent)
wsgi_app = "netral.wsgi"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",")
workers = int(os.environ.get("WEB_CONCURRENCY", str(2 * (os.cpu_count() or 1) + 1)))
# Uploads are cleaned within NETRAL_SCRUB_BUDGET_SECONDS (20 s); leave room above it.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Only the proxy in front may say the request came over HTTPS.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No control socket (gunicornc, gunicorn 25.1+): it would be made in $HOME/.gunicorn, which
# is read-only under the units' ProtectSystem=strict and in the image, so every start logged
# "Control server error: Permission denied". Reload with SIGHUP (systemctl reload).
control_socket_disable = True


def on_starting(server: Any) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "netral.settings")
    import django
    from django.core.management import call_command
    from django.db import connections

    django.setup()
    call_command("check", deploy=True, fail_level="ERROR")
    connections.close_all()
