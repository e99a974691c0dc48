"""Report intake: requests per second and latency of POST /api/reports, with and without a
photo, plus the code look-up (POST /api/reports/status).

Sequential requests through Django's test client in one process: this measures the server's
own work per request (validation, scrypt hashing of the code, encryption, image cleaning,
database writes), not the network.
"""

from __future__ import annotations

import io
import json
import os

from bench.harness import django_with_test_database, measure

N_JSON = int(os.environ.get("BENCH_N", "200"))
N_PHOTO = max(20, N_JSON // 4)


def main() -> None:
    with django_with_test_database():
        from django.db import connection
        from django.test import Client

        from netral.reports.tests.apis.test_submit_api import valid
        from netral.reports.tests.files import jpeg_with_exif

        client = Client()
        body = json.dumps(valid())
        photo = jpeg_with_exif(size=(1600, 1200))  # a phone photo, downscaled
        codes: list[str] = []

        def submit_json(_: int) -> None:
            response = client.post("/api/reports", body, content_type="application/json")
            assert response.status_code == 201, response.content
            codes.append(response.json()["receipt_code"])

        def submit_photo(_: int) -> None:
            upload = io.BytesIO(photo)
            upload.name = "bukti.jpg"
            response = client.post("/api/reports", {"report": body, "files": [upload]})
            assert response.status_code == 201, response.content

        def lookup(i: int) -> None:
            response = client.post(
                "/api/reports/status",
                json.dumps({"receipt_code": codes[i % len(codes)]}),
                content_type="application/json",
            )
            assert response.status_code == 200

        print(f"intake benchmark on {connection.vendor}, photo {len(photo) // 1024} KB")
        for timing in (
            measure("POST /api/reports (JSON, no file)", N_JSON, submit_json),
            measure("POST /api/reports (multipart, 1 photo)", N_PHOTO, submit_photo),
            measure("POST /api/reports/status", N_JSON, lookup),
        ):
            print(timing.line())


if __name__ == "__main__":
    main()
