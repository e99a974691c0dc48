"""The site's URLs plus ``POST /bench/kdf``, which does nothing but the receipt code's scrypt
(a fresh random code, its stored digest): the reference rate for intake, served by the same
gunicorn through the same middleware. Only ``bench.intake_settings`` routes here."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from netral.reports.receipts import receipt_code_new, receipt_digest
from netral.urls import urlpatterns as site_urlpatterns


@csrf_exempt
@require_POST
def kdf_only(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"digest": receipt_digest(receipt_code_new())}, status=201)


urlpatterns = [path("bench/kdf", kdf_only), *site_urlpatterns]
