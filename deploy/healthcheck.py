"""Container health check: GET /healthz on the local gunicorn (200 when the database answers).

Sends the first ALLOWED_HOSTS name as Host (the app refuses others) and X-Forwarded-Proto
https, as the TLS proxy in front would. Exit 0 healthy, 1 not.
"""

from __future__ import annotations

import http.client
import os
import sys


def main() -> int:
    hosts = [h.strip().lstrip(".") for h in os.environ.get("ALLOWED_HOSTS", "").split(",")]
    host = next((h for h in hosts if h and h != "*"), "localhost")
    port = int(os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").split(",")[0].rsplit(":", 1)[1])
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", "/healthz", headers={"Host": host, "X-Forwarded-Proto": "https"})
        status = connection.getresponse().status
    except OSError as exc:
        print(f"healthz: {exc}", file=sys.stderr)
        return 1
    print(f"healthz: {status}")
    return 0 if status == 200 else 1


if __name__ == "__main__":
    sys.exit(main())
